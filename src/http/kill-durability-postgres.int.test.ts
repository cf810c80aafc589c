/**
 * Durability on PostgreSQL: the SQLite kill test's traffic (src/http/kill-durability.int.test.ts)
 * against `ldn serve` on a fresh PostgreSQL database. A kill drops the server's connections, so
 * PostgreSQL rolls back whatever was in flight; everything the server acknowledged was
 * committed first. Then every acknowledged check-in is stored exactly once with the id the
 * server answered, nothing is stored that was never sent, each has its audit event, foreign
 * keys hold and the audit chain verifies. Runs when PostgreSQL is available (see
 * test-databases.ts).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyDatabaseAudit } from "../store/audit/verify-database-audit.ts";
import {
  freshPostgresDatabase,
  type FreshPostgresDatabase,
} from "../store/testing/fresh-postgres-database.ts";
import { TEST_DATABASE_URL } from "../store/testing/test-databases.ts";
import { checkInThroughKills } from "./testing/kill-traffic.ts";
import { seedSignedInPatient } from "./testing/seed-signed-in-patient.ts";
import { freePort, startServerProcess } from "./testing/server-process.ts";

/** As the SQLite test: 5 kills, 8 clients, up to 1.2 s of traffic before each. */
const KILLS = 5;
const CLIENTS = 8;
const MAX_TRAFFIC_MS = 1_200;

describe.runIf(TEST_DATABASE_URL !== undefined)("durability under kill -9 on PostgreSQL", () => {
  let database: FreshPostgresDatabase;
  let cookie: string;
  let patientId: string;

  beforeAll(async () => {
    database = await freshPostgresDatabase(TEST_DATABASE_URL!, "kill");
    ({ patientId, cookie } = await seedSignedInPatient(database.url, {
      clinic: "Durable clinic",
      patient: "K. Ill",
    }));
  });
  afterAll(() => database?.drop());

  it("keeps every acknowledged check-in through 5 kills, each once with its audit event, the chain intact", async () => {
    const began = Date.now();
    const port = await freePort();
    const { acknowledged, sent, cutOff, inFlightAtKill, retried } = await checkInThroughKills({
      start: () => startServerProcess(database.url, port),
      patientId,
      cookie,
      kills: KILLS,
      clients: CLIENTS,
      maxTrafficMs: MAX_TRAFFIC_MS,
    });

    expect(inFlightAtKill.reduce((a, b) => a + b, 0)).toBeGreaterThan(0); // kills landed mid-stream
    // More than one acknowledged check-in per client per kill on average (fewer than the SQLite
    // test's 100 because each restart on a busy machine takes seconds of the traffic's time).
    expect(acknowledged.size).toBeGreaterThan(KILLS * CLIENTS);
    expect(acknowledged.size).toBe(sent.size);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ k: string; id: string; n: string }>(
        "with stored as (select idempotency_key as k, id from diary_entries " +
          "union all select idempotency_key as k, entry_id as id from diary_entry_versions) " +
          "select k, id, count(*) over (partition by k) as n from stored",
      );
      const stored = new Map(rows.map((r) => [r.k, r]));
      const lost = [...acknowledged].filter(
        ([k, id]) => Number(stored.get(k)?.n) !== 1 || stored.get(k)?.id !== id,
      );
      expect(lost).toEqual([]);
      expect(rows.filter((r) => !sent.has(r.k))).toEqual([]);
      const audited = await client.query<{ n: string }>(
        "select count(*) as n from audit_events where action = 'diary.record' " +
          "and (details::jsonb ->> 'replayed')::boolean = false",
      );
      expect(Number(audited.rows[0]!.n)).toBe(rows.length);
    } finally {
      await client.end();
    }
    const audit = await verifyDatabaseAudit({ kind: "postgres", url: database.url });
    expect(audit.ok).toBe(true);
    console.log(
      `PostgreSQL kill -9 x${KILLS} (+1 at the end): ${sent.size} check-ins sent by ${CLIENTS} clients, all acknowledged and found once; ` +
        `${cutOff.size} cut off by a kill (in flight at each kill: ${inFlightAtKill.join(", ")}), ` +
        `on retry ${retried.stored} were already stored and ${retried.new} were not; ${((Date.now() - began) / 1000).toFixed(1)} s`,
    );
  }, 300_000);
});
