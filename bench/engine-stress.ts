/**
 * How the judged detectors fare on cohorts that differ from the judged bench's simulator.
 * Run with `npx tsx bench/engine-stress.ts [--patients 2000] [--seed 1,2]
 * [--only ref,t3,...] [--explain <scenario> [--examples 3]] [--confirm-break 4 [--confirm-z 0.75] [--confirm-dose 0]]`. At the defaults (15 scenarios,
 * both detectors, 2 seeds of 2000 patients) it takes about 6 minutes on a 2-core machine.
 *
 * The judged patients of `ldn simulate --judge` (same seeds, same hidden curves), on
 * micro-titration with 3 baseline days, with their diaries written by a rater that can
 * depart from `diary-rater.ts` in one way at a time:
 * - ref: AR(1) noise SD 1, autocorrelation 0.3 (the same draws as `--autocorrelation 0.3`);
 * - t3: heavy tails (flare days): AR(1) whose fresh noise is Student t with 3 degrees of
 *   freedom, scaled so each day still has SD 1;
 * - drift-down: pain drifts down 1.5 points over the first 60 diary days whatever the dose
 *   (regression to the mean: patients enrol on a bad stretch), non-responders included;
 * - drift-up: pain drifts up 1 point over the first 60 diary days (disease progression);
 * - missing: 25% of diary days (baseline days too) have no entry, `readDay(undefined)`, as
 *   the engine is told of a day with no diary; the doses are still taken;
 * - weekly: pain 1 point higher on 2 days of every week;
 * - sd1.5, sd2: more noise (autocorrelation 0.3);
 * - pain-only: mood, energy and clarity never rated (absent from every diary day, no
 *   wellbeing baseline): the engine reads pain alone;
 * - placebo: 1.5 points less pain for the first 14 days on LDN, fading linearly to none by
 *   day 28, responders and non-responders alike;
 * - wb-shared (an extra, not in the brief): mood, energy and clarity share 70% of their noise
 *   variance (a bad day is bad for all three), where the judged rater draws them independently;
 * - ratings that wander, every rating (pain, mood, energy, clarity) alike: rho0.7 and rho0.85,
 *   SD 1 with longer runs; wander, SD 0.8 at 0.3 plus a slow SD 0.8 at 0.95 (runs of weeks);
 *   walk, SD 0.8 at 0.3 plus a random walk of 0.2 points a day (a level that never settles).
 * The drifts, the weekly cycle and the placebo move pain only; mood, energy and clarity keep
 * the reference's behaviour. Each row gives, per detector and seed, the mean score over
 * responders and the share of non-responders given a MED, with the change against `ref`.
 *
 * `--confirm-break <days>` tries a protocol change the engine does not make: before a MED is
 * settled, that many days off LDN (or at `--confirm-dose` mg) and as many back on the MED
 * (`bench/confirm-break.ts`).
 *
 * `--explain <scenario>` prints, for a few of that scenario's robust failures (non-responders
 * given a MED, responders scoring under 0.5) that the same patient does not have on the
 * reference diary, the diary by level and the engine's reasons.
 *
 * The diaries are rated through the judged run's existing engine hook (`engine` of
 * `JudgedSetup`): the wrapper rewrites each day's ratings (and baseline) with this bench's
 * rater before the real TitrationMachine reads it, so `runJudgedPatient` and the judge's
 * scoring are used as they are.
 */
