/**
 * What ldn sends back to the EHR it was launched from (SMART write-back, issue 15): the daily pain
 * ratings (LOINC 72514-3) and the questionnaire scores, about the EHR's Patient rather than ldn's,
 * each carrying ldn's stable id as an identifier, in one FHIR batch of conditional creates
 * (`ifNoneExist`), so sending again adds nothing the EHR already holds.
 */
import type { Bundle, Observation } from "@medplum/fhirtypes";
import type { DiaryEntry } from "../app/ports/diary-repository.ts";
import type { QuestionnaireResponse } from "../app/ports/questionnaire-repository.ts";
import { OBSERVATION_ID_SYSTEM, PAIN_SEVERITY } from "./codes.ts";
import { diaryObservations } from "./diary-observations.ts";
import { scoreObservations } from "./questionnaires.ts";

/** The instruments as the clinician's summary names them. */
const INSTRUMENT_NAMES: Readonly<Record<string, string>> = {
  bpi: "BPI",
  "promis-global10": "PROMIS Global-10",
  "promis-pf-4a": "PROMIS Physical Function",
};

export interface OutgoingObservation {
  /** "pain ratings", or the instrument's name ("BPI"), for the summary. */
  readonly kind: string;
  readonly observation: Observation;
}

/**
 * The patient's pain ratings and scores, about the EHR's patient, ids moved to identifiers.
 *
 * @example ehrObservations(diary, responses, "ehr-123")[0].observation.subject // { reference: "Patient/ehr-123" }
 */
export function ehrObservations(
  diary: readonly DiaryEntry[],
  responses: readonly QuestionnaireResponse[],
  ehrPatientId: string,
): OutgoingObservation[] {
  const pain = diary.flatMap((entry) =>
    diaryObservations(entry).filter((o) => o.code.coding?.[0]?.code === PAIN_SEVERITY.code),
  );
  const scores = responses.flatMap((r) =>
    scoreObservations(r).map((o) => ({ kind: INSTRUMENT_NAMES[r.instrument] ?? r.instrument, o })),
  );
  return [
    ...pain.map((o) => ({ kind: "pain ratings", observation: forEhr(o, ehrPatientId) })),
    ...scores.map(({ kind, o }) => ({ kind: `${kind} scores`, observation: forEhr(o, ehrPatientId) })),
  ];
}

/**
 * ldn's references (its own Patient, the diary's performer, the QuestionnaireResponse a score
 * derives from) mean nothing to the EHR: only the subject is kept, as the EHR's patient.
 */
function forEhr(observation: Observation, ehrPatientId: string): Observation {
  const rest: Observation = { ...observation };
  delete rest.id;
  delete rest.performer;
  delete rest.derivedFrom;
  return {
    ...rest,
    identifier: [{ system: OBSERVATION_ID_SYSTEM, value: observation.id! }],
    subject: { reference: `Patient/${ehrPatientId}` },
  };
}

/**
 * A batch of conditional creates: each Observation is created unless one with its identifier exists.
 *
 * @example writeBackBundle(outgoing).entry[0].request // { method: "POST", url: "Observation", ifNoneExist: "identifier=..." }
 */
export function writeBackBundle(outgoing: readonly OutgoingObservation[]): Bundle {
  return {
    resourceType: "Bundle",
    type: "batch",
    entry: outgoing.map(({ observation }) => {
      const id = observation.identifier![0]!;
      return {
        resource: observation,
        request: {
          method: "POST",
          url: "Observation",
          ifNoneExist: `identifier=${encodeURIComponent(id.system!)}|${encodeURIComponent(id.value!)}`,
        },
      };
    }),
  };
}

/** How many of each kind the EHR created, and how many it already held. */
export interface WriteBackTally {
  readonly created: Readonly<Record<string, number>>;
  readonly alreadyThere: number;
}

/**
 * Reads the batch-response: 201 created, 200 found by `ifNoneExist`; anything else is refused
 * with the EHR's status, naming which Observation.
 *
 * @example tallyWriteBack(outgoing, response) // { created: { "pain ratings": 23 }, alreadyThere: 0 }
 */
export function tallyWriteBack(
  outgoing: readonly OutgoingObservation[],
  response: Bundle,
): WriteBackTally | string {
  const created: Record<string, number> = {};
  let alreadyThere = 0;
  for (const [i, item] of outgoing.entries()) {
    const status = response.entry?.[i]?.response?.status ?? "";
    if (status.startsWith("201")) created[item.kind] = (created[item.kind] ?? 0) + 1;
    else if (status.startsWith("200")) alreadyThere += 1;
    else
      return `the EHR answered ${status || "nothing"} for ${item.kind} ${item.observation.identifier![0]!.value}`;
  }
  return { created, alreadyThere };
}
