/**
 * Issue 11's figures for one protocol and detector over a judged cohort: the mean score
 * over responders and the share of non-responders given a MED, with context (responders
 * left with no MED, harmful MEDs, days to a decision, distance from the hidden MED).
 */
import type { JudgedOutcome } from "./run-judged-patient.ts";

export interface Judgement {
  readonly patients: number;
  readonly responders: number;
  readonly nonResponders: number;
  /** Mean score over responders (`judgedScore`: 0 with no MED, below 0 for a harmful one); null with no responders. */
  readonly score: number | null;
  /** Share of non-responders given a MED; null with no non-responders. */
  readonly nonResponderMedShare: number | null;
  /** Share of responders given no MED (stopped or undecided). */
  readonly responderNoMedShare: number | null;
  /** Share of responders given a MED at which their pain is worse than before LDN (latent benefit below 0). */
  readonly harmfulMedShare: number | null;
  /** Median days from the first dose to the decision (MED or stop), over patients with one. */
  readonly medianDaysToDecision: number | null;
  /** Mean |declared - hidden MED| in mg over responders given a MED. */
  readonly meanErrorMg: number | null;
  /** Share of patients with no decision by the day cap. */
  readonly undecidedShare: number;
}

/**
 * @example summariseJudgement(outcomes).score // 0.87
 */
export function summariseJudgement(outcomes: readonly JudgedOutcome[]): Judgement {
  const responders = outcomes.filter((o) => o.responder);
  const nonResponders = outcomes.filter((o) => !o.responder);
  const withMed = responders.filter((o) => o.declaredUg !== null);
  const days = outcomes.flatMap((o) => (o.daysToDecision === null ? [] : [o.daysToDecision]));
  return {
    patients: outcomes.length,
    responders: responders.length,
    nonResponders: nonResponders.length,
    score: responders.length ? mean(responders.map((o) => o.score ?? 0)) : null,
    nonResponderMedShare: share(nonResponders, (o) => o.declaredUg !== null),
    responderNoMedShare: share(responders, (o) => o.declaredUg === null),
    harmfulMedShare: share(responders, (o) => o.declaredUg !== null && (o.score ?? 0) < 0),
    medianDaysToDecision: days.length ? median(days) : null,
    meanErrorMg: withMed.length
      ? mean(withMed.map((o) => Math.abs(o.declaredUg! - o.trueMedUg) / 1000))
      : null,
    undecidedShare: share(outcomes, (o) => o.decision === "undecided") ?? 0,
  };
}

function share<T>(items: readonly T[], test: (item: T) => boolean): number | null {
  return items.length ? items.filter(test).length / items.length : null;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
