/**
 * The runs behind the README's judged figures (issue 11). Run with `npx tsx bench/judge.ts`
 * [--patients N] (default 2000).
 *
 * Every default protocol, both detectors, seeds 1 and 2, each on noisy diaries (SD 1,
 * autocorrelation 0.5, 3 baseline days) and noise-free, timed. `ldn simulate --judge
 * --patients 2000 --seed N --protocols <all>` prints the same tables one seed at a time. The
 * last table is the README's: score and non-responders given a MED per seed, with the goal
 * and the comparison with `literal`.
 */
import { DEFAULT_SIMULATED_PROTOCOLS } from "../src/domain/simulation/run-simulation.ts";
import { runJudged, type JudgedResult } from "../src/domain/simulation/run-judged.ts";
import { DETECTOR_NAMES } from "../src/domain/titration/detectors/detector.ts";
import { simulationJudgedTable } from "../src/cli/render/simulation-judged-table.ts";
import { benchArgs } from "./bench-args.ts";

const SEEDS = [1, 2];
const values = benchArgs(import.meta.filename, { patients: { type: "string", default: "2000" } });
const patients = Number(values.patients);

function timed<T>(run: () => T): { value: T; seconds: number } {
  const t0 = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

console.log(`# Judged bench (node ${process.version}), ${patients} patients per seed`);
const headline = timed(() =>
  runJudged({ seed: SEEDS[0]!, patients, protocols: ["micro-titration"], detectors: [...DETECTOR_NAMES] }),
);
console.log(
  `micro-titration, ${DETECTOR_NAMES.length} detectors, noisy and noise-free: ${headline.seconds.toFixed(1)} s ` +
    `(${Math.round((4 * patients) / headline.seconds)} patient runs/s)`,
);

const results: JudgedResult[] = [];
for (const seed of SEEDS) {
  const run = timed(() =>
    runJudged({
      seed,
      patients,
      protocols: [...DEFAULT_SIMULATED_PROTOCOLS],
      detectors: [...DETECTOR_NAMES],
    }),
  );
  results.push(run.value);
  console.log(`\n# Seed ${seed}: every default protocol (${run.seconds.toFixed(1)} s)\n`);
  process.stdout.write(simulationJudgedTable(run.value));
}

console.log("\n# For the README\n");
console.log(
  `${patients} virtual patients per seed (responders: ${results.map((r) => `seed ${r.seed} ${r.responders}`).join(", ")}).\n`,
);
const pct = (x: number | null) => (x === null ? "-" : `${(100 * x).toFixed(1)}%`);
const score = (x: number | null) => (x === null ? "-" : x.toFixed(3));
const [first, ...rest] = results;
for (const [c, cohort] of first!.cohorts.entries()) {
  const title =
    cohort.noise.sd === 0
      ? "noise-free"
      : `noise SD ${cohort.noise.sd}, autocorrelation ${cohort.noise.autocorrelation}`;
  console.log(`${title}:\n`);
  console.log(
    "| protocol | detector | score s1 | score s2 | non-resp MED s1 | non-resp MED s2 | goal s1/s2 | vs literal s1/s2 | resp no MED s1 | error mg s1 | days s1 |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  cohort.rows.forEach((row, i) => {
    const all = [row, ...rest.map((r) => r.cohorts[c]!.rows[i]!)];
    const j = row.judgement;
    console.log(
      `| ${row.protocol} | ${row.detector} | ${all.map((r) => score(r.judgement.score)).join(" | ")} | ` +
        `${all.map((r) => pct(r.judgement.nonResponderMedShare)).join(" | ")} | ` +
        `${all.map((r) => (r.meetsGoal ? "met" : "missed")).join(" / ")} | ` +
        `${all.map((r) => (r.noWorseThanLiteral === null ? "-" : r.noWorseThanLiteral ? "no worse" : "worse")).join(" / ")} | ` +
        `${pct(j.responderNoMedShare)} | ${j.meanErrorMg === null ? "-" : j.meanErrorMg.toFixed(2)} | ${j.medianDaysToDecision ?? "-"} |`,
    );
  });
  console.log("");
}
