/**
 * A diary day as Observations: pain as LOINC 72514-3 (0-10), and mood, energy, clarity and each
 * side effect with ldn's local diary code system (fhir.md: do not invent LOINC codes).
 */
import type { CodeSystem, Observation } from "@medplum/fhirtypes";
import type { DiaryEntry } from "../app/ports/diary-repository.ts";
import { SIDE_EFFECT_LABELS, SIDE_EFFECTS, type SideEffect } from "../domain/diary/side-effects.ts";
import { DIARY_CODES, PAIN_SEVERITY, ref, SURVEY } from "./codes.ts";

/** The diary's own 0-10 ratings besides pain, with how they read. */
const RATINGS = {
  mood: "Mood, 0-10 (patient-reported)",
  energy: "Energy, 0-10 (patient-reported)",
  clarity: "Mental clarity, 0-10 (patient-reported)",
} as const;

const SIDE_EFFECT_CODE = { system: DIARY_CODES, code: "side-effect", display: "Side effect reported" };

/**
 * @example diaryObservations(entry)[0].code.coding[0].code // "72514-3"
 */
export function diaryObservations(entry: DiaryEntry): Observation[] {
  const body = entry.body;
  const base = (suffix: string): Observation => ({
    resourceType: "Observation",
    id: `${entry.id}-${suffix}`,
    status: entry.version > 1 ? "amended" : "final",
    category: SURVEY,
    code: { text: suffix },
    subject: ref("Patient", entry.patientId),
    effectiveDateTime: entry.date,
    issued: entry.recordedAt,
    performer: [ref("Patient", entry.patientId)],
  });
  const out: Observation[] = [];
  if (typeof body.pain === "number") {
    out.push({ ...base("pain"), code: { coding: [PAIN_SEVERITY], text: "Pain, 0-10" }, ...score(body.pain) });
  }
  for (const [key, display] of Object.entries(RATINGS)) {
    const value = body[key];
    if (typeof value !== "number") continue;
    out.push({
      ...base(key),
      code: { coding: [{ system: DIARY_CODES, code: key, display }] },
      ...score(value),
    });
  }
  const effects = Array.isArray(body.sideEffects) ? (body.sideEffects as SideEffect[]) : [];
  for (const effect of effects) {
    out.push({
      ...base(`effect-${effect}`),
      code: { coding: [SIDE_EFFECT_CODE] },
      valueCodeableConcept: {
        coding: [{ system: DIARY_CODES, code: effect, display: SIDE_EFFECT_LABELS[effect] }],
      },
    });
  }
  return out;
}

/** A 0-10 rating: whole numbers as integers, as LOINC 72514-3 expects. */
const score = (value: number): Pick<Observation, "valueInteger" | "valueQuantity"> =>
  Number.isInteger(value)
    ? { valueInteger: value }
    : { valueQuantity: { value, unit: "{score}", system: "http://unitsofmeasure.org", code: "{score}" } };

/** ldn's local diary code system, exported with the records that use it. */
export function diaryCodeSystem(): CodeSystem {
  return {
    resourceType: "CodeSystem",
    id: "diary",
    url: DIARY_CODES,
    name: "LdnDiary",
    title: "ldn diary ratings and side effects",
    status: "active",
    content: "complete",
    caseSensitive: true,
    concept: [
      ...Object.entries(RATINGS).map(([code, display]) => ({ code, display })),
      { code: SIDE_EFFECT_CODE.code, display: SIDE_EFFECT_CODE.display },
      ...SIDE_EFFECTS.map((code) => ({ code, display: SIDE_EFFECT_LABELS[code] })),
    ],
  };
}
