/**
 * The clinic's own cohort for 004's analysis: each patient's MED and hormesis from the engine,
 * and outcome scores before titration and again at least 4 weeks after the MED (004's design).
 * Items the server does not record (sex, BMI, hEDS/HSD, MCAD) are left empty, so those parts of
 * the analysis say "no data" rather than guess.
 */
import type { PatientRecords } from "../ports/clinic-records.ts";
import type { QuestionnaireResponse } from "../ports/questionnaire-repository.ts";
import { addDays, parseIsoDate } from "../../domain/calendar-date.ts";
import type { Cohort, CohortPatient, OutcomePair, Scale } from "../../domain/cohort/cohort.ts";
import type { ScoreResult } from "../../domain/instruments/instrument.ts";
import { assessRecord, opioidsAtScreening } from "./assess-patient.ts";
import { storedScreening } from "./enrol-patient.ts";
import { OUTCOME_DUE_DAYS_AFTER_MED } from "./summarise-patient.ts";

/** The scales analysed: which score of which instrument, and which way is better. */
const SCALES: readonly (Scale & { readonly instrument: string; readonly scoreId: string })[] = [
  {
    name: "bpi_pain",
    direction: "lower-is-better",
    directionFrom: "prefix",
    instrument: "bpi",
    scoreId: "severity",
  },
  {
    name: "bpi_interference",
    direction: "lower-is-better",
    directionFrom: "prefix",
    instrument: "bpi",
    scoreId: "interference",
  },
  {
    name: "promis_physical",
    direction: "higher-is-better",
    directionFrom: "prefix",
    instrument: "promis-global10",
    scoreId: "gph-t",
  },
  {
    name: "promis_mental",
    direction: "higher-is-better",
    directionFrom: "prefix",
    instrument: "promis-global10",
    scoreId: "gmh-t",
  },
];

const scoreOf = (q: QuestionnaireResponse, id: string): number | null => {
  const scores = (q.scores as { scores?: readonly ScoreResult[] }).scores ?? [];
  const s = scores.find((x) => x.id === id);
  return s && s.status === "computed" ? s.value : null;
};

/**
 * @example analyzeCohort(clinicCohort(await tx.records.forClinic(clinicId)))
 */
export function clinicCohort(all: readonly PatientRecords[]): Cohort {
  const patients: CohortPatient[] = [];
  all.forEach((records, i) => {
    const plan = records.plans.at(-1);
    if (!plan) return;
    const a = assessRecord({
      plan,
      diary: records.diary,
      decisions: records.decisions,
      opioids: opioidsAtScreening(records.patient),
    });
    const med = a && (a.state === "med" || a.state === "maintenance") ? a.medUg : null;
    const outcomes: Record<string, OutcomePair> = {};
    for (const scale of SCALES) {
      const answered = records.questionnaires.filter((q) => q.instrument === scale.instrument);
      const pre = answered.filter((q) => q.answeredOn <= plan.startDate).at(-1);
      const due = a?.decidedOn ? addDays(parseIsoDate(a.decidedOn), OUTCOME_DUE_DAYS_AFTER_MED) : null;
      const post = due === null ? undefined : answered.find((q) => q.answeredOn >= due);
      outcomes[scale.name] = {
        pre: pre ? scoreOf(pre, scale.scoreId) : null,
        post: post ? scoreOf(post, scale.scoreId) : null,
      };
    }
    const screening = storedScreening(records.patient);
    patients.push({
      line: i + 2,
      patientId: records.patient.id,
      sex: null,
      age: screening.answers?.ageYears ?? null,
      bmi: null,
      hypermobile: null,
      mcad: null,
      medMg: med === null ? null : med / 1000,
      hormesis: a ? a.hormesis : null,
      onOpioids: (screening.answers?.opioids.length ?? 0) > 0,
      outcomes,
    });
  });
  return {
    patients,
    scales: SCALES.map(({ name, direction, directionFrom }) => ({ name, direction, directionFrom })),
    problems: [],
    rowsLeftOut: 0,
    ignoredColumns: [],
  };
}
