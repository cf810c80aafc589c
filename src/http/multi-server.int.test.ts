/**
 * Many servers, one PostgreSQL (issue 14): two real `ldn serve` processes side by side on one
 * fresh database, as a clinic would run them behind a reverse proxy. Everything they must
 * share lives in the database, so it does not matter which server a request reaches: a session
 * made on one works on the other, failed logins spread over both lock the account, the same
 * Idempotency-Key sent to both stores one entry, check-ins from both make one ordered audit
 * chain, and both servers' mail dispatchers share one outbox: each email goes once, and one
 * left claimed by a server that died goes once the claim lapses. Runs when PostgreSQL is
 * available (see test-databases.ts).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../app/ports/actor.ts";
import { verifyDatabaseAudit } from "../store/audit/verify-database-audit.ts";
import { openStore } from "../store/sql-store.ts";
import {
  freshPostgresDatabase,
  type FreshPostgresDatabase,
} from "../store/testing/fresh-postgres-database.ts";
import { TEST_DATABASE_URL } from "../store/testing/test-databases.ts";
import { freePort, startServerProcess, type ServerProcess } from "./testing/server-process.ts";
import { startSmtpTestServer, type SmtpTestServer } from "./testing/smtp-test-server.ts";
import { seedClinic, TEST_PASSWORD, type ClinicFixture } from "./testing/test-server.ts";

interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly cookie: string | undefined;
}

/** One request over the socket to `server`, with a session cookie if given. */
async function call<T = Record<string, unknown>>(
  server: ServerProcess,
  method: string,
  path: string,
  options: { body?: unknown; cookie?: string | undefined; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const setCookie = res.headers.get("set-cookie")?.split(";")[0];
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, cookie: setCookie };
}

const login = (server: ServerProcess, email: string, password = TEST_PASSWORD) =>
  call(server, "POST", "/api/session", { body: { login: email, password } });

