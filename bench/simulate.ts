/**
 * The runs behind the README's simulation figures. Run with `npx tsx bench/simulate.ts`.
 *
 * 1. Speed: 10,000 virtual patients through a full micro-titration (robust detector), timed,
 *    against a baseline in the same process: the schedule builder alone making each of
 *    those patients' 120-day micro-titration schedule.
 * 2. literal vs robust detector on a noisy cohort and on its noise-free twin, every default
 *    protocol, 2,000 patients, seeds 1 and 2 (`ldn simulate --patients 2000 --seed N
 *    [--cohort noise-free]` prints the same tables).
 *
 * Capsules are planned by the compounding planner in 28-day fills (fill-capsules.ts), cached
 * by each fill's dose multiset; the speed run reports how many fills were planned.
 *
 * Robust detector settings tried on the bench (seed 7, 1,000 patients, micro-titration;
 * MED found, noisy / noise-free), before the defaults in thresholds.ts were fixed:
 *   window 1 pt, patience 8 days, flat mean            35.0% / 66.2%
 *   window 1.5 pt, patience 8 days                     39.5% / 71.5%
 *   window 2 pt, patience 8 days                       42.6% / 62.8%
 *   window 1.5 pt, patience 12 days                    42.9% / 75.2%
 *   window 1.5 pt, patience 16 days                    44.4% / 76.7%
 *   window 1.5 pt, patience 20 days                    45.6% / 76.4%  (more days, more drop-out)
 *   window 1.5 pt, patience 16 days, local line        45.9% / 76.7%  (chosen)
 *
 * Step protocols (14-day levels) and fixed doses have their own settings; the runs behind
 * them (seeds 1-3, 2,000 patients) are quoted beside each in thresholds.ts.
 */
import { getProtocol } from "../src/domain/protocols/catalogue.ts";
import { buildSchedule } from "../src/domain/protocols/schedule.ts";
import { CapsuleCounter, SIMULATED_FILL_DAYS } from "../src/domain/simulation/fill-capsules.ts";
import { DEFAULT_SIMULATED_PROTOCOLS, runSimulation } from "../src/domain/simulation/run-simulation.ts";
import { simulationTable } from "../src/cli/render/simulation-table.ts";

const SEEDS = [1, 2];

function timed<T>(run: () => T): { value: T; seconds: number } {
  const t0 = performance.now();
  const value = run();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

const patients = 10_000;
const micro = getProtocol("micro-titration");
const baseline = timed(() => {
  let days = 0;
  for (let i = 0; i < patients; i++) days += buildSchedule(micro, { start: "2027-01-04" }).days.length;
  return days;
});
const fills = new CapsuleCounter();
const full = timed(() =>
  runSimulation({
    seed: SEEDS[0]!,
    patients,
    noisy: true,
    protocols: ["micro-titration"],
    detectors: ["robust"],
    capsules: fills,
  }),
);
console.log(`# Speed (node ${process.version})`);
console.log(
  `${patients} virtual patients, full micro-titration (robust): ${full.seconds.toFixed(2)} s, ` +
    `${Math.round(patients / full.seconds)} patients/s`,
);
console.log(
  `baseline, buildSchedule alone (${patients} x 120 days): ${baseline.seconds.toFixed(2)} s; ` +
    `simulation / baseline = ${(full.seconds / baseline.seconds).toFixed(1)}x`,
);
console.log(
  `capsules: ${fills.counted} fills of ${SIMULATED_FILL_DAYS} days, ${fills.planned} distinct dose multisets planned exactly (the rest from the cache)`,
);

for (const [seed, noisy] of SEEDS.flatMap((seed) => [true, false].map((noisy) => [seed, noisy] as const))) {
  const run = timed(() =>
    runSimulation({
      seed,
      patients: 2000,
      noisy,
      protocols: [...DEFAULT_SIMULATED_PROTOCOLS],
      detectors: ["literal", "robust"],
    }),
  );
  console.log(
    `\n# literal vs robust, ${noisy ? "noisy" : "noise-free"} cohort, seed ${seed} (${run.seconds.toFixed(1)} s)`,
  );
  process.stdout.write(simulationTable(run.value));
}
