/**
 * Pain observed at each daily total: the evidence every detector reads. Kept as running
 * sums so a 120-day titration costs nothing to re-summarise each day.
 */

export interface LevelSummary {
  /** The daily total these days were taken at. */
  readonly ug: number;
  /** Recorded days with that total taken in full. */
  readonly n: number;
  readonly meanPain: number;
}

/** One counted day as the statistical detector reads it, in diary order. */
export interface LoggedDay {
  readonly ug: number;
  readonly pain: number;
  /** The mean of the day's mood, energy and clarity ratings (null when none was rated). */
  readonly wellbeing: number | null;
}

export class LevelStats {
  private readonly sums = new Map<number, { n: number; sum: number; sumSq: number }>();
  /** Totals in the order they were first observed: the path the titration took. */
  private readonly path: number[] = [];
  private readonly log: LoggedDay[] = [];

  /**
   * Adds one day's pain (and wellbeing, when rated) at a daily total.
   *
   * @example stats.add(700, 3); stats.summary(700) // { ug: 700, n: 1, meanPain: 3 }
   */
  add(ug: number, pain: number, wellbeing: number | null = null): void {
    let s = this.sums.get(ug);
    if (!s) {
      s = { n: 0, sum: 0, sumSq: 0 };
      this.sums.set(ug, s);
      this.path.push(ug);
    }
    s.n += 1;
    s.sum += pain;
    s.sumSq += pain * pain;
    this.log.push({ ug, pain, wellbeing });
  }

  /** Every counted day in diary order. */
  days(): readonly LoggedDay[] {
    return this.log;
  }

  /** Days recorded at `ug` (0 when none). */
  count(ug: number): number {
    return this.sums.get(ug)?.n ?? 0;
  }

  /** The level's summary, or undefined when no day was recorded at it. */
  summary(ug: number): LevelSummary | undefined {
    const s = this.sums.get(ug);
    return s ? { ug, n: s.n, meanPain: s.sum / s.n } : undefined;
  }

  /** Summaries of `ugs` that have data, in the order given. */
  summaries(ugs: readonly number[]): LevelSummary[] {
    const out: LevelSummary[] = [];
    for (const ug of ugs) {
      const s = this.summary(ug);
      if (s) out.push(s);
    }
    return out;
  }

  /** Every total observed, in the order first observed. */
  visited(): readonly number[] {
    return this.path;
  }

  /** Pools the days of several levels into one mean (undefined when none has data). */
  pooledMean(ugs: readonly number[]): { n: number; mean: number } | undefined {
    let n = 0;
    let sum = 0;
    for (const ug of ugs) {
      const s = this.sums.get(ug);
      if (s) {
        n += s.n;
        sum += s.sum;
      }
    }
    return n === 0 ? undefined : { n, mean: sum / n };
  }

  /**
   * The day-to-day scatter of pain within levels: squared deviations from each level's own
   * mean, pooled over `ugs` (every level observed by default), with their degrees of
   * freedom. A patient whose ratings never vary at a dose scores 0.
   *
   * @example stats.add(700, 3); stats.add(700, 5); stats.withinLevelScatter() // { ss: 2, df: 1 }
   */
  withinLevelScatter(ugs: readonly number[] = this.path): { ss: number; df: number } {
    let ss = 0;
    let df = 0;
    for (const ug of ugs) {
      const s = this.sums.get(ug);
      if (!s) continue;
      ss += Math.max(0, s.sumSq - (s.sum * s.sum) / s.n);
      df += s.n - 1;
    }
    return { ss, df };
  }
}
