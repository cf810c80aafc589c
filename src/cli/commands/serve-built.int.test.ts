/**
 * The server as an operator runs it (issue 14, item 5): the JavaScript build, started with
 * plain `node dist/cli/ldn.js` (no tsx, no TypeScript at run time), its JSON log with request
 * ids, its metrics, its health, SIGTERM in the middle of a stream of check-ins, and the
 * start refused with exit status 2 on a bad setting or a database it cannot write.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSignedInPatient } from "../../http/testing/seed-signed-in-patient.ts";
import { freePort } from "../../http/testing/server-process.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const BUILT = join(ROOT, "dist/cli/ldn.js");
/** The environment of a production start: nothing that would load TypeScript. */
const PLAIN_ENV = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: "" };

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly lines: () => string[];
  readonly exit: Promise<{ code: number | null; at: number }>;
}

function startBuilt(db: string, port: number, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [BUILT, "serve", "--db", db, "--port", String(port)], {
    cwd: ROOT,
    env: { ...PLAIN_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // stdout is the log (JSON lines); stderr the plain messages for the person who started it.
  let out = "";
  let err = "";
  const exit = new Promise<{ code: number | null; at: number }>((done) =>
    child.once("exit", (code) => done({ code, at: Date.now() })),
  );
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done, fail) => {
    const timer = setInterval(() => {
      if (out.includes("ldn clinic server on")) {
        clearInterval(timer);
        done({ child, url: `http://127.0.0.1:${port}`, lines: () => out.split("\n").filter(Boolean), exit });
      }
    }, 50);
    void exit.then(({ code }) => {
      clearInterval(timer);
      fail(new Error(`exited with ${code} before listening: ${out}${err}`));
    });
  });
}

