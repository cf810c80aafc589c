/**
 * How the judged detectors fare on cohorts that differ from the judged bench's simulator.
 * Run with `npx tsx bench/engine-stress.ts [--patients 2000] [--seed 1,2]
 * [--only ref,t3,...] [--explain <scenario> [--examples 3]]`. At the defaults (15 scenarios,
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
import { createAr1Noise, type NoiseSettings } from "../src/domain/simulation/ar1-noise.ts";
import { baselineDays } from "../src/domain/simulation/baseline-days.ts";
import {
  IMPRESSION_NOISE_SHARE,
  impression,
  rating,
  type DayRatings,
  type DiaryRater,
} from "../src/domain/simulation/diary-rater.ts";
import { createRng, deriveSeed, normal, type Rng } from "../src/domain/simulation/prng.ts";
import {
  runJudgedPatient,
  type JudgedEngine,
  type JudgedOutcome,
} from "../src/domain/simulation/run-judged-patient.ts";
import { BENCH_START } from "../src/domain/simulation/run-simulation.ts";
import { summariseJudgement, type Judgement } from "../src/domain/simulation/summarise-judgement.ts";
import { benefitAt, drawPatient, type VirtualPatient } from "../src/domain/simulation/virtual-patient.ts";
import { chooseDetector } from "../src/domain/titration/detectors/choose-detector.ts";
import { DETECTOR_NAMES, type DetectorName } from "../src/domain/titration/detectors/detector.ts";
import { TitrationMachine, type TitrationPlan } from "../src/domain/titration/titration-machine.ts";
import { benchArgs, refuse } from "./bench-args.ts";

const BASELINE_DAYS = 3;
/** The judge's streams: 0 draws the patient, 2 the ratings; 7 is this bench's missing days. */
const RATINGS_STREAM = 2;
const MISSING_STREAM = 7;

interface Scenario {
  readonly key: string;
  readonly title: string;
  readonly noise: NoiseSettings;
  readonly heavyTails?: boolean;
  /** Points added to pain on diary day `t` (0 = first baseline day); `onDrug` is t - baseline + 1. */
  readonly painShift?: (t: number, onDrug: number) => number;
  readonly missingShare?: number;
  readonly painOnly?: boolean;
  /** Share of the variance of mood, energy and clarity's noise that the three have in common. */
  readonly wellbeingShared?: number;
  /** A slow wander added to every rating's noise (drawn only here, after the others). */
  readonly slow?: NoiseSettings;
  /** A random walk added to every rating's noise: each day moves by this SD (drawn only here). */
  readonly walkStepSd?: number;
}

const REF: NoiseSettings = { sd: 1, autocorrelation: 0.3 };
const SCENARIOS: readonly Scenario[] = [
  { key: "ref", title: "reference SD 1, rho 0.3", noise: REF },
  { key: "t3", title: "heavy tails, t(3) SD 1", noise: REF, heavyTails: true },
  {
    key: "drift-down",
    title: "pain -1.5 over 60 days",
    noise: REF,
    painShift: (t) => (-1.5 * Math.min(t, 60)) / 60,
  },
  { key: "drift-up", title: "pain +1 over 60 days", noise: REF, painShift: (t) => Math.min(t, 60) / 60 },
  { key: "missing", title: "25% of diary days missing", noise: REF, missingShare: 0.25 },
  { key: "weekly", title: "pain +1 on 2 days a week", noise: REF, painShift: (t) => (t % 7 >= 5 ? 1 : 0) },
  { key: "sd1.5", title: "noise SD 1.5", noise: { sd: 1.5, autocorrelation: 0.3 } },
  { key: "sd2", title: "noise SD 2", noise: { sd: 2, autocorrelation: 0.3 } },
  { key: "pain-only", title: "pain only (no mood etc.)", noise: REF, painOnly: true },
  { key: "placebo", title: "placebo -1.5 d1-14, 0 by d28", noise: REF, painShift: (_, d) => placebo(d) },
  { key: "wb-shared", title: "(extra) mood etc. share 70% of noise", noise: REF, wellbeingShared: 0.7 },
  { key: "rho0.7", title: "runs: autocorrelation 0.7", noise: { sd: 1, autocorrelation: 0.7 } },
  { key: "rho0.85", title: "long runs: autocorrelation 0.85", noise: { sd: 1, autocorrelation: 0.85 } },
  {
    key: "wander",
    title: "SD 0.8 rho 0.3 + slow wander SD 0.8 rho 0.95",
    noise: { sd: 0.8, autocorrelation: 0.3 },
    slow: { sd: 0.8, autocorrelation: 0.95 },
  },
  {
    key: "walk",
    title: "SD 0.8 rho 0.3 + random walk, 0.2 a day",
    noise: { sd: 0.8, autocorrelation: 0.3 },
    walkStepSd: 0.2,
  },
];

