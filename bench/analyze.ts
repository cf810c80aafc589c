/**
 * `ldn analyze` at registry scale against numpy/scipy doing the same tests (issue 14).
 * Run with `npx tsx bench/analyze.ts [--rows 1000000] [--rounds 3] [--keep]`.
 *
 * Writes a seeded cohort CSV of `--rows` patients (17 columns: the required nine and four
 * outcome pairs, BPI in quarter points and PROMIS T-scores, with cells missing as clinics
 * leave them), then runs, as separate processes in alternating order each round:
 * - `ldn analyze FILE --format json` (node with tsx, as `npm run ldn` runs it), and
 * - `python3 bench/analyze.py FILE`: the same tests with numpy/scipy (see its docstring),
 *   with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for it alone (see the env notes).
 * Each is timed on the wall clock from start to exit, so both pay their start-up. Prints
 * each round's seconds, peak resident memory and ldn / python ratio, the median ratio, and
 * checks the two agree on every count and to 1e-9 on the statistics.
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { benchArgs } from "./bench-args.ts";

const ROOT = resolve(import.meta.dirname, "..");
const values = benchArgs(import.meta.filename, {
  rows: { type: "string", default: "1000000" },
  rounds: { type: "string", default: "3" },
  keep: { type: "boolean", default: false },
});
const ROWS = Number(values.rows);
const ROUNDS = Number(values.rounds);
/** The goal of issue 14: ldn within 2x of numpy/scipy. */
const GOAL = 2;