import { takenUg, type DiaryDay } from "../src/domain/diary/diary-day.ts";
import { getProtocol } from "../src/domain/protocols/catalogue.ts";
import { resolveSettings } from "../src/domain/protocols/settings.ts";
import { baselineDays } from "../src/domain/simulation/baseline-days.ts";
import { wellbeingOf } from "../src/domain/simulation/diary-rater.ts";
import { createRng, deriveSeed } from "../src/domain/simulation/prng.ts";
import {
  runJudgedPatient,
  type JudgedEngine,
  type JudgedOutcome,
} from "../src/domain/simulation/run-judged-patient.ts";
import { BENCH_START } from "../src/domain/simulation/run-simulation.ts";
import { summariseJudgement, type Judgement } from "../src/domain/simulation/summarise-judgement.ts";
import { drawPatient } from "../src/domain/simulation/virtual-patient.ts";
import { chooseDetector } from "../src/domain/titration/detectors/choose-detector.ts";
import { DETECTOR_NAMES, type DetectorName } from "../src/domain/titration/detectors/detector.ts";
import { TitrationMachine, type TitrationPlan } from "../src/domain/titration/titration-machine.ts";
import { benchArgs, refuse } from "./bench-args.ts";
import { BASELINE_DAYS, REF, SCENARIOS, createStressRater, type Scenario } from "./stress-scenarios.ts";
import { withConfirmBreak, type ConfirmBreak } from "./confirm-break.ts";

/** The judge's streams: 0 draws the patient, 2 the ratings; 7 is this bench's missing days. */
const RATINGS_STREAM = 2;
const MISSING_STREAM = 7;

/** One diary day as rated (dose 0 before the first), and whether the engine was told it. */
interface Logged {
  readonly ug: number;
  readonly pain: number;
  readonly wellbeing: number;
  readonly read: boolean;
}

interface StressRun {
  readonly outcome: JudgedOutcome;
  readonly days: readonly Logged[];
  readonly reasons: readonly string[];
}

const protocol = getProtocol("micro-titration");
const settings = resolveSettings(protocol);

/** One patient under a scenario: the real engine, reading this bench's diary. */
function runStressPatient(sc: Scenario, detector: DetectorName, seed: number, i: number): StressRun {
  const patient = drawPatient(createRng(deriveSeed(seed, i, 0)), i, false);
  const rater = createStressRater(patient, sc, createRng(deriveSeed(seed, i, RATINGS_STREAM)));
  const missing = createRng(deriveSeed(seed, i, MISSING_STREAM));
  const skip = () => (sc.missingShare ? missing.next() < sc.missingShare : false);
  const days: Logged[] = [];
  let machine: TitrationMachine | null = null;
  const engine = (plan: TitrationPlan): JudgedEngine => {
    const kept: number[] = [];
    const keptWellbeing: number[] = [];
    for (let d = 0; d < BASELINE_DAYS; d++) {
      const day = baselineDays(rater, 1);
      const read = !skip();
      days.push({ ug: 0, pain: day.baselinePain[0]!, wellbeing: day.baselineWellbeing[0]!, read });
      if (!read) continue;
      kept.push(day.baselinePain[0]!);
      keptWellbeing.push(day.baselineWellbeing[0]!);
    }
    const m = new TitrationMachine({
      ...plan,
      baselinePain: kept,
      baselineWellbeing: sc.painOnly ? [] : keptWellbeing,
    });
    machine = m;
    const judged: JudgedEngine = {
      readDay(entry: DiaryDay | undefined) {
        if (!entry) return m.readDay(undefined);
        const ug = takenUg(entry);
        const ratings = rater.rate(ug, ug);
        const read = !skip();
        const { pain, mood, energy, clarity } = ratings;
        days.push({ ug, pain, wellbeing: wellbeingOf(ratings), read });
        if (!read) return m.readDay(undefined);
        const { date, doses, sideEffects } = entry;
        const rated = sc.painOnly ? {} : { mood, energy, clarity };
        m.readDay({ date, doses, sideEffects, pain, ...rated, impression: ratings.impression });
      },
      next: () => m.next(),
      get currentState() {
        return m.currentState;
      },
      assessment: () => m.assessment(),
    };
    if (!confirm) return judged;
    const rateLogged = (ug: number) => {
      const r = rater.rate(ug, ug);
      days.push({ ug, pain: r.pain, wellbeing: wellbeingOf(r), read: true });
      return r;
    };
    return withConfirmBreak(judged, confirm, rateLogged, sc.painOnly ?? false);
  };
  const setup = {
    protocol,
    settings,
    detector: chooseDetector(detector),
    start: BENCH_START,
    noise: REF,
    baselineDays: BASELINE_DAYS,
    engine,
  };
  // The judge's own rater runs on a throwaway stream; every rating the engine reads is ours.
  const outcome = runJudgedPatient(setup, patient, createRng(0));
  const reasons = (machine as TitrationMachine | null)?.assessment().reasonData ?? [];
  const shown = reasons.filter(
    (r) => r.code === "window-entered" || r.code === "med-set" || r.code === "stop",
  );
  return { outcome, days, reasons: shown.map((r) => `${r.date} ${r.code}: ${r.text}`) };
}