/** Pain points of the placebo response on day `d` on LDN (1-based; 0 or less before it). */
function placebo(d: number): number {
  if (d < 1 || d >= 28) return 0;
  return d <= 14 ? -1.5 : (-1.5 * (28 - d)) / 14;
}

/**
 * AR(1) noise of SD `sd` whose fresh draws are Student t(3) scaled to variance 1 (a normal
 * over the root of a chi-square with 3 degrees of freedom), the first day included.
 */
function createHeavyAr1(rng: Rng, { sd, autocorrelation: rho }: NoiseSettings): () => number {
  const fresh = Math.sqrt(1 - rho * rho);
  let state: number | null = null;
  return () => {
    const z = normal(rng) / Math.sqrt(normal(rng) ** 2 + normal(rng) ** 2 + normal(rng) ** 2);
    state = state === null ? z : rho * state + fresh * z;
    return sd * state;
  };
}

/** A random walk from 0: each call moves it by a normal step of SD `step`. */
function createWalk(rng: Rng, step: number): () => number {
  let state = 0;
  return () => (state += step * normal(rng));
}

/** `createDiaryRater` with the scenario's noise and pain shift; the same draws for `ref`. */
function createStressRater(patient: VirtualPatient, sc: Scenario, rng: Rng): DiaryRater {
  const make = (noise: NoiseSettings) => (sc.heavyTails ? createHeavyAr1 : createAr1Noise)(rng, noise);
  const fast = [0, 1, 2, 3].map(() => make(sc.noise));
  const slow = sc.slow
    ? [0, 1, 2, 3].map(() => createAr1Noise(rng, sc.slow!))
    : sc.walkStepSd
      ? [0, 1, 2, 3].map(() => createWalk(rng, sc.walkStepSd!))
      : null;
  const [painNoise, moodNoise, energyNoise, clarityNoise] = slow
    ? fast.map((f, k) => () => f() + slow[k]!())
    : fast;
  const impressionNoise = createAr1Noise(rng, {
    sd: sc.noise.sd * IMPRESSION_NOISE_SHARE,
    autocorrelation: sc.noise.autocorrelation,
  });
  // A bad day is bad for mood, energy and clarity together: a common part (drawn only here, so
  // the other scenarios keep the judge's draws) mixed into each rating's own noise.
  const shared = sc.wellbeingShared ?? 0;
  const common = shared ? make(sc.noise) : () => 0;
  const mix = (own: () => number) =>
    shared ? () => Math.sqrt(shared) * common() + Math.sqrt(1 - shared) * own() : own;
  const [mood, energy, clarity] = [moodNoise!, energyNoise!, clarityNoise!].map(mix);
  let t = 0;
  let levelUg = 0;
  let previousLevelUg = 0;
  const wellbeing = (trait: VirtualPatient["mood"], benefit: number, noise: number) =>
    rating(trait.baseline + trait.risePerBenefit * benefit + noise);
  return {
    rate(taken, scheduledUg): DayRatings {
      if (scheduledUg !== levelUg) [previousLevelUg, levelUg] = [levelUg, scheduledUg];
      const shift = sc.painShift?.(t, t - BASELINE_DAYS + 1) ?? 0;
      t += 1;
      const benefit = benefitAt(patient, taken);
      return {
        pain: rating(patient.baselinePain - patient.painScale * benefit + shift + painNoise!()),
        mood: wellbeing(patient.mood, benefit, mood!()),
        energy: wellbeing(patient.energy, benefit, energy!()),
        clarity: wellbeing(patient.clarity, benefit, clarity!()),
        impression: impression(benefit - benefitAt(patient, previousLevelUg) + impressionNoise()),
      };
    },
  };
}

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
    return {
      readDay(entry: DiaryDay | undefined) {
        if (!entry) return m.readDay(undefined);
        const ug = takenUg(entry);
        const ratings = rater.rate(ug, ug);
        const read = !skip();
        const { pain, mood, energy, clarity } = ratings;
        days.push({ ug, pain, wellbeing: (mood + energy + clarity) / 3, read });
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
});
const patients = Number(values.patients);
const seeds = values.seed.split(",").map(Number);
if (!Number.isSafeInteger(patients) || patients < 1)
  refuse(import.meta.filename, "--patients: a whole number above 0");
if (seeds.some((s) => !Number.isSafeInteger(s)))
  refuse(import.meta.filename, "--seed: whole numbers, comma-separated");
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
      `${patients} patients per seed, seeds ${seeds.join(", ")}\n`,
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
