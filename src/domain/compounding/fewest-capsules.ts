/**
 * The fewest capsules, from a given set of strengths, that add up exactly to a dose:
 * the question every plan answers for each dose amount. Once the strengths are fixed,
 * each dose amount can be answered on its own, because the cost of a fill is a sum
 * over doses.
 */

/**
 * The capsules (largest first) that make `target` with as few capsules as possible,
 * at most `max`; `null` when no such combination exists. Works in any unit (micrograms
 * or strength steps), as long as `target` and `strengths` share it.
 *
 * A small dynamic programme over the amounts 0..target: exact, and cheap because
 * `target` is a dose measured in strength steps (tens, not thousands).
 *
 * @example fewestCapsules(300, [100, 200], 2) // [200, 100]
 * @example fewestCapsules(500, [100, 200], 2) // null (needs 3)
 */
export function fewestCapsules(target: number, strengths: readonly number[], max: number): number[] | null {
  const sorted = [...new Set(strengths)].filter((s) => s > 0 && s <= target).sort((a, b) => b - a);
  const count = new Array<number>(target + 1).fill(Infinity);
  const last = new Array<number>(target + 1).fill(0);
  count[0] = 0;
  for (let v = 1; v <= target; v++) {
    // Strengths are tried largest first and only a strictly better count replaces the
    // choice, so ties go to the larger capsule: 300 = 200 + 100, not 100 + 200.
    for (const s of sorted) {
      if (s <= v && count[v - s]! + 1 < count[v]!) {
        count[v] = count[v - s]! + 1;
        last[v] = s;
      }
    }
  }
  if (!(count[target]! <= max)) return null;
  const capsules: number[] = [];
  for (let v = target; v > 0; v -= last[v]!) capsules.push(last[v]!);
  return capsules.sort((a, b) => b - a);
}