/** Today in the servers' zone (they run on this machine's clock), as a check-in's date. */
function localDate(daysAgo = 0): string {
  const d = new Date();
  d.setDate(d.getDate() - daysAgo);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

const SMTP_PASSWORD = "smtp secret for the two servers";
/** Both servers' dispatchers look at the outbox every second. */
const MAIL_ENV = { LDN_SMTP_PASSWORD: SMTP_PASSWORD, LDN_MAIL_POLL_SECONDS: "1" };

describe.runIf(TEST_DATABASE_URL !== undefined)("many servers, one PostgreSQL", () => {
  let database: FreshPostgresDatabase;
  let smtp: SmtpTestServer;
  let clinic: ClinicFixture;
  let patientId: string;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    database = await freshPostgresDatabase(TEST_DATABASE_URL!, "multi");
    const store = await openStore({ kind: "postgres", url: database.url });
    try {
      clinic = await seedClinic(store, "multi");
      patientId = await store.transaction(SYSTEM_ACTOR, async (tx) => {
        const patient = await tx.patients.create({
          clinicId: clinic.clinicId,
          displayName: "M. Any",
          screening: {},
        });
        return patient.id;
      });
    } finally {
      await store.close();
    }
    smtp = await startSmtpTestServer({ user: "ldn", password: SMTP_PASSWORD });
    [a, b] = await Promise.all([
      freePort().then((port) => startServerProcess(database.url, port, MAIL_ENV)),
      freePort().then((port) => startServerProcess(database.url, port, MAIL_ENV)),
    ]);
  }, 200_000);

  afterAll(async () => {
    for (const server of [a, b]) {
      if (!server) continue;
      server.child.kill("SIGTERM");
      await server.exited;
    }
    await smtp?.close();
    await database?.drop();
  });

  it("accepts on one server a session made on the other, and ends it on both at logout", async () => {
    const signedIn = await login(a, clinic.staff.clinician.email);
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.cookie!;
    expect((await call(b, "GET", "/api/me", { cookie })).status).toBe(200);
    expect((await call(b, "GET", `/api/patients/${patientId}/check-ins`, { cookie })).status).toBe(200);
    expect((await call(b, "DELETE", "/api/session", { cookie })).status).toBe(200);
    expect((await call(a, "GET", "/api/me", { cookie })).status).toBe(401);
    expect((await call(b, "GET", "/api/me", { cookie })).status).toBe(401);
  });

  it("locks an account after 5 failed logins spread over both servers, on both", async () => {
    const email = clinic.staff.pharmacist.email;
    const failures = [];
    for (const server of [a, b, a, b, a])
      failures.push((await login(server, email, "wrong password")).status);
    expect(failures).toEqual([401, 401, 401, 401, 401]);
    // The right password is refused too, on either server, until the window passes.
    const onA = await login(a, email);
    const onB = await login(b, email);
    expect([onA.status, onB.status]).toEqual([429, 429]);
    expect(onA.cookie).toBeUndefined();
    expect((onB.body as { error: { message: string } }).error.message).toMatch(/try again in 15 minutes/);
  });

  it("stores one entry for the same Idempotency-Key sent to both servers at once, new day or correction", async () => {
    const { cookie } = await login(b, clinic.staff.clinician.email);
    const send = (server: ServerProcess, key: string, date: string) =>
      call<{ id: string }>(server, "POST", `/api/patients/${patientId}/check-ins`, {
        cookie,
        headers: { "idempotency-key": key },
        body: { date, doses: [{ time: "08:00", ug: 100 }], pain: 4, sideEffects: [] },
      });
    const date = localDate(1);
    for (const key of ["both-new-day", "both-correction"]) {
      const [fromA, fromB] = await Promise.all([send(a, key, date), send(b, key, date)]);
      expect([fromA.status, fromB.status].sort()).toEqual([200, 201]);
      expect(fromA.body.id).toBe(fromB.body.id);
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ k: string; n: string }>(
        "select idempotency_key as k, count(*) as n from (select idempotency_key from diary_entries " +
          "union all select idempotency_key from diary_entry_versions) s where idempotency_key like 'both-%' group by 1 order by 1",
      );
      expect(rows.map((r) => [r.k, Number(r.n)])).toEqual([
        ["both-correction", 1],
        ["both-new-day", 1],
      ]);
    } finally {
      await client.end();
    }
  });

  it("keeps check-ins from both servers in one ordered audit chain", async () => {
    const { cookie } = await login(a, clinic.staff.clinician.email);
    const CLIENTS_EACH = 6;
    const CHECK_INS_EACH = 15;
    const statuses: number[] = [];
    const client = async (server: ServerProcess, name: string, n: number) => {
      for (let i = 0; i < CHECK_INS_EACH; i++) {
        const res = await call(server, "POST", `/api/patients/${patientId}/check-ins`, {
          cookie,
          headers: { "idempotency-key": `chain-${name}-${n}-${i}` },
          body: {
            date: localDate(2 + (i % 5)),
            doses: [{ time: "08:00", ug: 100 }],
            pain: 5,
            sideEffects: [],
          },
        });
        statuses.push(res.status);
      }
    };
    const clients = [];
    for (let n = 0; n < CLIENTS_EACH; n++) clients.push(client(a, "a", n), client(b, "b", n));
    await Promise.all(clients);
    expect(statuses).toHaveLength(2 * CLIENTS_EACH * CHECK_INS_EACH);
    expect(statuses.every((s) => s === 201)).toBe(true);

    const audit = await verifyDatabaseAudit({ kind: "postgres", url: database.url });
    expect(audit.ok).toBe(true);
    const pgClient = new pg.Client({ connectionString: database.url });
    await pgClient.connect();
    try {
      const { rows } = await pgClient.query<{ id: string; at: string; action: string; details: string }>(
        "select id, at, action, details from audit_events order by id",
      );
      // One chain: ids 1, 2, 3 ... with no gap, and times never running backwards along it.
      expect(rows.map((r) => Number(r.id))).toEqual(rows.map((_, i) => i + 1));
      expect(rows.every((r, i) => i === 0 || rows[i - 1]!.at <= r.at)).toBe(true);
      const chained = rows.filter(
        (r) =>
          r.action === "diary.record" && (JSON.parse(r.details) as { replayed: boolean }).replayed === false,
      );
      expect(chained.length).toBeGreaterThanOrEqual(2 * CLIENTS_EACH * CHECK_INS_EACH);
      console.log(
        `two servers, one PostgreSQL: ${statuses.length} check-ins from ${2 * CLIENTS_EACH} clients over both, ` +
          `audit chain of ${rows.length} events verified (${audit.ok ? "intact" : "broken"})`,
      );
    } finally {
      await pgClient.end();
    }
  }, 180_000);

  it("sends each email in the outbox once, both servers' dispatchers sending, and one a dead server claimed once its claim lapses", async () => {
    const MESSAGES = 40;
    const lapses = Date.now() + 10_000;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // A message as a server that died mid-send leaves it: claimed, for 10 more seconds.
      await client.query(
        "insert into outbox (id, clinic_id, patient_id, kind, dedupe_key, to_address, subject, body, " +
          "due_at, next_attempt_at, attempts, created_at, claimed_by, claimed_until) " +
          "values ('dead-1', $1, null, 'test', 'two-servers-dead', 'someone@example.org', " +
          "'Claimed by a server that died', 'Sent once the claim lapsed.', $2, $2, 0, $2, " +
          "'a server killed mid-send', $3)",
        [clinic.clinicId, new Date().toISOString(), new Date(lapses).toISOString()],
      );
      const store = await openStore({ kind: "postgres", url: database.url });
      try {
        await store.transaction(SYSTEM_ACTOR, async (tx) => {
          await tx.clinicSettings.save({
            clinicId: clinic.clinicId,
            name: "Multi Pain Clinic",
            phone: "555 0199",
            smtp: {
              host: "127.0.0.1",
              port: smtp.port,
              secure: false,
              user: "ldn",
              from: "ldn@multi.example",
            },
          });
          const dueAt = new Date().toISOString();
          for (let n = 0; n < MESSAGES; n++)
            await tx.outbox.enqueue({
              clinicId: clinic.clinicId,
              patientId: null,
              kind: "test",
              dedupeKey: `two-servers-${n}`,
              to: `someone${n}@example.org`,
              subject: `Message ${n}`,
              text: "From one of two servers.",
              dueAt,
            });
        });
      } finally {
        await store.close();
      }
      await smtp.waitFor(MESSAGES, 60_000);
      expect(smtp.received.map((m) => m.subject)).not.toContain("Claimed by a server that died");
      expect(Date.now()).toBeLessThan(lapses); // what was just checked was checked in time
      await smtp.waitFor(MESSAGES + 1, 30_000);
      await new Promise((r) => setTimeout(r, 3_000)); // three more rounds on each server
      const subjects = smtp.received.map((m) => m.subject).sort();
      const expected = Array.from({ length: MESSAGES }, (_, n) => `Message ${n}`);
      expect(subjects).toEqual([...expected, "Claimed by a server that died"].sort());
      const { rows } = await client.query<{ by: string; n: string }>(
        "select claimed_by as by, count(*) as n from outbox where sent_at is not null group by 1 order by 1",
      );
      expect(rows.reduce((sum, r) => sum + Number(r.n), 0)).toBe(MESSAGES + 1);
      expect(rows.map((r) => r.by)).not.toContain("a server killed mid-send");
      console.log(
        `two servers, one outbox: ${smtp.received.length} emails received for ${MESSAGES + 1} queued; ` +
          `sent by ${rows.map((r) => `${r.by.replace(/-[0-9a-f-]{36}$/, "")}: ${r.n}`).join(", ")}`,
      );
    } finally {
      await client.end();
    }
  }, 120_000);
});
