/**
 * BPI and PROMIS as FHIR: each instrument version a Questionnaire (linkIds and short labels only:
 * the item wording is copyrighted), each answered form a QuestionnaireResponse, and each computed
 * score an Observation derived from the response (HL7 PCO IG's PROM score observation pattern).
 */
import type { Observation, Questionnaire, QuestionnaireResponse } from "@medplum/fhirtypes";
import type { QuestionnaireResponse as StoredResponse } from "../app/ports/questionnaire-repository.ts";
import { BPI_ITEMS } from "../domain/instruments/bpi.ts";
import type { ItemDefinition } from "../domain/instruments/instrument.ts";
import { GLOBAL10_ITEMS } from "../domain/instruments/promis-global10.ts";
import { PF_4A_ITEMS } from "../domain/instruments/promis-physical-function.ts";
import { invalidArgument } from "../domain/errors.ts";
import { LDN_BASE, LOINC, ref, SCORE_CODES, SURVEY, UCUM } from "./codes.ts";

interface InstrumentForm {
  readonly title: string;
  readonly items: readonly ItemDefinition[];
}

/**
 * The forms ldn scores. PF 4a carries no form LOINC: LOINC lists 76700-4 as PF 4a version 1.0
 * and ldn scores version 2.0 (fhir.md), so only ldn's own code names it.
 */
export const INSTRUMENT_FORMS: Readonly<Record<string, InstrumentForm>> = Object.freeze({
  bpi: { title: "Brief Pain Inventory, short form (BPI copyright C. S. Cleeland 1991)", items: BPI_ITEMS },
  "promis-global10": { title: "PROMIS Global-10 v1.2", items: GLOBAL10_ITEMS },
  "promis-pf-4a": { title: "PROMIS Physical Function short form 4a v2.0", items: PF_4A_ITEMS },
});

/** @example questionnaireId("bpi", 1) // "bpi-v1" */
export const questionnaireId = (instrument: string, version: number): string => `${instrument}-v${version}`;

export const questionnaireUrl = (instrument: string, version: number): string =>
  `${LDN_BASE}/Questionnaire/${questionnaireId(instrument, version)}`;

/** @example questionnaire("bpi", 1).item.length // 11 */
export function questionnaire(instrument: string, version: number): Questionnaire {
  const form = INSTRUMENT_FORMS[instrument];
  if (form === undefined) throw invalidArgument("instrument", instrument, "has no FHIR form");
  return {
    resourceType: "Questionnaire",
    id: questionnaireId(instrument, version),
    url: questionnaireUrl(instrument, version),
    version: String(version),
    name: instrument.replace(/[^A-Za-z0-9]/g, "_").replace(/^./, (c) => c.toUpperCase()),
    title: form.title,
    status: "active",
    subjectType: ["Patient"],
    item: form.items.map((item) => ({
      linkId: item.id,
      text: item.label,
      type: "integer",
      ...(item.loinc === null ? {} : { code: [{ system: LOINC, code: item.loinc }] }),
      extension: [
        { url: "http://hl7.org/fhir/StructureDefinition/minValue", valueInteger: item.min },
        { url: "http://hl7.org/fhir/StructureDefinition/maxValue", valueInteger: item.max },
      ],
    })),
  };
}

/** A stored, answered form as a QuestionnaireResponse; unanswered items are left out. */
export function questionnaireResponse(stored: StoredResponse): QuestionnaireResponse {
  return {
    resourceType: "QuestionnaireResponse",
    id: stored.id,
    questionnaire: `${questionnaireUrl(stored.instrument, stored.instrumentVersion)}|${stored.instrumentVersion}`,
    status: "completed",
    subject: ref("Patient", stored.patientId),
    authored: stored.answeredOn,
    source: ref("Patient", stored.patientId),
    item: Object.entries(stored.answers)
      .filter((e): e is [string, number] => typeof e[1] === "number")
      .map(([linkId, value]) => ({ linkId, answer: [{ valueInteger: value }] })),
  };
}

interface StoredScore {
  readonly status: string;
  readonly id: string;
  readonly label: string;
  readonly loinc: string | null;
  readonly value?: number;
  readonly standardError?: number | null;
}

/** Each computed score as an Observation derived from the response; uncomputed ones are left out. */
export function scoreObservations(stored: StoredResponse): Observation[] {
  const scores = (stored.scores.scores ?? []) as readonly StoredScore[];
  return scores
    .filter((s) => s.status === "computed" && typeof s.value === "number")
    .map((s): Observation => ({
      resourceType: "Observation",
      id: `${stored.id}-${s.id}`,
      status: "final",
      category: SURVEY,
      code: {
        coding: [
          ...(s.loinc === null ? [] : [{ system: LOINC, code: s.loinc, display: s.label }]),
          { system: SCORE_CODES, code: `${stored.instrument}.${s.id}`, display: s.label },
        ],
        text: s.label,
      },
      subject: ref("Patient", stored.patientId),
      effectiveDateTime: stored.answeredOn,
      issued: stored.recordedAt,
      valueQuantity: { value: s.value, unit: "{score}", system: UCUM, code: "{score}" },
      derivedFrom: [ref("QuestionnaireResponse", stored.id)],
    }));
}
