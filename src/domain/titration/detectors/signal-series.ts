/**
 * One signal (pain, or the wellbeing score of mood, energy and clarity) laid out for the
 * statistical detector: baseline days first, then each counted day tagged with its place on
 * the titration's path, oriented so that higher is better (pain is negated). Levels are
 * summed once so every question costs O(levels).
 */
import type { LevelStats, LoggedDay } from "../level-stats.ts";
import { prefixSums } from "./noise-model.ts";

export type SignalName = "pain" | "wellbeing" | "combined";

export interface SignalSeries {
  readonly signal: SignalName;
  /** Day values, higher is better, baseline days first, then by place on the path. */
  readonly values: readonly number[];
  /** `boundary[c]`: the index of the first value at path place c or later (baseline before it). */
  readonly boundary: readonly number[];
  readonly prefix: ReturnType<typeof prefixSums>;
  /** Per path place: days and the sum of values. */
  readonly levels: readonly { readonly n: number; readonly sum: number }[];
  /** Baseline days in the series. */
  readonly baselineDays: number;
  /**
   * Consecutive days at one dose: the sum of their squared differences and how many. With no
   * change of dose between them, E[(x1 - x2)^2] = 2 sd^2 (1 - rho) whatever the level, so they
   * speak to the noise from every level, the window's included.
   */
  readonly pairs: { readonly sumSq: number; readonly count: number };
}

/** +1 when higher ratings are better, -1 for pain (the combined score is already oriented). */
export function orientation(signal: SignalName): 1 | -1 {
  return signal === "pain" ? -1 : 1;
}

/**
 * @example buildSeries("pain", [7, 7, 7], stats, [100, 200, 300])
 */
export function buildSeries(
  signal: "pain" | "wellbeing",
  baseline: readonly number[],
  stats: LevelStats,
  path: readonly number[],
): SignalSeries {
  const sign = orientation(signal);
  return layOut(
    signal,
    baseline.map((v) => sign * v),
    stats,
    path,
    (day) => {
      const raw = signal === "pain" ? day.pain : day.wellbeing;
      return raw === null ? null : sign * raw;
    },
  );
}

/**
 * Lays out oriented values (higher is better): baseline first, then each counted day at its
 * place on the path, diary order kept within a place.
 *
 * @example layOut("combined", [-7, -7], stats, [100, 200], (d) => -d.pain)
 */
export function layOut(
  signal: SignalName,
  baseline: readonly number[],
  stats: LevelStats,
  path: readonly number[],
  valueOf: (day: LoggedDay) => number | null,
): SignalSeries {
  const place = new Map<number, number>();
  path.forEach((ug, i) => place.set(ug, i));
  // Parallel arrays (no object a day): each counted day's place on the path and value.
  let places: number[] = [];
  let dayValues: number[] = [];
  for (const day of stats.days()) {
    const p = place.get(day.ug);
    const value = p === undefined ? null : valueOf(day);
    if (p !== undefined && value !== null) {
      places.push(p);
      dayValues.push(value);
    }
  }
  // Stable: days at one place stay in diary order. An ascending titration is in order already.
  if (!inOrder(places)) {
    const order = places.map((_, i) => i).sort((a, b) => places[a]! - places[b]! || a - b);
    places = order.map((i) => places[i]!);
    dayValues = order.map((i) => dayValues[i]!);
  }
  const values = baseline.length ? [...baseline, ...dayValues] : dayValues;
  const levels = path.map(() => ({ n: 0, sum: 0 }));
  const boundary: number[] = [];
  let k = 0;
  for (let c = 0; c <= path.length; c++) {
    while (k < places.length && places[k]! < c) k++;
    boundary.push(baseline.length + k);
  }
  const pairs = { sumSq: 0, count: 0 };
  for (let i = 0; i < places.length; i++) {
    const l = levels[places[i]!]!;
    l.n += 1;
    l.sum += dayValues[i]!;
    if (i > 0 && places[i - 1] === places[i]) {
      pairs.sumSq += (dayValues[i]! - dayValues[i - 1]!) ** 2;
      pairs.count += 1;
    }
  }
  return {
    signal,
    values,
    boundary,
    prefix: prefixSums(values),
    levels,
    baselineDays: baseline.length,
    pairs,
  };
}

function inOrder(places: readonly number[]): boolean {
  for (let i = 1; i < places.length; i++) if (places[i]! < places[i - 1]!) return false;
  return true;
}
