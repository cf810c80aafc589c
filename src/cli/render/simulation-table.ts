/** `ldn simulate --format table`: one row per protocol and detector. */
import type { SimulationResult } from "../../domain/simulation/run-simulation.ts";
import { SIMULATED_FILL_DAYS } from "../../domain/simulation/fill-capsules.ts";
import { FOUND_WITHIN_SHARE, FOUND_WITHIN_UG } from "../../domain/simulation/summarise-outcomes.ts";
import { textTable } from "./text-table.ts";

const pct = (x: number | null) => (x === null ? "-" : `${(100 * x).toFixed(1)}%`);

/**
 * @example simulationTable(runSimulation({ seed: 1, patients: 100, ... }))
 */
export function simulationTable(result: SimulationResult): string {
  const first = result.rows[0]?.summary;
  const head =
    `${result.patients} virtual patients (${first?.responders ?? 0} responders), ${result.cohort} cohort, seed ${result.seed}\n` +
    `MED found: within ${FOUND_WITHIN_UG / 1000} mg or ${FOUND_WITHIN_SHARE * 100}% of the hidden MED (bench setting)\n` +
    `capsules: mean per patient, compounded by the planner in ${SIMULATED_FILL_DAYS}-day fills up to the decision or drop-out (clinic setting)\n\n`;
  const rows = result.rows.map(({ protocol, detector, summary: s }) => [
    protocol,
    detector,
    pct(s.medFound),
    s.meanErrorMg === null ? "-" : s.meanErrorMg.toFixed(2),
    pct(s.benefitShare),
    pct(s.nonRespondersStopped),
    pct(s.respondersStopped),
    s.medianDaysToDecision === null ? "-" : String(s.medianDaysToDecision),
    pct(s.dropOuts),
    s.meanCapsules.toFixed(0),
  ]);
  return (
    head +
    textTable(
      [
        "protocol",
        "detector",
        "MED found",
        "error mg",
        "benefit",
        "non-resp stopped",
        "resp stopped",
        "days",
        "drop-outs",
        "capsules",
      ],
      rows,
    )
  );
}
