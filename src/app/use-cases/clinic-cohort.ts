/**
 * The clinic's own cohort for 004's analysis: each patient's MED and hormesis from the engine,
 * and outcome scores before titration and again at least 4 weeks after the MED (004's design).
 * Items the server does not record (sex, BMI, hEDS/HSD, MCAD) are left empty, so those parts of
 * the analysis say "no data" rather than guess. A filter keeps the patients whose latest plan
 * follows one protocol or started within a range of dates.
 */
import type { PatientRecords } from "../ports/clinic-records.ts";
import type { QuestionnaireResponse } from "../ports/questionnaire-repository.ts";
import { addDays, daysBetween, parseIsoDate, type IsoDate } from "../../domain/calendar-date.ts";
import type { Cohort, CohortPatient, OutcomePair, Scale } from "../../domain/cohort/cohort.ts";
import type { PatientCourse } from "../../domain/cohort/course-summary.ts";
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

/** Which patients the analysis covers; an absent field keeps everyone. */
export interface CohortFilter {
  readonly protocolId?: string | undefined;
  /** Latest plan started on or after this `YYYY-MM-DD`. */
  readonly startFrom?: string | undefined;
  /** Latest plan started on or before this `YYYY-MM-DD`. */
  readonly startTo?: string | undefined;
}

/** One patient of the cohort with their course: the analysis's row, and the CSV's. */
export interface ClinicCohortRow {
  readonly patient: CohortPatient;
  readonly protocolId: string;
  readonly startDate: string;
  readonly course: PatientCourse;
}

/**
 * The cohort's rows: each patient with a plan that passes the filter, with the engine's MED,
 * the outcome pairs and the course (time to MED, drop-out, pain before and after).
 *
 * @example clinicCohortRows(await tx.records.forClinic(clinicId), { protocolId: "micro-titration" });
 */
export function clinicCohortRows(
  all: readonly PatientRecords[],
  filter: CohortFilter = {},
): ClinicCohortRow[] {
  const rows: ClinicCohortRow[] = [];
  all.forEach((records, i) => {
    const plan = records.plans.at(-1);
    if (!plan || !matchesCohortFilter(plan, filter)) return;
    const a = assessRecord({
      plan,
      diary: records.diary,
      decisions: records.decisions,
      opioids: opioidsAtScreening(records.patient),
    });
    const med = a && (a.state === "med" || a.state === "maintenance") ? a.medUg : null;
    const medOn = med !== null && a?.decidedOn ? parseIsoDate(a.decidedOn) : null;
    const outcomes = outcomePairs(records.questionnaires, plan.startDate, medOn);
    const screening = storedScreening(records.patient);
    rows.push({
      protocolId: plan.protocolId,
      startDate: plan.startDate,
      course: {
        daysToMed: medOn === null ? null : daysBetween(parseIsoDate(plan.startDate), medOn),
        // A stop is the engine's or the clinician's end of titration without a MED.
        droppedOut: a?.state === "stopped",
        painBefore: outcomes.bpi_pain?.pre ?? null,
        painAfter: outcomes.bpi_pain?.post ?? null,
      },
      patient: {
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
      },
    });
  });
  return rows;
}

/**
 * The cohort for 004's analysis from the rows.
 *
 * @example analyzeCohort(clinicCohort(clinicCohortRows(await tx.records.forClinic(clinicId))))
 */
export function clinicCohort(rows: readonly ClinicCohortRow[]): Cohort {
  return {
    patients: rows.map((r) => r.patient),
    scales: SCALES.map(({ name, direction, directionFrom }) => ({ name, direction, directionFrom })),
    problems: [],
    rowsLeftOut: 0,
    ignoredColumns: [],
  };
}

/** Each scale's last score on or before the start, and first score 4 weeks or more after the MED. */
function outcomePairs(
  questionnaires: readonly QuestionnaireResponse[],
  startDate: string,
  medOn: IsoDate | null,
): Record<string, OutcomePair> {
  const due = medOn === null ? null : addDays(medOn, OUTCOME_DUE_DAYS_AFTER_MED);
  const outcomes: Record<string, OutcomePair> = {};
  for (const scale of SCALES) {
    const answered = questionnaires.filter((q) => q.instrument === scale.instrument);
    const pre = answered.filter((q) => q.answeredOn <= startDate).at(-1);
    const post = due === null ? undefined : answered.find((q) => q.answeredOn >= due);
    outcomes[scale.name] = {
      pre: pre ? scoreOf(pre, scale.scoreId) : null,
      post: post ? scoreOf(post, scale.scoreId) : null,
    };
  }
  return outcomes;
}

/**
 * Whether a plan (or a row) passes the filter.
 *
 * @example matchesCohortFilter({ protocolId: "micro-titration", startDate: "2027-01-04" }, { startFrom: "2027-02-01" }); // false
 */
export function matchesCohortFilter(
  { protocolId, startDate }: { readonly protocolId: string; readonly startDate: string },
  filter: CohortFilter,
): boolean {
  if (filter.protocolId !== undefined && protocolId !== filter.protocolId) return false;
  if (filter.startFrom !== undefined && startDate < filter.startFrom) return false;
  return filter.startTo === undefined || startDate <= filter.startTo;
}
