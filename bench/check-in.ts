/**
 * Check-in throughput and latency, with everything the server does (session, access check,
 * validation, the insert, the audit event, all in one durable transaction), against a bare
 * baseline: the same framework and database inserting the same row with no checks
 * (bench/bare-check-in-server.ts). Both run as their own processes (node with tsx, the same
 * way) on 127.0.0.1, each on a fresh SQLite file; autocannon drives them with a new
 * Idempotency-Key on every request, after a short warm-up. Runs alternate (baseline, full,
 * full, baseline, ...) so a shared machine's drift falls on both; each round's full/baseline
 * ratio is paired, and the median round is reported. Before each round a probe times bare
 * SQLite commits on the same disk, because with synchronous=FULL a commit's disk flush is most
 * of a check-in's time and varies with whatever else the machine is doing.
 *
 * `--database postgres` runs both on PostgreSQL instead (DATABASE_URL, default the local
 * `postgres://postgres@127.0.0.1:5432/test` server), each run in a fresh database made for it
 * and dropped after; the probe then times single-row autocommits there.
 *
 *   npx tsx bench/check-in.ts [--rounds 3] [--seconds 10] [--connections 10] [--cpu-prof DIR]
 *   npx tsx bench/check-in.ts --database postgres
 *
 * Each run also reports its server's CPU time per request (/proc, so Linux only): the full
 * check-in's against the bare insert's is what bounds the ratio on a machine short of CPU.
 *
 * `--cpu-prof DIR` writes a V8 CPU profile of each full server run to DIR and prints its
 * heaviest functions (open the .cpuprofile in Chrome DevTools for the whole picture).
 * Exits 1 if any request failed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { freePort } from "../src/http/testing/server-process.ts";
import type { SignedInPatient } from "../src/http/testing/seed-signed-in-patient.ts";
import { benchCheckIn, seedBenchPatients } from "./check-in-sequence.ts";
import { freshPostgresDatabase } from "../src/store/testing/fresh-postgres-database.ts";
import { benchArgs, refuse } from "./bench-args.ts";

const flags = benchArgs(import.meta.filename, {
  rounds: { type: "string", default: "3" },
  seconds: { type: "string", default: "10" },
  connections: { type: "string", default: "10" },
  "cpu-prof": { type: "string" },
  database: { type: "string", default: "sqlite" },
});
if (flags.database !== "sqlite" && flags.database !== "postgres")
  refuse(import.meta.filename, `--database must be sqlite or postgres, not '${flags.database}'`);
const POSTGRES = flags.database === "postgres";
const POSTGRES_SERVER = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const ROUNDS = Number(flags.rounds);
const SECONDS = Number(flags.seconds);
const CONNECTIONS = Number(flags.connections);
const WARM_UP_SECONDS = 2;
const PROFILE_DIR = flags["cpu-prof"] ? resolve(flags["cpu-prof"]) : undefined;
const ROOT = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "ldn-bench-checkin-"));

/**
 * Starts `node [nodeFlags] --import tsx ...args` with `env` added to this process's (with
 * `DATABASE_URL` empty for SQLite); resolves once it says it is listening. Its stdout (the full server's
 * JSON request log) goes to a file, as to a log collector: read through a pipe here, the log
 * cost this process (and autocannon in it) CPU for every request.
 */
async function serverProcess(
  args: readonly string[],
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): Promise<ChildProcess> {
  const log = join(dir, `server-${Date.now()}.log`);
  const out = openSync(log, "w");
  const child = spawn(process.execPath, [...nodeFlags, "--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", out, "inherit"],
  });
  closeSync(out);
  const exited = new Promise<never>((_, fail) =>
    child.once("exit", (code) => fail(new Error(`${args.join(" ")} exited with ${code}`))),
  );
  const listening = (async () => {
    while (!readFileSync(log, "utf8").includes("ldn clinic server on")) await sleep(50);
  })();
  await Promise.race([listening, exited]);
  return child;
}

