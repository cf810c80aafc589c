/**
 * What a newcomer reads after `npm start -- --demo` (that is, `ldn serve --demo`): the demo's
 * sign-ins, the address and how to stop, as plain lines on stderr; the log stays JSON lines on
 * stdout, with no password in it. A later start repeats the sign-ins; a database with no clinic
 * says how to make the first administrator. The real command, as a child process.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../http/testing/server-process.ts";
import { DEMO_ACCOUNTS, DEMO_PATIENT } from "../demo/fill-demo-clinic.ts";

const ROOT = resolve(import.meta.dirname, "../../..");

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

/** Starts `ldn serve` with `args`, waits until it listens, stops it with SIGINT (Ctrl-C). */
async function serveAndStop(args: readonly string[]): Promise<Run> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "serve", "--port", String(port), ...args],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((done) => child.once("exit", done));
  const until = Date.now() + 150_000;
  while (!stderr.includes("Ctrl-C stops it") && child.exitCode === null && Date.now() < until)
    await new Promise((r) => setTimeout(r, 100));
  child.kill("SIGINT");
  const code = await exited;
  return { stdout, stderr, code };
}

/** Every line of the log, parsed: throws on a line that is not JSON. */
const logOf = (run: Run) =>
  run.stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { msg: string });

describe("what ldn serve prints", () => {
  let dir: string;
  let first: Run;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ldn-serve-output-"));
    first = await serveAndStop(["--demo", "--db", join(dir, "demo.sqlite")]);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the demo's sign-ins as plain lines a newcomer can read, and keeps them out of the log", () => {
    expect(first.code).toBe(0);
    const lines = first.stderr.split("\n");
    expect(lines[0]).toMatch(/^Filled "Demo Pain Clinic" with \d+ synthetic patients\.$/);
    expect(lines).toContain(
      "DEMO ONLY: the patients are invented and these passwords are public; never use this database for real patients.",
    );
    for (const account of DEMO_ACCOUNTS)
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^ {2}${account.role} +${account.email} +${account.password}$`)),
      );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^ {2}patient +login code ${DEMO_PATIENT.loginCode} +${DEMO_PATIENT.password} `),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^ldn clinic server on http:\/\/127\.0\.0\.1:\d+ \(database: /),
    );
    expect(lines).toContain("Ctrl-C stops it.");
    expect(lines).toContain("ldn: stopped: every request answered");
    expect(first.stderr).not.toMatch(/\\n|[{}]/); // no escaped newlines, no JSON
    // The log: JSON lines only, the start and stop recorded, no password.
    expect(logOf(first).map((l) => l.msg)).toEqual([
      expect.stringMatching(/^ldn clinic server on http:/),
      "stopping",
      "stopped",
    ]);
    for (const account of DEMO_ACCOUNTS) expect(first.stdout).not.toContain(account.password);
  });

  it("repeats the sign-ins on a later --demo start, changing nothing", async () => {
    const again = await serveAndStop(["--demo", "--db", join(dir, "demo.sqlite")]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("The demo clinic is already there");
    expect(again.stderr).toContain(`  clinician     clinician@demo.example     demo-clinician-1`);
    expect(again.stderr).not.toContain("No clinic yet");
  }, 120_000);

  it("says how to make the first administrator when there is no clinic", async () => {
    const empty = await serveAndStop(["--db", join(dir, "empty.sqlite")]);
    expect(empty.code).toBe(0);
    const lines = empty.stderr.split("\n");
    expect(lines).toContain("No clinic yet. Create the first administrator (in another terminal):");
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}npm run ldn -- admin create --clinic /));
    expect(logOf(empty)).toHaveLength(3);
  }, 120_000);
});