function judge(sc: Scenario, detector: DetectorName, seed: number, patients: number): Judgement {
  const outcomes: JudgedOutcome[] = [];
  for (let i = 0; i < patients; i++) outcomes.push(runStressPatient(sc, detector, seed, i).outcome);
  return summariseJudgement(outcomes);
}

const values = benchArgs(import.meta.filename, {
  patients: { type: "string", default: "2000" },
  seed: { type: "string", default: "1,2" },
  only: { type: "string" },
  explain: { type: "string" },
  examples: { type: "string", default: "3" },
  "confirm-break": { type: "string" },
  "confirm-z": { type: "string", default: "0.75" },
  "confirm-dose": { type: "string", default: "0" },
});
const patients = Number(values.patients);
const seeds = values.seed.split(",").map(Number);
if (!Number.isSafeInteger(patients) || patients < 1)
  refuse(import.meta.filename, "--patients: a whole number above 0");
if (seeds.some((s) => !Number.isSafeInteger(s)))
  refuse(import.meta.filename, "--seed: whole numbers, comma-separated");
const confirm: ConfirmBreak | null = values["confirm-break"]
  ? {
      days: Number(values["confirm-break"]),
      z: Number(values["confirm-z"]),
      breakUg: Math.round(Number(values["confirm-dose"]) * 1000),
    }
  : null;
if (confirm && (!Number.isSafeInteger(confirm.days) || confirm.days < 1))
  refuse(
    import.meta.filename,
    `--confirm-break: a whole number of days above 0 (got "${values["confirm-break"]}")`,
  );
if (confirm && !(Number.isFinite(confirm.breakUg) && confirm.breakUg >= 0))
  refuse(
    import.meta.filename,
    `--confirm-dose: mg a day during the break, 0 or more (got "${values["confirm-dose"]}")`,
  );
if (confirm && !Number.isFinite(confirm.z))
  refuse(import.meta.filename, `--confirm-z: a number of standard errors (got "${values["confirm-z"]}")`);
const byKey = (key: string) =>
  SCENARIOS.find((s) => s.key === key) ??
  refuse(import.meta.filename, `unknown scenario ${key} (${SCENARIOS.map((s) => s.key).join(", ")})`);

if (values.explain) {
  explain(byKey(values.explain), Number(values.examples));
} else {
  table(values.only ? values.only.split(",").map(byKey) : SCENARIOS);
}