/** mulberry32: a small seeded generator, so every run writes the same cohort. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeCohort(path: string, rows: number): Promise<void> {
  const random = seeded(14);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const missing = (p: number, text: string) => (random() < p ? "" : text);
  const quarter = (v: number) => (Math.round(v * 4) / 4).toFixed(2);
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(
    "patient_id,sex,age,bmi,hypermobile,mcad,med_mg,hormesis,on_opioids," +
      "bpi_pain_pre,bpi_pain_post,bpi_interference_pre,bpi_interference_post," +
      "promis_gph_pre,promis_gph_post,promis_gmh_pre,promis_gmh_post\n",
  );
  let batch: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const hypermobile = random() < 0.7;
    // 004: MEDs from 0.1 to 5.6 mg, most at 2 mg or less; a little higher without hEDS/HSD.
    const med = clamp(Math.round((hypermobile ? 2.2 : 3.0) * Math.exp(0.5 * normal()) * 10) / 10, 0.1, 6);
    const pain = clamp(5.8 + 1.7 * normal(), 0, 10);
    const interference = clamp(6.2 + 2 * normal(), 0, 10);
    const gph = clamp(38.8 + 8.8 * normal(), 10, 90);
    const gmh = clamp(44.5 + 8.8 * normal(), 10, 90);
    const promis = random() < 0.7;
    batch.push(
      [
        `P${String(i).padStart(7, "0")}`,
        missing(0.01, random() < 0.83 ? "female" : "male"),
        missing(0.01, String(Math.round(clamp(40 + 14 * normal(), 18, 90)))),
        missing(0.1, clamp(27 + 5 * normal(), 15, 60).toFixed(1)),
        missing(0.02, String(hypermobile)),
        missing(0.02, String(random() < 0.3)),
        missing(0.1, med.toFixed(1)),
        missing(0.02, String(random() < 0.3)),
        missing(0.02, String(random() < 0.25)),
        missing(0.05, quarter(pain)),
        missing(0.1, quarter(clamp(pain - 2.6 + 1.8 * normal(), 0, 10))),
        missing(0.05, quarter(interference)),
        missing(0.1, quarter(clamp(interference - 3.6 + 2 * normal(), 0, 10))),
        promis ? missing(0.05, gph.toFixed(1)) : "",
        promis ? missing(0.1, clamp(gph + 3 + 8 * normal(), 10, 90).toFixed(1)) : "",
        promis ? missing(0.05, gmh.toFixed(1)) : "",
        promis ? missing(0.1, clamp(gmh + 5 + 8 * normal(), 10, 90).toFixed(1)) : "",
      ].join(","),
    );
    if (batch.length === 10_000) {
      await write(batch.join("\n") + "\n");
      batch = [];
    }
  }
  if (batch.length > 0) await write(batch.join("\n") + "\n");
  out.end();
  await once(out, "finish");
}

interface Run {
  readonly seconds: number;
  readonly peakMb: number;
  readonly stdout: string;
}

/** Runs a process to its end, timing it on the wall clock; fails on a non-zero exit. */
async function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited ${code}:\n${err}`);
  const stdout = Buffer.concat(out).toString();
  const peak = /ldn-bench peak-rss-kb (\d+)/.exec(err);
  const peakMb = peak
    ? Number(peak[1]) / 1024
    : (JSON.parse(stdout) as { peakMemoryMb: number }).peakMemoryMb;
  return { seconds, peakMb, stdout };
}

const runLdn = (file: string) =>
  timed(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./bench/peak-memory.ts",
      "src/cli/main.ts",
      "analyze",
      file,
      "--format",
      "json",
    ],
    process.env,
  );

const runPython = (file: string) => {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return timed("python3", ["bench/analyze.py", file], env);
};

/** Relative difference, absolute near 0. */
const differs = (a: number | null, b: number | null, tolerance = 1e-9) =>
  a === null || b === null
    ? a !== b
    : Math.abs(a - b) > tolerance * Math.max(1, Math.abs(a), Math.abs(b)) && !(a === 0 && b === 0);

/** What the two sides disagree on (empty when they agree). */
function disagreements(ldnJson: string, pythonJson: string): string[] {
  /* eslint-disable @typescript-eslint/no-explicit-any -- two JSON documents compared field by field */
  const l = JSON.parse(ldnJson) as any;
  const p = JSON.parse(pythonJson) as any;
  const found: string[] = [];
  const check = (what: string, a: number | null, b: number | null, tolerance?: number) => {
    if (differs(a, b, tolerance)) found.push(`${what}: ldn ${a}, python ${b}`);
  };
  check("rows left out", l.rowsLeftOut, p.rowsLeftOut);
  check("patients", l.patients, p.table1.patients);
  check("male", l.table1.male.n, p.table1.male);
  check("female", l.table1.female.n, p.table1.female);
  for (const key of ["age", "bmi", "medMg"] as const) {
    for (const field of ["n", "mean", "sd", "min", "max"] as const) {
      check(`${key} ${field}`, l.table1[key][field], p.table1[key][field]);
    }
  }
  for (const key of ["hypermobile", "mcad", "hormesis", "onOpioids"] as const) {
    const py = p.table1[key === "onOpioids" ? "on_opioids" : key];
    check(`${key} n`, l.table1[key].n, py.n);
    check(`${key} known`, l.table1[key].known, py.known);
  }
  for (const [i, o] of (l.outcomes as any[]).entries()) {
    const q = p.outcomes[i];
    check(`${o.scale} n`, o.n, q.n);
    check(`${o.scale} pre mean`, o.pre.mean, q.pre[0]);
    check(`${o.scale} pre sd`, o.pre.sd, q.pre[1]);
    check(`${o.scale} post mean`, o.post.mean, q.post[0]);
    check(`${o.scale} improvement`, o.improvement.mean, q.improvement);
    check(`${o.scale} ci95 low`, o.improvement.ci95[0], q.ci95[0]);
    check(`${o.scale} t`, o.t, q.t);
    check(`${o.scale} p`, o.pTwoTailed, q.pTwoTailed);
    check(`${o.scale} Wilcoxon statistic`, o.wilcoxon.statistic, q.wilcoxon[0]);
    check(`${o.scale} Wilcoxon p`, o.wilcoxon.p, q.wilcoxon[1]);
    check(`${o.scale} dz`, o.dz, q.dz);
  }
  check("Welch t", l.medByGroup.t, p.medByGroup.welch[0]);
  check("Welch df", l.medByGroup.df, p.medByGroup.welch[1]);
  check("Welch p", l.medByGroup.p, p.medByGroup.welch[2]);
  check("Student p", l.medByGroup.student.p, p.medByGroup.student[1]);
  check("Spearman rho", l.bmiVsMed.rho, p.bmiVsMed[0]);
  check("Spearman p", l.bmiVsMed.p, p.bmiVsMed[1]);
  check("Spearman n", l.bmiVsMed.n, p.bmiVsMed[2]);
  const bins = (l.medHistogram.bins as { count: number }[]).map((b) => b.count);
  if (bins.join() !== (p.medHistogram as number[]).join()) found.push("MED histogram counts differ");
  check("hormesis", l.hormesisCount, p.hormesisCount);
  return found;
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

const dir = mkdtempSync(join(tmpdir(), "ldn-bench-analyze-"));
const file = join(dir, "cohort.csv");
const generation = performance.now();
await writeCohort(file, ROWS);
console.log(
  `# ldn analyze vs numpy/scipy (node ${process.version}), ${ROWS.toLocaleString("en")} rows ` +
    `(${(statSync(file).size / 1e6).toFixed(0)} MB, written in ${((performance.now() - generation) / 1000).toFixed(1)} s)\n`,
);
console.log(
  `Load average before: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")} (${availableParallelism()} cores)\n`,
);
console.log("| round | ldn s | ldn peak MB | python s | python peak MB | ldn / python |");
console.log("|---|---|---|---|---|---|");
const ratios: number[] = [];
let agreement: string[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const ldnFirst = round % 2 === 1;
  const first = await (ldnFirst ? runLdn(file) : runPython(file));
  const second = await (ldnFirst ? runPython(file) : runLdn(file));
  const [ldn, python] = ldnFirst ? [first, second] : [second, first];
  const ratio = ldn.seconds / python.seconds;
  ratios.push(ratio);
  console.log(
    `| ${round} (${ldnFirst ? "ldn" : "python"} first) | ${ldn.seconds.toFixed(1)} | ${ldn.peakMb.toFixed(0)} | ` +
      `${python.seconds.toFixed(1)} | ${python.peakMb.toFixed(0)} | ${ratio.toFixed(2)} |`,
  );
  if (round === 1) agreement = disagreements(ldn.stdout, python.stdout);
}
const sorted = [...ratios].sort((a, b) => a - b);
const middle = sorted.length >> 1;
const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
console.log(`\nldn / numpy+scipy: ${median.toFixed(2)} (median of ${ROUNDS}; goal: ${GOAL} or less)`);
console.log(
  `Load average after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")}`,
);
console.log(
  agreement.length === 0
    ? "Both found the same counts, and the same statistics to 1e-9."
    : `Disagreements:\n  ${agreement.join("\n  ")}`,
);
if (values.keep) console.log(`Cohort kept: ${file}`);
else rmSync(dir, { recursive: true, force: true });
process.exitCode = agreement.length === 0 && median <= GOAL ? 0 : 1;
