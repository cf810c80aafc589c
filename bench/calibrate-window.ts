/**
 * The false-alarm calibration behind the statistical detector's window threshold
 * (`STATISTICAL_DEFAULTS.windowZ` in src/domain/titration/thresholds.ts). Run with
 * `npx tsx bench/calibrate-window.ts [--patients 1000]`.
 *
 * Patients with no response at all rate pain, mood, energy and clarity around steady levels
 * with AR(1) day-to-day noise, through the whole 120-day micro-titration, 3 baseline days;
 * the share ever given a window (and so, at the top of the range, a MED) is the false-alarm
 * rate over up to 60 looks. It is printed for each threshold tried, across noise SDs and
 * autocorrelations, with and without mood, energy and clarity rated. The design target: at
 * most 5% at the condition (SD 1) with autocorrelation up to 0.3 and at most 10% up
 * to 0.5, at the lowest threshold that meets it (power falls as the threshold rises).
 */
import { addDays, type IsoDate } from "../src/domain/calendar-date.ts";
import { getProtocol } from "../src/domain/protocols/catalogue.ts";
import { resolveSettings } from "../src/domain/protocols/settings.ts";
import { createAr1Noise } from "../src/domain/simulation/ar1-noise.ts";
import { wellbeingOf } from "../src/domain/simulation/diary-rater.ts";
import { createRng, deriveSeed } from "../src/domain/simulation/prng.ts";
import { createRobustDetector } from "../src/domain/titration/detectors/robust.ts";
import { STATISTICAL_DEFAULTS } from "../src/domain/titration/thresholds.ts";
import { TitrationMachine } from "../src/domain/titration/titration-machine.ts";
import { benchArgs } from "./bench-args.ts";

const values = benchArgs(import.meta.filename, { patients: { type: "string", default: "1000" } });
const patients = Number(values.patients);
const start = "2027-01-04" as IsoDate;
const protocol = getProtocol("micro-titration");
const settings = resolveSettings(protocol);

/** Share of `patients` non-responders the detector ever gives a window or a MED. */
function falseWindows(windowZ: number, sd: number, rho: number, wellbeing: boolean): number {
  const detector = createRobustDetector(undefined, { ...STATISTICAL_DEFAULTS, windowZ });
  let alarms = 0;
  for (let i = 0; i < patients; i++) {
    const rng = createRng(deriveSeed(97, i, 0));
    const noises = [0, 1, 2, 3].map(() => createAr1Noise(rng, { sd, autocorrelation: rho }));
    const rate = (k: number, centre: number) => Math.min(10, Math.max(0, Math.round(centre + noises[k]!())));
    const day = () => ({ pain: rate(0, 6), mood: rate(1, 5), energy: rate(2, 5), clarity: rate(3, 5) });
    const baseline = [day(), day(), day()];
    const machine = new TitrationMachine({
      protocol,
      settings,
      start,
      detector,
      baselinePain: baseline.map((d) => d.pain),
      baselineWellbeing: wellbeing ? baseline.map(wellbeingOf) : [],
    });
    for (let d = 0; d < 130 && machine.currentState === "titrating"; d++) {
      const next = machine.next();
      const r = day();
      machine.readDay({
        date: addDays(start, d),
        doses: next.doses,
        pain: r.pain,
        ...(wellbeing ? { mood: r.mood, energy: r.energy, clarity: r.clarity } : {}),
        sideEffects: [],
      });
    }
    if (machine.currentState !== "stopped") alarms += 1;
  }
  return alarms / patients;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(
  `# False windows among ${patients} non-responders, micro-titration, 3 baseline days (node ${process.version})`,
);
console.log(
  "| windowZ | signals | SD 1, rho 0 | SD 1, rho 0.3 | SD 1, rho 0.5 | SD 1.5, rho 0.5 | SD 0.5, rho 0.3 |",
);
console.log("|---|---|---|---|---|---|---|");
for (const z of [3.5, 4, 4.5]) {
  for (const wellbeing of [true, false]) {
    const cells = [
      [1, 0],
      [1, 0.3],
      [1, 0.5],
      [1.5, 0.5],
      [0.5, 0.3],
    ].map(([sd, rho]) => pct(falseWindows(z, sd!, rho!, wellbeing)));
    console.log(
      `| ${z}${z === STATISTICAL_DEFAULTS.windowZ ? " (default)" : ""} | ${wellbeing ? "pain, wellbeing, both" : "pain only"} | ${cells.join(" | ")} |`,
    );
  }
}
