/**
 * A few words for each of the engine's alert codes, for lists where the full message is too
 * long (the dashboard's "needs attention", a heading over the message). The engine's own
 * message says what happened, with the numbers; these only name it.
 */
import type { AlertCode } from "../../domain/titration/alerts.ts";

/** Lower case, to be read inside a sentence ("Alert: titrating on opioids"). */
export const ALERT_LABELS: Readonly<Record<AlertCode, string>> = Object.freeze({
  "dose-above-due": "took more than was due",
  "dose-above-limit": "dose above the protocol's limit",
  "dose-unit-slip": "dose recorded in the wrong unit?",
  "doses-stopped": "doses stopped",
  "diary-silent": "diary silent",
  "gi-unsettled": "stomach upset not settling",
  "titrating-on-opioids": "titrating on opioids",
  withdrawal: "opioid withdrawal reported",
  "effect-fading": "effect fading at the MED",
  harm: "worse on this dose",
});

/**
 * The label of an alert code; a code this list does not know yet reads as its words.
 *
 * @example alertLabel("titrating-on-opioids") // "titrating on opioids"
 */
export function alertLabel(code: string): string {
  return (ALERT_LABELS as Readonly<Record<string, string>>)[code] ?? code.replace(/-/g, " ");
}
