/**
 * The statistical detector for dose-finding in small steps (004's 0.1 mg levels of 2 days,
 * and the micro-adjustments around a fixed dose). Designed from the patient's own noise:
 * - noise: each patient's day-to-day SD and lag-1 autocorrelation, from their own flat
 *   stretch (baseline days and the levels before any change), shrunk toward a prior while
 *   that stretch is short (`noise-model.ts`);
 * - window: a change-point scan over every possible start, against everything before it,
 *   with a threshold calibrated for a whole titration's worth of looks (`window-scan.ts`);
 * - signals: pain, and the wellbeing score of mood, energy and clarity (004: what patients
 *   watch for); either can open the window, and the one that did guides the search;
 * - MED: the top of the smoothed dose-response, settled on harm or on a plateau
 *   (`peak-search.ts`).
 * Every reason gives the numbers it compared, in the signal's own units.
 */
import { formatDose } from "../../dose.ts";
import { normalQuantile, normalSf } from "../../stats/normal-distribution.ts";
import type { LevelStats } from "../level-stats.ts";
import type { Baseline, Detector, MedVerdict, SearchContext, WindowVerdict } from "./detector.ts";
import { pain } from "./describe.ts";
import { searchPeak, type PeakSearch } from "./peak-search.ts";
import { combinedSeries, evenlyCombined } from "./combined-series.ts";
import { buildSeries, orientation, type SignalName, type SignalSeries } from "./signal-series.ts";
import type { StatisticalSettings } from "./statistical-settings.ts";
import { compareSplit, scanWindow, type Comparison, type WindowScan } from "./window-scan.ts";

const SIGNAL_WORDS: Readonly<Record<SignalName, string>> = {
  pain: "pain",
  wellbeing: "mood, energy and clarity",
  combined: "pain with mood, energy and clarity (combined score)",
};

/**
 * Said to the clinician while no window shows on a pain-only diary: without mood, energy and
 * clarity a third of responders found no window in the whole titration (bench/engine-stress.ts,
 * pain-only: 34% against 7%), and the clinic can ask for them.
 */
const PAIN_ALONE =
  "; pain is read alone, as no mood, energy or clarity was rated before the first dose: a window takes more days to show on pain alone";

/** The pieces of a detector that the statistical design answers. */
export type StatisticalParts = Pick<Detector, "windowEntry" | "med" | "best">;

/**
 * Does a dose held for weeks work, on pain and mood, energy and clarity together (their
 * even mean change, in points), by more than `z` standard errors of the patient's own noise?
 * Null when the patient rated no wellbeing before the first dose (pain alone decides then).
 *
 * @example respondsTogether(stats, 4500, baseline, settings, 0.25)?.yes
 */
export function respondsTogether(
  stats: LevelStats,
  ug: number,
  baseline: Baseline,
  settings: StatisticalSettings,
  z: number,
): { yes: boolean; reason: string } | null {
  if (baseline.wellbeing.length === 0 || baseline.pains.length === 0) return null;
  const series = evenlyCombined(baseline, stats, [ug]);
  const k = series.boundary[0]!;
  if (k === 0 || k === series.values.length) return null;
  const c = compareSplit(series, k, settings);
  const yes = c.z > z;
  return {
    yes,
    reason: `${formatDose(ug)}: ${compared("combined", c)}; more than ${z} standard errors better is needed (design setting)`,
  };
}

/**
 * @example createStatisticalParts(STATISTICAL_DEFAULTS).windowEntry(baseline, stats, [100, 200]).entered
 */
export function createStatisticalParts(settings: StatisticalSettings): StatisticalParts {
  return {
    windowEntry(baseline, stats, path): WindowVerdict {
      const signals = signalsOf(baseline);
      const scanSettings = { ...settings, windowZ: windowZForSignals(settings.windowZ, signals.length) };
      const scans = signals.flatMap((signal) => {
        const scan = scanWindow(seriesFor(signal, baseline, stats, path), scanSettings);
        return scan ? [{ signal, scan }] : [];
      });
      const last = path.at(-1)!;
      if (scans.length === 0) return { entered: false, atUg: last, reason: "no days to compare yet" };
      const entered = scans.filter((s) => s.scan.entered);
      const chosen = (entered.length ? entered : scans).reduce((a, b) => (b.scan.z > a.scan.z ? b : a));
      const text = describeScan(chosen.signal, chosen.scan, path, scanSettings);
      return entered.length
        ? { entered: true, atUg: path[chosen.scan.start]!, reason: text, signal: chosen.signal }
        : {
            entered: false,
            atUg: last,
            reason: `no window yet: ${text}${signals.length === 1 ? PAIN_ALONE : ""}`,
          };
    },

    med(stats, path, context): MedVerdict {
      const search = searchOn(stats, path, context, settings);
      const { series, result, places } = search;
      const bestUg = places[result.best]!;
      const outcome = result.outcome;
      if (outcome.kind === "searching") {
        return {
          medUg: null,
          reason: `best so far ${describeLevel(series, result, places, result.best)}; ${searchingText(series, result, settings)}`,
        };
      }
      if (outcome.kind === "harm") {
        const from = places[outcome.from]!;
        const against = outcome.against === "best" ? `the best, ${formatDose(bestUg)}` : "before LDN";
        return {
          medUg: bestUg,
          harm: true,
          reason:
            `${SIGNAL_WORDS[series.signal]} from ${formatDose(from)} on is worse than ${against}: ${compared(series.signal, outcome.comparison)}; ` +
            `back to ${formatDose(bestUg)} (004: a higher dose can lose the benefit)`,
        };
      }
      return {
        medUg: bestUg,
        reason:
          `${outcome.daysAfter} days over ${places.length - 1 - result.best} levels above ${formatDose(bestUg)} brought no additional improvement` +
          `${outcome.comparison ? ` (${compared(series.signal, outcome.comparison)})` : ""}; ` +
          `MED ${describeLevel(series, result, places, result.best)} (004: 2 successive increases without improvement, then back)`,
      };
    },

    best(stats, path, context) {
      const { series, result, places } = searchOn(stats, path, context, settings);
      return {
        medUg: places[result.best]!,
        reason: `best level tried: ${describeLevel(series, result, places, result.best)}`,
      };
    },
  };
}

