/**
 * Durability: a check-in acknowledged with 201 survives `kill -9` of the server at any moment.
 * The real server runs as a child process on a SQLite file (WAL, synchronous=FULL); several
 * clients stream check-ins while the server is killed with SIGKILL at random moments and
 * restarted. Afterwards every acknowledged entry is in the file exactly once, SQLite's
 * integrity check passes, and the audit chain verifies.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../app/ports/actor.ts";
import { verifyDatabaseAudit } from "../store/audit/verify-database-audit.ts";
import { openStore } from "../store/sql-store.ts";
import { newToken, tokenHash } from "./auth/tokens.ts";
import { freePort, startServerProcess, type ServerProcess } from "./testing/server-process.ts";

/** Kills, each after a random stretch of traffic (bounded: the test stops by itself). */
const KILLS = 5;
const CLIENTS = 8;

describe("durability under kill -9", () => {
  let dir: string;
  let db: string;
  let cookie: string;
  let patientId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ldn-kill-"));
    db = join(dir, "ldn.sqlite");
    const token = newToken();
    cookie = `ldn_session=${token}`;
    const store = await openStore({ kind: "sqlite", path: db });
    patientId = await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinics.create({ name: "Durable clinic" });
      const patient = await tx.patients.create({ clinicId: clinic.id, displayName: "K. Ill", screening: {} });
      // A session made before the first start survives every restart: it lives in the database.
      await tx.sessions.create({
        id: tokenHash(token),
        subjectKind: "patient",
        subjectId: patient.id,
        expiresAt: "2999-01-01T00:00:00.000Z",
      });
      return patient.id;
    });
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every acknowledged check-in through 5 kills, with integrity and the audit chain intact", async () => {
    const port = await freePort();
    const acknowledged = new Set<string>();
    let sent = 0;
    let failed = 0;
    let stop = false;
    let server: ServerProcess = await startServerProcess(db, port);

    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const key = `kill-${n}-${i}`;
        sent++;
        try {
          const res = await fetch(`${server.url}/api/patients/${patientId}/check-ins`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie, "idempotency-key": key },
            body: JSON.stringify({
              date: "2027-01-05",
              doses: [{ time: "08:00", ug: 100 }],
              pain: 5,
              sideEffects: [],
            }),
          });
          if (res.status === 201) acknowledged.add(key);
          else await res.text();
        } catch {
          failed++;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
      server.child.kill("SIGKILL");
      await server.exited;
      server = await startServerProcess(db, port);
    }
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await Promise.all(clients);
    server.child.kill("SIGTERM");
    await server.exited;

    expect(acknowledged.size).toBeGreaterThan(50);
    expect(failed).toBeGreaterThan(0); // the kills did land mid-stream
    const native = new BetterSqlite3(db, { readonly: true });
    try {
      expect(native.pragma("integrity_check", { simple: true })).toBe("ok");
      const keys = native
        .prepare("select idempotency_key as k, count(*) as n from diary_entries group by idempotency_key")
        .all() as { k: string; n: number }[];
      const stored = new Map(keys.map((r) => [r.k, r.n]));
      const lost = [...acknowledged].filter((k) => stored.get(k) !== 1);
      expect(lost).toEqual([]);
    } finally {
      native.close();
    }
    const audit = await verifyDatabaseAudit({ kind: "sqlite", path: db });
    expect(audit.ok).toBe(true);
    console.log(
      `kill -9 x${KILLS}: ${sent} sent, ${acknowledged.size} acknowledged and all found, ${failed} cut off by a kill`,
    );
  }, 90_000);
});
