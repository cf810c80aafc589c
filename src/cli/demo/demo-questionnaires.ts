/** The demo patients' questionnaires: BPI, PROMIS Global-10 and PF 4a answered at one level. */
import type { Actor } from "../../app/ports/actor.ts";
import type { Store } from "../../app/ports/store.ts";
import { recordQuestionnaire } from "../../app/use-cases/record-questionnaire.ts";

/** A rating on the 0-10 scale, rounded. */
export const clamp = (v: number) => Math.max(0, Math.min(10, Math.round(v)));

/** PROMIS Global-10 and PF 4a with every item at `level` (1 worst to 5 best); pain to match. */
export async function recordPromis(
  store: Store,
  staff: Actor,
  patientId: string,
  date: string,
  level: number,
) {
  const global10 = Object.fromEntries(
    [
      "Global01",
      "Global02",
      "Global03",
      "Global04",
      "Global05",
      "Global06",
      "Global08r",
      "Global09",
      "Global10r",
    ].map((item) => [item, level]),
  );
  const pf = Object.fromEntries(["PFA11", "PFA21", "PFA23", "PFA53"].map((item) => [item, level]));
  await store.transaction(staff, async (tx) => {
    await recordQuestionnaire(tx, patientId, "promis-global10", date, {
      ...global10,
      Global07r: clamp(9 - 1.5 * level),
    });
    await recordQuestionnaire(tx, patientId, "promis-pf-4a", date, pf);
  });
}

export function bpiAnswers(level: number) {
  const r = (d: number) => clamp(level + d);
  return {
    worst: r(2),
    least: r(-2),
    average: r(0),
    now: r(0),
    activity: r(1),
    mood: r(0),
    walking: r(0),
    work: r(1),
    relations: r(-1),
    sleep: r(1),
    enjoyment: r(0),
  };
}