/** Signals `windowZ` is calibrated for: pain, wellbeing, and both together. */
const CALIBRATED_SIGNALS = 3;

/**
 * The window threshold when fewer signals are read (a patient who rates pain only): the
 * calibrated tail probability is spread over fewer tests (Bonferroni's scaling).
 *
 * @example windowZForSignals(4, 3) // 4
 * @example windowZForSignals(4, 1) // about 3.73
 */
export function windowZForSignals(calibratedZ: number, signals: number): number {
  if (signals >= CALIBRATED_SIGNALS) return calibratedZ;
  return normalQuantile(1 - (normalSf(calibratedZ) * CALIBRATED_SIGNALS) / signals);
}

function signalsOf(baseline: Baseline): SignalName[] {
  return baseline.wellbeing.length > 0 ? ["pain", "wellbeing", "combined"] : ["pain"];
}

function seriesFor(
  signal: SignalName,
  baseline: Baseline,
  stats: LevelStats,
  path: readonly number[],
): SignalSeries {
  if (signal === "combined") return evenlyCombined(baseline, stats, path);
  return buildSeries(signal, signal === "pain" ? baseline.pains : baseline.wellbeing, stats, path);
}

function searchOn(
  stats: LevelStats,
  path: readonly number[],
  context: SearchContext | undefined,
  settings: StatisticalSettings,
): { series: SignalSeries; result: PeakSearch; places: readonly number[] } {
  const before = context?.before ?? [];
  const places = [...before, ...path];
  const baseline = context?.baseline ?? { mean: 0, days: 0, ss: 0, pains: [], wellbeing: [] };
  const series = combinedSeries(baseline, stats, places, before.length, settings.priors);
  return { series, result: searchPeak(series, before.length, settings), places };
}

/** A mean in the signal's natural units (pain back to pain). */
function natural(signal: SignalName, value: number): string {
  return pain(orientation(signal) * value);
}

function compared(signal: SignalName, c: Comparison): string {
  const change = Math.abs(c.afterMean - c.beforeMean);
  const direction = c.afterMean >= c.beforeMean ? "better" : "worse";
  return (
    `${SIGNAL_WORDS[signal]} ${natural(signal, c.afterMean)} over ${c.afterDays} days against ${natural(signal, c.beforeMean)} over ${c.beforeDays}, ` +
    `${pain(change)} points ${direction}, ${Math.abs(c.z).toFixed(1)} standard errors ` +
    `(day-to-day SD ${pain(c.noise.sd)}, autocorrelation ${c.noise.rho.toFixed(2)}, from the patient's own steady days)`
  );
}

function describeScan(
  signal: SignalName,
  scan: WindowScan,
  path: readonly number[],
  settings: StatisticalSettings,
): string {
  const from = formatDose(path[scan.start]!);
  const before =
    scan.start === 0
      ? "baseline"
      : `baseline and ${formatDose(path[0]!)}-${formatDose(path[scan.start - 1]!)}`;
  return (
    `${SIGNAL_WORDS[signal]} from ${from} on against ${before}: ${compared(signal, scan)}; ` +
    `the window needs ${settings.windowZ.toFixed(1)} standard errors (${(settings.windowZ + settings.shortWindowMarginZ).toFixed(1)} on fewer than ${settings.minWindowDays} days) and ${settings.minEffect[signal]} point (design setting: few false windows over a whole titration)`
  );
}

function describeLevel(
  series: SignalSeries,
  result: PeakSearch,
  places: readonly number[],
  i: number,
): string {
  const l = series.levels[i]!;
  const raw = l.n ? natural(series.signal, l.sum / l.n) : "-";
  return `${formatDose(places[i]!)} (${SIGNAL_WORDS[series.signal]} ${raw} over ${l.n} days, smoothed ${natural(series.signal, result.smoothed[i]!)})`;
}

function searchingText(series: SignalSeries, result: PeakSearch, settings: StatisticalSettings): string {
  const after = series.levels.slice(result.best + 1).reduce((a, l) => a + l.n, 0);
  return `${after} days above it so far; settled when the levels above are clearly worse, or bring less than ${settings.plateauMargin[series.signal]} point more (at least ${settings.minPlateauLevels} levels, at most ${settings.maxPatienceDays} days)`;
}