/** Milliseconds per single-row durable commit on this disk now (WAL, synchronous=FULL). */
function sqliteCommitProbe(): number {
  const path = join(dir, `probe-${Date.now()}.sqlite`);
  const native = new BetterSqlite3(path);
  native.pragma("journal_mode = WAL");
  native.pragma("synchronous = FULL");
  native.exec("create table t (id integer primary key, body text)");
  const insert = native.prepare("insert into t (body) values (?)");
  const n = 200;
  const began = performance.now();
  for (let i = 0; i < n; i++) native.transaction(() => insert.run("x".repeat(300)))();
  const ms = (performance.now() - began) / n;
  native.close();
  return ms;
}

/** Milliseconds per single-row autocommit on PostgreSQL now (its commits wait for the WAL flush). */
async function postgresCommitProbe(): Promise<number> {
  const fresh = await freshPostgresDatabase(POSTGRES_SERVER, "probe");
  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  try {
    await client.query("create table t (id serial primary key, body text)");
    const n = 200;
    const began = performance.now();
    for (let i = 0; i < n; i++) await client.query("insert into t (body) values ($1)", ["x".repeat(300)]);
    return (performance.now() - began) / n;
  } finally {
    await client.end();
    await fresh.drop();
  }
}

/** Drives `url` for `seconds`; `sent` counts requests across the calls of one run. */
function load(url: string, patients: readonly SignedInPatient[], sent: { n: number }, seconds: number) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const i = sent.n++;
          const { path, cookie, body } = benchCheckIn(patients, i);
          return {
            ...req,
            path,
            headers: {
              ...req.headers,
              "content-type": "application/json",
              cookie,
              "idempotency-key": `bench-${process.pid}-${i}`,
            },
            body,
          };
        },
      },
    ],
  });
}

type Kind = "baseline" | "full";
interface Run {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
  /** The server process's CPU time (user + system) per request answered, in ms. */
  readonly cpuMs: number;
  /** Check-ins a commit (the full server's group commit, from its metrics); NaN for the baseline. */
  readonly perCommit: number;
}

/**
 * CPU seconds `pid` has used (user + system, /proc/PID/stat fields 14 and 15 in clock ticks of
 * 1/100 s): on a machine short of CPU, what a request costs its server is the figure that
 * bounds the ratio, whatever the disk does.
 */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function run(kind: Kind, round: number): Promise<Run> {
  const postgres = POSTGRES ? await freshPostgresDatabase(POSTGRES_SERVER, `bench_${kind}`) : undefined;
  try {
    return await runOn(kind, round, postgres ? postgres.url : join(dir, `${kind}-${round}.sqlite`));
  } finally {
    await postgres?.drop();
  }
}

/** One run on `db` (a SQLite file or a `postgres://` URL), seeded here. */
async function runOn(kind: Kind, round: number, db: string): Promise<Run> {
  const postgres = db.startsWith("postgres://");
  const patients = await seedBenchPatients(db);
  const sent = { n: 0 };
  const port = await freePort();
  const profileDir = PROFILE_DIR && kind === "full" ? join(PROFILE_DIR, `full-${round}`) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const metricsPort = kind === "full" ? await freePort() : undefined;
  const child =
    kind === "full"
      ? await serverProcess(
          ["src/cli/main.ts", "serve", ...(postgres ? [] : ["--db", db]), "--port", String(port)],
          { DATABASE_URL: postgres ? db : "", LDN_METRICS_PORT: String(metricsPort) },
          profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
        )
      : await serverProcess(["bench/bare-check-in-server.ts", db, String(port)], { DATABASE_URL: "" });
  const url = `http://127.0.0.1:${port}`;
  try {
    await load(url, patients, sent, WARM_UP_SECONDS);
    const cpuBefore = cpuSeconds(child.pid!);
    const batchesBefore = await commitBatches(metricsPort);
    const result = await load(url, patients, sent, SECONDS);
    const batches = await commitBatches(metricsPort);
    const answered = result.requests.total;
    return {
      perCommit: (batches.units - batchesBefore.units) / (batches.commits - batchesBefore.commits),
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      failed: result.non2xx + result.errors + result.timeouts,
      cpuMs: answered > 0 ? ((cpuSeconds(child.pid!) - cpuBefore) * 1000) / answered : NaN,
    };
  } finally {
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
    if (profileDir) printProfile(profileDir);
  }
}

