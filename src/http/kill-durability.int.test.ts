/**
 * Durability: a check-in acknowledged with 201 survives `kill -9` of the server at any moment.
 * The real server runs as a child process (`node --import tsx src/cli/main.ts serve`, killed by
 * the PID of that node process) on a SQLite file (WAL, each commit's WAL flushed before it
 * returns: wal-flush.ts). Several clients stream
 * check-ins while the server is killed with SIGKILL at random moments and restarted; a request
 * cut off by a kill is retried with its key afterwards, as a phone would. The server's last
 * stop is a SIGKILL too. Then every acknowledged check-in is in the file exactly once (the
 * day's entry or one of its earlier versions), nothing is there that was never sent, each has
 * its audit event, SQLite's integrity check passes
 * and the audit chain verifies.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyDatabaseAudit } from "../store/audit/verify-database-audit.ts";
import { seedSignedInPatient } from "./testing/seed-signed-in-patient.ts";
import { checkInThroughKills } from "./testing/kill-traffic.ts";
import { freePort, startServerProcess } from "./testing/server-process.ts";

/** Kills, each after a random stretch of traffic (bounded: the test stops by itself). */
const KILLS = 5;
/** Concurrent clients, each with one check-in in flight at a time. */
const CLIENTS = 8;
/** Traffic before a kill: uniform in [0, MAX_TRAFFIC_MS), so some kills land at once. */
const MAX_TRAFFIC_MS = 1_200;

describe("durability under kill -9", () => {
  let dir: string;
  let db: string;
  let cookie: string;
  let patientId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ldn-kill-"));
    db = join(dir, "ldn.sqlite");
    // A session made before the first start survives every restart: it lives in the database.
    ({ patientId, cookie } = await seedSignedInPatient(db, { clinic: "Durable clinic", patient: "K. Ill" }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every acknowledged check-in through 5 kills, with integrity and the audit chain intact", async () => {
    const began = Date.now();
    const port = await freePort();
    const { acknowledged, sent, cutOff, inFlightAtKill, retried } = await checkInThroughKills({
      start: () => startServerProcess(db, port),
      patientId,
      cookie,
      kills: KILLS,
      clients: CLIENTS,
      maxTrafficMs: MAX_TRAFFIC_MS,
    });

    expect(inFlightAtKill.reduce((a, b) => a + b, 0)).toBeGreaterThan(0); // kills landed mid-stream
    // More than one acknowledged check-in per client per kill on average; each kill also waits
    // for the restarted server's first acknowledgement (kill-traffic.ts), so it lands mid-stream.
    expect(acknowledged.size).toBeGreaterThan(KILLS * CLIENTS);
    expect(acknowledged.size).toBe(sent.size);
    // Opened read-write, as the next start would: SQLite recovers the WAL left by the kill.
    const native = new BetterSqlite3(db);
    try {
      expect(native.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(native.pragma("foreign_key_check")).toEqual([]);
      const rows = native
        .prepare(
          "with stored as (select idempotency_key as k, id from diary_entries " +
            "union all select idempotency_key as k, entry_id as id from diary_entry_versions) " +
            "select k, id, count(*) over (partition by k) as n from stored",
        )
        .all() as { k: string; id: string; n: number }[];
      const stored = new Map(rows.map((r) => [r.k, r]));
      const lost = [...acknowledged].filter(([k, id]) => stored.get(k)?.n !== 1 || stored.get(k)?.id !== id);
      expect(lost).toEqual([]);
      expect(rows.filter((r) => !sent.has(r.k))).toEqual([]);
      const audited = native
        .prepare(
          "select count(*) as n from audit_events where action = 'diary.record' and json_extract(details, '$.replayed') = 0",
        )
        .get() as { n: number };
      expect(audited.n).toBe(rows.length);
    } finally {
      native.close();
    }
    const audit = await verifyDatabaseAudit({ kind: "sqlite", path: db });
    expect(audit.ok).toBe(true);
    console.log(
      `kill -9 x${KILLS} (+1 at the end): ${sent.size} check-ins sent by ${CLIENTS} clients, all acknowledged and found once; ` +
        `${cutOff.size} cut off by a kill (in flight at each kill: ${inFlightAtKill.join(", ")}), ` +
        `on retry ${retried.stored} were already stored and ${retried.new} were not; ${((Date.now() - began) / 1000).toFixed(1)} s`,
    );
  }, 300_000);
});