function table(scenarios: readonly Scenario[]): void {
  const f = (x: number | null, d = 3) => (x === null ? "-" : x.toFixed(d));
  const pct = (x: number | null) => (x === null ? "-" : `${(100 * x).toFixed(1)}%`);
  const mean = (xs: readonly (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0) / xs.length;
  console.log(
    `# Engine stress (node ${process.version}): micro-titration, ${BASELINE_DAYS} baseline days, ` +
      `${patients} patients per seed, seeds ${seeds.join(", ")}` +
      `${confirm ? `; MED confirmed by ${confirm.days} days ${confirm.breakUg ? `at ${confirm.breakUg / 1000} mg` : "off LDN"} and ${confirm.days} back on it, at ${confirm.z} standard errors (bench/confirm-break.ts)` : ""}\n`,
  );
  const s = seeds.map((x) => `s${x}`);
  console.log(
    `| scenario | detector | ${s.map((x) => `score ${x}`).join(" | ")} | score mean | vs ref | ` +
      `${s.map((x) => `non-resp MED ${x}`).join(" | ")} | non-resp MED mean | vs ref | resp no MED | harmful MED | error mg | days | seconds |`,
  );
  console.log(`|${"---|".repeat(10 + 2 * seeds.length)}`);
  const ref = new Map<DetectorName, { score: number; nr: number }>();
  const t0 = performance.now();
  for (const sc of scenarios) {
    for (const detector of [...DETECTOR_NAMES].reverse()) {
      const t = performance.now();
      const js = seeds.map((seed) => judge(sc, detector, seed, patients));
      const score = mean(js.map((j) => j.score));
      const nr = mean(js.map((j) => j.nonResponderMedShare));
      if (sc.key === "ref") ref.set(detector, { score, nr });
      const r = ref.get(detector);
      const dScore = r ? `${score - r.score >= 0 ? "+" : ""}${(score - r.score).toFixed(3)}` : "-";
      const dNr = r ? `${nr - r.nr >= 0 ? "+" : ""}${(100 * (nr - r.nr)).toFixed(1)} pt` : "-";
      const j = js[0]!;
      console.log(
        `| ${sc.key}: ${sc.title} | ${detector} | ${js.map((x) => f(x.score)).join(" | ")} | ${f(score)} | ${dScore} | ` +
          `${js.map((x) => pct(x.nonResponderMedShare)).join(" | ")} | ${pct(nr)} | ${dNr} | ` +
          `${pct(mean(js.map((x) => x.responderNoMedShare)))} | ${pct(mean(js.map((x) => x.harmfulMedShare)))} | ` +
          `${f(mean(js.map((x) => x.meanErrorMg)), 2)} | ${j.medianDaysToDecision ?? "-"} | ${((performance.now() - t) / 1000).toFixed(1)} |`,
      );
    }
  }
  console.log(
    `\nresp no MED, harmful MED, error mg: means over seeds; days: median days to a decision, first seed. ` +
      `Total ${((performance.now() - t0) / 1000).toFixed(0)} s.`,
  );
}

function explain(sc: Scenario, examples: number): void {
  const seed = seeds[0]!;
  console.log(
    `# ${sc.key} (${sc.title}), robust, seed ${seed}: the first ${examples} of each failure the reference does not have\n`,
  );
  for (const kind of ["non-responder given a MED", "responder scoring under 0.5"] as const) {
    let shown = 0;
    for (let i = 0; i < patients && shown < examples; i++) {
      const run = runStressPatient(sc, "robust", seed, i);
      const fails = (o: JudgedOutcome) =>
        kind.startsWith("non") ? !o.responder && o.declaredUg !== null : o.responder && (o.score ?? 0) < 0.5;
      const o = run.outcome;
      // Failures the scenario makes: the same patient fares well on the reference diary.
      if (!fails(o) || fails(runStressPatient(SCENARIOS[0]!, "robust", seed, i).outcome)) continue;
      shown += 1;
      const patient = drawPatient(createRng(deriveSeed(seed, i, 0)), i, false);
      console.log(
        `## patient ${i}: ${kind}; hidden MED ${patient.medUg / 1000} mg, onset ${patient.onsetUg / 1000} mg, ` +
          `benefit ${patient.maxBenefit.toFixed(1)} x pain scale ${patient.painScale.toFixed(2)}` +
          `${patient.hormetic ? ", hormetic" : ""}; declared ${o.declaredUg === null ? "none" : `${o.declaredUg / 1000} mg`}, ` +
          `score ${o.score === null ? "-" : o.score.toFixed(2)}, ${o.decision} on day ${o.daysToDecision ?? "-"}`,
      );
      console.log(`diary (mg: pain/wellbeing per day, "-" no entry):`);
      const levels = new Map<number, string[]>();
      for (const d of run.days) {
        const text = d.read ? `${d.pain}${sc.painOnly ? "" : `/${d.wellbeing.toFixed(1)}`}` : "-";
        levels.set(d.ug, [...(levels.get(d.ug) ?? []), text]);
      }
      const cells = [...levels].map(([ug, ds]) => `${ug / 1000}: ${ds.join(" ")}`);
      for (let k = 0; k < cells.length; k += 8) console.log(`  ${cells.slice(k, k + 8).join(" | ")}`);
      for (const r of run.reasons) console.log(`  ${r}`);
      console.log("");
    }
  }
}
