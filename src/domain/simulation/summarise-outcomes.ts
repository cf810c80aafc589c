/**
 * The bench's figures for one protocol and detector over a cohort: how often each
 * responder's MED was found and how close, how often non-responders were correctly
 * stopped, how long decisions took, drop-outs and capsules.
 */
import type { PatientOutcome } from "./run-patient.ts";

/**
 * Design setting of the bench: a found dose counts as "the MED found" within 0.2 mg or 15%
 * of the hidden MED, whichever is wider (two 0.1 mg levels, or proportionally more at high doses).
 */
export const FOUND_WITHIN_UG = 200;
export const FOUND_WITHIN_SHARE = 0.15;

export interface OutcomeSummary {
  readonly patients: number;
  readonly responders: number;
  readonly nonResponders: number;
  /** Share of responders whose MED was found (drop-outs and misses count against). */
  readonly medFound: number;
  /** Mean |found - hidden MED| in mg over responders with a found dose. */
  readonly meanErrorMg: number | null;
  /** Mean benefit at the found dose as a share of the best achievable, over responders with a found dose. */
  readonly benefitShare: number | null;
  /** Share of non-responders stopped by the engine (drop-outs count against). */
  readonly nonRespondersStopped: number;
  /** Share of responders wrongly stopped. */
  readonly respondersStopped: number;
  readonly medianDaysToDecision: number | null;
  readonly dropOuts: number;
  readonly meanCapsules: number;
  readonly hormesisFlagged: number;
}

/**
 * @example summariseOutcomes(outcomes).medFound // 0.62
 */
export function summariseOutcomes(outcomes: readonly PatientOutcome[]): OutcomeSummary {
  const responders = outcomes.filter((o) => o.responder);
  const nonResponders = outcomes.filter((o) => !o.responder);
  const withDose = responders.filter((o) => o.foundUg !== null);
  const days = outcomes.flatMap((o) => (o.daysToDecision === null ? [] : [o.daysToDecision]));
  return {
    patients: outcomes.length,
    responders: responders.length,
    nonResponders: nonResponders.length,
    medFound: share(responders, isFound),
    meanErrorMg: withDose.length
      ? mean(withDose.map((o) => Math.abs(o.foundUg! - o.trueMedUg) / 1000))
      : null,
    benefitShare: withDose.length ? mean(withDose.map((o) => o.benefitShare!)) : null,
    nonRespondersStopped: share(nonResponders, (o) => o.state === "stopped" && !o.droppedOut),
    respondersStopped: share(responders, (o) => o.state === "stopped" && !o.droppedOut),
    medianDaysToDecision: days.length ? median(days) : null,
    dropOuts: share(outcomes, (o) => o.droppedOut),
    meanCapsules: mean(outcomes.map((o) => o.capsules)),
    hormesisFlagged: share(outcomes, (o) => o.hormesisFlagged),
  };
}

/** True when the found dose is within the bench's tolerance of the hidden MED. */
export function isFound(o: PatientOutcome): boolean {
  if (o.foundUg === null || !o.responder) return false;
  return Math.abs(o.foundUg - o.trueMedUg) <= Math.max(FOUND_WITHIN_UG, FOUND_WITHIN_SHARE * o.trueMedUg);
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length ? items.filter(test).length / items.length : 0;
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
