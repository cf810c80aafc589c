/**
 * When the patient's outcome questionnaires are due, for a notice on their phone (issue 12).
 * 004 measured outcomes at the first visit and again at least 4 weeks after the MED was
 * established (clinical reference, section 2, "Outcomes (004)").
 */
import { addDays } from "../../domain/calendar-date.ts";
import type { Assessment } from "../../domain/titration/titration-state.ts";
import { OUTCOME_DUE_DAYS_AFTER_MED } from "./summarise-patient.ts";

export interface QuestionnaireDue {
  /** "start": none answered yet (the first-visit measure); "follow-up": 4 weeks after the MED. */
  readonly kind: "start" | "follow-up";
  /** The day it became due. */
  readonly since: string;
}

/**
 * The questionnaire due today, or null when none is.
 *
 * @example questionnaireDue(a, "2027-01-04", [], "2027-01-05") // { kind: "start", since: "2027-01-04" }
 */
export function questionnaireDue(
  a: Pick<Assessment, "state" | "decidedOn"> | null,
  planStart: string,
  answeredOn: readonly string[],
  today: string,
): QuestionnaireDue | null {
  if (answeredOn.length === 0) return { kind: "start", since: planStart < today ? planStart : today };
  if (!a || (a.state !== "med" && a.state !== "maintenance") || !a.decidedOn) return null;
  const since = addDays(a.decidedOn, OUTCOME_DUE_DAYS_AFTER_MED);
  if (today < since || answeredOn.some((d) => d >= since)) return null;
  return { kind: "follow-up", since };
}
