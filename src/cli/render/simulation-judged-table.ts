/** `ldn simulate --judge --format table`: issue 11's figures, one table per noise condition. */
import { JUDGED_BASELINE_DAYS, JUDGED_NOISE_SD } from "../../domain/simulation/judged-settings.ts";
import type { JudgingGoal } from "../../domain/simulation/judging-goals.ts";
import { MAX_SIMULATED_DAYS } from "../../domain/simulation/run-patient.ts";
import type { JudgedCohort, JudgedResult } from "../../domain/simulation/run-judged.ts";
import { textTable } from "./text-table.ts";

const pct = (x: number | null) => (x === null ? "-" : `${(100 * x).toFixed(1)}%`);
const fixed = (x: number | null, digits: number) => (x === null ? "-" : x.toFixed(digits));

/**
 * @example simulationJudgedTable(runJudged({ seed: 1, patients: 2000, protocols: ["micro-titration"], detectors: ["literal", "robust"] }))
 */
export function simulationJudgedTable(result: JudgedResult): string {
  const head =
    `Judged as issue 11 asks: ${result.patients} virtual patients (${result.responders} responders), seed ${result.seed}, ${result.baselineDays} baseline days\n` +
    "Each patient takes exactly the doses the engine gives, misses no dose or diary day, never drops out, has no side effects;\n" +
    `the diary is read day by day and the first MED declared is the decision (a stop, or none by day ${MAX_SIMULATED_DAYS}, is no MED).\n` +
    "score: benefit at the declared MED / benefit at the true best dose, mean over responders (0 with no MED, below 0 for a harmful one)\n" +
    "non-resp MED: share of non-responders given a MED; harmful MED: share of responders given a dose worse than no LDN\n" +
    (result.goalConditions
      ? ""
      : `The goals are stated for noise SD ${JUDGED_NOISE_SD} and ${JUDGED_BASELINE_DAYS} baseline days; this run's conditions differ.\n`);
  return head + result.cohorts.map(cohortTable).join("");
}

function cohortTable(cohort: JudgedCohort): string {
  const { sd, autocorrelation } = cohort.noise;
  const title =
    sd === 0
      ? `Noise-free (${goalText(cohort.goal)})`
      : `Noise SD ${sd}, autocorrelation ${autocorrelation} (${goalText(cohort.goal)})`;
  const rows = cohort.rows.map(({ protocol, detector, judgement: j, meetsGoal, noWorseThanLiteral }) => [
    protocol,
    detector,
    fixed(j.score, 3),
    pct(j.nonResponderMedShare),
    meetsGoal ? "met" : "missed",
    noWorseThanLiteral === null ? "-" : noWorseThanLiteral ? "no worse" : "WORSE",
    pct(j.responderNoMedShare),
    pct(j.harmfulMedShare),
    fixed(j.meanErrorMg, 2),
    j.medianDaysToDecision === null ? "-" : String(j.medianDaysToDecision),
  ]);
  const header = [
    "protocol",
    "detector",
    "score",
    "non-resp MED",
    "goal",
    "vs literal",
    "resp no MED",
    "harmful MED",
    "error mg",
    "days",
  ];
  return `\n${title}\n${textTable(header, rows)}`;
}

function goalText(goal: JudgingGoal): string {
  const share =
    goal.maxNonResponderMedShare === 0
      ? "non-resp MED 0%"
      : `non-resp MED <= ${(100 * goal.maxNonResponderMedShare).toFixed(0)}%`;
  return `goal: score >= ${goal.minScore}, ${share}`;
}
