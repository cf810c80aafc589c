/**
 * Ranks with ties given the average of the ranks they span (scipy's `rankdata`,
 * method 'average'), plus the size of every tie group, which the tie corrections of
 * the signed-rank test need.
 */

export interface Ranking {
  /** Rank of each value, in input order; 1 is the smallest. */
  readonly ranks: readonly number[];
  /** Size of each group of equal values, in ascending order of value (1 for an untied value). */
  readonly tieGroups: readonly number[];
}

/**
 * Average ranks of `values` (1-based).
 *
 * @example
 * averageRanks([10, 20, 20, 5]);
 * // { ranks: [2, 3.5, 3.5, 1], tieGroups: [1, 1, 2] }
 */
export function averageRanks(values: readonly number[]): Ranking {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  const tieGroups: number[] = [];
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    // Positions start..end-1 hold equal values: each gets the mean of ranks start+1..end.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    tieGroups.push(end - start);
    start = end;
  }
  return { ranks, tieGroups };
}
