/**
 * `ldn assess` on a clinic network's batch against the bare parse-and-write baseline (issue
 * 14). Run with `npx tsx bench/assess.ts [--patients 100000] [--rounds 2] [--input FILE] [--keep]`.
 *
 * Writes seeded JSON Lines patients (bench/assess-input.ts: about 65 diary days each, 12 KB
 * a line; 1 line in 500 bad) unless --input names a file, then runs as separate processes,
 * in alternating order each round, each writing to a file on the same disk:
 * - the baseline, bench/assess-baseline.ts: readline, JSON.parse and JSON.stringify each
 *   line, write (one thread; what `ldn assess` cannot do without), and
 * - `ldn assess FILE` as `npm run ldn` runs it (node with tsx), worker threads by default.
 * Prints each round's seconds, peak resident memory and ldn / baseline ratio, the median,
 * checks ldn's output (one line per patient, in input order, the bad lines as error lines),
 * and runs ldn once more on the first quarter of the input to show that memory does not
 * grow with the input.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
} from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { writeAssessInput } from "./assess-input.ts";
import { EXIT_SOME_LINES_FAILED } from "../src/cli/commands/assess.ts";
import { benchArgs } from "./bench-args.ts";

const ROOT = resolve(import.meta.dirname, "..");
const values = benchArgs(import.meta.filename, {
  patients: { type: "string", default: "100000" },
  rounds: { type: "string", default: "2" },
  input: { type: "string" },
  keep: { type: "boolean", default: false },
});
const ROUNDS = Number(values.rounds);
/** The goal of issue 14: ldn within 3x of the baseline. */
const GOAL = 3;

interface Run {
  readonly seconds: number;
  readonly peakMb: number;
  /** CPU time of all the process's threads. */
  readonly cpuSeconds: number;
}

/** Runs node on `args` with stdout to `outFile`, timed on the wall clock; fails on exit status 1 or worse than 2. */
async function timed(args: readonly string[], outFile: string): Promise<Run> {
  const out = openSync(outFile, "w");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./bench/peak-memory.ts", ...args], {
    cwd: ROOT,
    stdio: ["ignore", out, "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  const seconds = (performance.now() - started) / 1000;
  closeSync(out);
  // ldn assess exits 3 when some lines were bad, as 1 in 500 of the input's are
  // (EXIT_SOME_LINES_FAILED; it was 2 before issue 16's one error vocabulary).
  if (code !== 0 && code !== EXIT_SOME_LINES_FAILED)
    throw new Error(`node ${args.join(" ")} exited ${code}:\n${err}`);
  const usage = /ldn-bench peak-rss-kb (\d+) cpu-us (\d+)/.exec(err);
  return {
    seconds,
    peakMb: usage ? Number(usage[1]) / 1024 : NaN,
    cpuSeconds: usage ? Number(usage[2]) / 1e6 : NaN,
  };
}

/** Checks ldn's answers: one per patient, lines in order, errors where the input was bad. */
async function checkOutput(file: string, patients: number): Promise<string[]> {
  const problems: string[] = [];
  let count = 0;
  let errors = 0;
  for await (const text of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const answer = JSON.parse(text) as { line: number; id?: string; error?: string };
    count++;
    if (answer.line !== count || answer.id !== `p${count - 1}`) {
      if (problems.length < 5) problems.push(`answer ${count}: line ${answer.line}, id ${answer.id}`);
    }
    if (answer.error !== undefined) errors++;
  }
  if (count !== patients) problems.push(`${count} answers for ${patients} patients`);
  if (errors !== Math.floor(patients / 500))
    problems.push(`${errors} error lines, ${Math.floor(patients / 500)} bad lines`);
  return problems;
}

/** The first `lines` lines of `from`, written to `to`. */
async function head(from: string, to: string, lines: number): Promise<void> {
  const out = createWriteStream(to);
  let n = 0;
  for await (const text of createInterface({ input: createReadStream(from), crlfDelay: Infinity })) {
    if (n++ >= lines) break;
    if (!out.write(text + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

const dir = mkdtempSync(join(tmpdir(), "ldn-bench-assess-"));
let input = values.input;
let patients = Number(values.patients);
if (input === undefined) {
  input = join(dir, "patients.jsonl");
  const t0 = performance.now();
  await writeAssessInput(input, patients);
  console.log(`Input written in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
} else {
  patients = 0;
  const lines = createInterface({ input: createReadStream(input) });
  lines.on("line", () => patients++);
  await once(lines, "close");
}
const ldnArgs = (file: string) => ["src/cli/main.ts", "assess", file];
const baselineArgs = (file: string) => ["bench/assess-baseline.ts", file];
console.log(
  `# ldn assess vs parse-and-write (node ${process.version}), ${patients.toLocaleString("en")} patients ` +
    `(${(statSync(input).size / 1e9).toFixed(2)} GB)\n`,
);
console.log(
  `Load average before: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")} (${availableParallelism()} cores)\n`,
);
console.log(
  "| round | baseline s | baseline CPU s | baseline peak MB | ldn s | ldn CPU s | ldn peak MB | ldn / baseline |",
);
console.log("|---|---|---|---|---|---|---|---|");
const ratios: number[] = [];
let problems: string[] = [];
let fullPeak = NaN;
for (let round = 1; round <= ROUNDS; round++) {
  const baselineFirst = round % 2 === 1;
  const runBaseline = () => timed(baselineArgs(input!), join(dir, "baseline.out"));
  const runLdn = () => timed(ldnArgs(input!), join(dir, "ldn.out"));
  const first = await (baselineFirst ? runBaseline() : runLdn());
  const second = await (baselineFirst ? runLdn() : runBaseline());
  const [baseline, ldn] = baselineFirst ? [first, second] : [second, first];
  const ratio = ldn.seconds / baseline.seconds;
  ratios.push(ratio);
  fullPeak = ldn.peakMb;
  console.log(
    `| ${round} (${baselineFirst ? "baseline" : "ldn"} first) | ${baseline.seconds.toFixed(1)} | ` +
      `${baseline.cpuSeconds.toFixed(1)} | ${baseline.peakMb.toFixed(0)} | ${ldn.seconds.toFixed(1)} | ` +
      `${ldn.cpuSeconds.toFixed(1)} | ${ldn.peakMb.toFixed(0)} | ${ratio.toFixed(2)} |`,
  );
  if (round === 1 && values.input === undefined) problems = await checkOutput(join(dir, "ldn.out"), patients);
}
const sorted = [...ratios].sort((a, b) => a - b);
const middle = sorted.length >> 1;
const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
console.log(`\nldn / baseline: ${median.toFixed(2)} (median of ${ROUNDS}; goal: ${GOAL} or less)`);
console.log(
  `Load average after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")}`,
);

const quarter = Math.ceil(patients / 4);
await head(input, join(dir, "quarter.jsonl"), quarter);
const small = await timed(ldnArgs(join(dir, "quarter.jsonl")), join(dir, "ldn.out"));
console.log(
  `Peak memory of ldn: ${small.peakMb.toFixed(0)} MB on ${quarter.toLocaleString("en")} patients, ` +
    `${fullPeak.toFixed(0)} MB on ${patients.toLocaleString("en")}.`,
);
console.log(
  values.input !== undefined
    ? "Output not checked (--input)."
    : problems.length === 0
      ? "Output checked: one answer per patient, in input order, an error line for each bad line."
      : `Output problems:\n  ${problems.join("\n  ")}`,
);
if (values.keep) console.log(`Kept: ${dir}`);
else rmSync(dir, { recursive: true, force: true });
process.exitCode = problems.length === 0 && median <= GOAL ? 0 : 1;