describe("the built server (node dist/cli/ldn.js)", () => {
  let dir: string;

  beforeAll(() => {
    execFileSync(process.execPath, ["--import", "tsx", "scripts/build-server.ts"], { cwd: ROOT });
    dir = mkdtempSync(join(tmpdir(), "ldn-built-"));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs ldn --help with no TypeScript loader", () => {
    const help = spawnSync(process.execPath, [BUILT, "--help"], {
      cwd: ROOT,
      env: PLAIN_ENV,
      encoding: "utf8",
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Low-dose naltrexone (LDN) titration for pain clinics");
  });

  it("serves: health checks the database, JSON log lines carry the request id, metrics count by route", async () => {
    const metricsPort = await freePort();
    const server = await startBuilt(join(dir, "health.sqlite"), await freePort(), {
      LDN_METRICS_PORT: String(metricsPort),
    });
    try {
      const health = await fetch(`${server.url}/api/health`, { headers: { "x-request-id": "probe-42" } });
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, database: "ok" });
      expect(health.headers.get("x-request-id")).toBe("probe-42");
      const fresh = await fetch(`${server.url}/api/patients/p-secret-id`);
      expect(fresh.status).toBe(401);
      const id = fresh.headers.get("x-request-id")!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const scrape = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      expect(scrape).toContain('ldn_http_requests_total{method="GET",route="/api/health",status="200"} 1');
      expect(scrape).toContain('route="/api/patients/:patientId",status="401"');
      expect(scrape).toMatch(/ldn_group_commit_batch_size_count \d+/);
      const log = server.lines().map((l) => JSON.parse(l) as Record<string, unknown>); // every line is JSON
      expect(log).toContainEqual(
        expect.objectContaining({ reqId: "probe-42", route: "/api/health", status: 200 }),
      );
      // The refusal's own audit and its request line share the id; no path, so no patient id.
      expect(log).toContainEqual(expect.objectContaining({ reqId: id, route: "/api/patients/:patientId" }));
      expect(server.lines().join("\n")).not.toContain("p-secret-id");
    } finally {
      server.child.kill("SIGTERM");
      await server.exit;
    }
  });

  it("on SIGTERM mid-stream finishes the check-ins in flight, keeps every one acknowledged, and exits 0", async () => {
    const db = join(dir, "sigterm.sqlite");
    const { patientId, cookie } = await seedSignedInPatient(db, { clinic: "Term clinic", patient: "T. Erm" });
    const server = await startBuilt(db, await freePort());
    const today = new Date().toLocaleDateString("en-CA"); // YYYY-MM-DD, the server's zone
    const acknowledged = new Map<string, string>();
    const refused = new Set<string>();
    const other: string[] = [];
    let stop = false;
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const key = `term-${n}-${i}`;
        try {
          const res = await fetch(`${server.url}/api/patients/${patientId}/check-ins`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie, "idempotency-key": key },
            body: JSON.stringify({
              date: today,
              doses: [{ time: "08:00", ug: 100 }],
              pain: 4,
              sideEffects: [],
            }),
          });
          const body = (await res.json()) as { id?: string };
          if ((res.status === 201 || res.status === 200) && body.id) acknowledged.set(key, body.id);
          else other.push(`${res.status}`);
        } catch {
          refused.add(key); // no answer: the connection was refused or closed before it was read
          stop = true;
        }
      }
    };
    const clients = Array.from({ length: 8 }, (_, n) => client(n));
    // A stream under way (the machine may be slow: count, do not time).
    while (acknowledged.size < 30 && other.length === 0) await new Promise((r) => setTimeout(r, 20));
    const before = acknowledged.size;
    const termAt = Date.now();
    server.child.kill("SIGTERM");
    await Promise.all(clients);
    const { code, at } = await server.exit;

    expect(before).toBeGreaterThanOrEqual(30);
    expect(other).toEqual([]);
    expect(code).toBe(0);
    expect(at - termAt).toBeLessThan(5_000);
    const native = new BetterSqlite3(db, { readonly: true });
    try {
      const stored = new Map(
        (
          native
            .prepare(
              "select idempotency_key as k, id from diary_entries union all " +
                "select idempotency_key as k, entry_id as id from diary_entry_versions",
            )
            .all() as { k: string; id: string }[]
        ).map((r) => [r.k, r.id]),
      );
      const lost = [...acknowledged].filter(([k, id]) => stored.get(k) !== id);
      expect(lost).toEqual([]);
      // Refused cleanly: a request with no answer was never stored either.
      expect([...refused].filter((k) => stored.has(k))).toEqual([]);
      expect(stored.size).toBe(acknowledged.size);
    } finally {
      native.close();
    }
    const log = server.lines().map((l) => JSON.parse(l) as { msg: string; how?: string });
    expect(log.at(-1)).toMatchObject({ msg: "stopped", how: "clean" });
    console.log(
      `SIGTERM after ${before} acknowledged check-ins (8 clients): ${acknowledged.size} acknowledged in all, ` +
        `all stored; ${refused.size} refused with no answer, none stored; exit 0 in ${at - termAt} ms`,
    );
  }, 60_000);

  it("refuses to start on a bad setting: exit 2, naming it", () => {
    const run = spawnSync(process.execPath, [BUILT, "serve", "--db", join(dir, "bad.sqlite")], {
      cwd: ROOT,
      env: { ...PLAIN_ENV, LDN_METRICS_PORT: "ninety" },
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("LDN_METRICS_PORT");
    expect(run.stderr).toContain('"ninety"');
  });

  it("refuses to start on a database it cannot write: exit 2, with the path and the cause", () => {
    const file = join(dir, "not-a-folder");
    writeFileSync(file, "a file where the database's folder should be");
    const run = spawnSync(process.execPath, [BUILT, "serve", "--db", join(file, "ldn.sqlite")], {
      cwd: ROOT,
      env: PLAIN_ENV,
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(join(file, "ldn.sqlite"));
    expect(run.stderr).toMatch(/ENOTDIR|EEXIST/);
  });

  it("refuses to start on a read-only file system: exit 2, with the path and the cause", (ctx) => {
    const mount = join(dir, "ro");
    mkdirSync(mount);
    // A real read-only mount needs root; elsewhere a folder without write permission does it.
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mount]).status === 0;
    if (!mounted && process.getuid?.() === 0) ctx.skip();
    try {
      const db = join(mount, "ldn.sqlite");
      new BetterSqlite3(db).close();
      if (mounted) execFileSync("mount", ["-o", "remount,ro", mount]);
      else execFileSync("chmod", ["a-w", mount]);
      const run = spawnSync(process.execPath, [BUILT, "serve", "--db", db], {
        cwd: ROOT,
        env: PLAIN_ENV,
        encoding: "utf8",
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(mount);
      expect(run.stderr).toMatch(mounted ? /read-only file system \(EROFS/ : /permission denied \(EACCES/);
    } finally {
      if (mounted) execFileSync("umount", [mount]);
    }
  });
});
