/**
 * The statistical detector's design settings (this project's design, not published facts).
 * Each is either a false-alarm rate turned into a threshold by simulation of patients with
 * no response (`bench/calibrate-window.ts`), or a clinical size named with its source.
 */
import type { NoisePrior } from "./noise-model.ts";
import type { SignalName } from "./signal-series.ts";

export interface StatisticalSettings {
  /**
   * The window opens when an improvement reaches this many standard errors. Design setting:
   * calibrated so a patient with no response has about a 5% chance of a window anywhere in
   * a 120-day micro-titration, pain and wellbeing together (bench/calibrate-window.ts).
   */
  readonly windowZ: number;
  /**
   * A window on fewer days than this (one 2-day level) must clear `windowZ` by
   * `shortWindowMarginZ` more standard errors: a run of good days at one level is what noise
   * with heavier tails than the normal's makes (flare-free days), yet a window can be a
   * single level wide (004).
   */
  readonly minWindowDays: number;
  readonly shortWindowMarginZ: number;
  /** The smallest improvement that opens a window, per signal, in rating points. */
  readonly minEffect: Readonly<Record<SignalName, number>>;
  /** What is assumed of a patient's noise until their own flat stretch says otherwise. */
  readonly priors: Readonly<Record<SignalName, NoisePrior>>;
  /** Levels each side a level's value borrows from when the best level is sought. */
  readonly smoothingHalfWidth: number;
  /** A level worse than the best (or than before LDN) by this many standard errors is harm. */
  readonly harmZ: number;
  /**
   * No additional improvement: the levels after the best are, with this many standard
   * errors of confidence, less than `plateauMargin` better than it.
   */
  readonly plateauZ: number;
  readonly plateauMargin: Readonly<Record<SignalName, number>>;
  /** 004: 2 successive increases without improvement, at least. */
  readonly minPlateauLevels: number;
  /** At most this many days past the best without a new best, whatever the noise. */
  readonly maxPatienceDays: number;
}