/**
 * Units and commits the full server's group commit has made so far (its Prometheus metrics:
 * ldn_group_commit_batch_size's sum and count); NaN for the baseline, which has none.
 */
async function commitBatches(metricsPort: number | undefined): Promise<{ units: number; commits: number }> {
  if (metricsPort === undefined) return { units: NaN, commits: NaN };
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
  return {
    units: read("ldn_group_commit_batch_size_sum"),
    commits: read("ldn_group_commit_batch_size_count"),
  };
}

/** The functions with the most self time in the profile(s) in `profileDir`. */
function printProfile(profileDir: string): void {
  for (const file of readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(join(profileDir, file), "utf8")) as {
      nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
      const where = url.replace(/^.*node_modules\//, "").replace(`file://${ROOT}/`, "");
      const key = `${functionName || "(anonymous)"} ${where}${where ? `:${lineNumber + 1}` : ""}`;
      const dt = profile.timeDeltas[i] ?? 0;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
    // Skip the loader's worker thread, idle while the server runs.
    if ((self.get("(idle) ") ?? 0) > total / 2) continue;
    console.log(`  CPU profile ${join(profileDir, file)} (self time, top 8):`);
    for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 8))
      console.log(`    ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`);
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (r: Run) =>
  `${r.rps.toFixed(0).padStart(5)} req/s  p50 ${String(r.p50).padStart(3)} ms  p99 ${String(r.p99).padStart(4)} ms  ` +
  `CPU ${r.cpuMs.toFixed(2)} ms a request  ` +
  (Number.isNaN(r.perCommit) ? "" : `${r.perCommit.toFixed(1)} a commit  `) +
  `failed ${r.failed}`;

console.log(
  `check-in benchmark on ${POSTGRES ? "PostgreSQL" : "SQLite"}: ${ROUNDS} rounds of ${SECONDS} s (after ${WARM_UP_SECONDS} s warm-up), ${CONNECTIONS} connections, autocannon on 127.0.0.1`,
);
const runs: Record<Kind, Run[]> = { baseline: [], full: [] };
const ratios: number[] = [];
const probes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const probe = POSTGRES ? await postgresCommitProbe() : sqliteCommitProbe();
  probes.push(probe);
  console.log(
    `round ${round + 1}: a bare durable ${POSTGRES ? "PostgreSQL" : "SQLite"} commit takes ${probe.toFixed(2)} ms on this disk now`,
  );
  const order: Kind[] = round % 2 === 0 ? ["baseline", "full"] : ["full", "baseline"];
  const got = {} as Record<Kind, Run>;
  for (const kind of order) {
    got[kind] = await run(kind, round);
    runs[kind].push(got[kind]);
    console.log(`  ${kind.padEnd(8)} ${fmt(got[kind])}`);
  }
  ratios.push(got.full.rps / got.baseline.rps);
  console.log(`  full / baseline = ${ratios.at(-1)!.toFixed(2)}`);
}
const summary = (kind: Kind): Run => ({
  rps: median(runs[kind].map((r) => r.rps)),
  p50: median(runs[kind].map((r) => r.p50)),
  p99: median(runs[kind].map((r) => r.p99)),
  failed: runs[kind].reduce((a, r) => a + r.failed, 0),
  cpuMs: median(runs[kind].map((r) => r.cpuMs)),
  perCommit: median(runs[kind].map((r) => r.perCommit)),
});
const b = summary("baseline");
const f = summary("full");
console.log(`\nmedians over ${ROUNDS} rounds (commit probe ${median(probes).toFixed(2)} ms):`);
console.log(`  baseline (bare insert)  ${fmt(b)}`);
console.log(`  full check-in           ${fmt(f)}`);
console.log(
  `  full / baseline throughput: median of paired rounds ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")})`,
);
rmSync(dir, { recursive: true, force: true });
if (b.failed + f.failed > 0) {
  console.error("some requests failed: the figures above are not valid");
  process.exitCode = 1;
}
