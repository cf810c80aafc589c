/**
 * Guessing and old links, through HTTP on a real database (issue 13, items 3, 4 and 5):
 * parallel guesses are counted before the slow check, hashing is bounded and fair, throttles are
 * kept per account and per client address (the proxy's forwarded address when trusted), and only
 * the newest invitation link ever works.
 */
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../store/database.ts";
import { createSqlStore } from "../store/sql-store.ts";
import { DIALECTS, testDatabaseConfig } from "../store/testing/test-databases.ts";
import type { PasswordHasher } from "../app/ports/password-hasher.ts";
import { tokenHash } from "../app/tokens.ts";
import { buildServer } from "./server.ts";
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from "./settings.ts";
import {
  TEST_HASHER,
  TEST_PASSWORD,
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type TestServer,
} from "./testing/test-server.ts";

const clock = { now: () => new Date("2027-01-10T09:00:00Z") };

/** TEST_HASHER taking at least `ms` per hash, counting how many run at once. */
function countingHasher(ms: number) {
  const seen = { running: 0, most: 0, started: [] as string[] };
  const timed = async <T>(password: string, work: () => Promise<T>): Promise<T> => {
    seen.started.push(password);
    seen.running++;
    seen.most = Math.max(seen.most, seen.running);
    try {
      const [result] = await Promise.all([work(), new Promise((r) => setTimeout(r, ms))]);
      return result;
    } finally {
      seen.running--;
    }
  };
  const hasher: PasswordHasher = {
    hash: (password) => timed(password, () => TEST_HASHER.hash(password)),
    verify: (password, stored) => timed(password, () => TEST_HASHER.verify(password, stored)),
  };
  return { hasher, seen };
}

const login = (server: { app: TestServer["app"] }, login: string, password: string, forwardedFor?: string) =>
  Promise.resolve(
    server.app.request("http://ldn.test/api/session", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
      body: JSON.stringify({ login, password }),
    }),
  ).then((res) => res.status);

describe("guessing passwords in parallel", () => {
  let database: Database | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await database?.close();
    await cleanup?.();
  });

  async function server(
    hasher: PasswordHasher,
    hashConcurrency: number,
    settings: Partial<ServerSettings> = {},
  ) {
    const test = testDatabaseConfig("sqlite");
    cleanup = test.cleanup;
    database = await openDatabase(test.config);
    const store = createSqlStore(database);
    const north = await seedClinic(store, "north");
    const built = buildServer({
      store,
      passwords: hasher,
      hashConcurrency,
      settings: { ...DEFAULT_SERVER_SETTINGS, trustProxy: true, ...settings },
      webRoot: null,
      log: () => undefined,
      clock,
    });
    return { ...built, north };
  }

  it("checks at most 5 of 40 concurrent wrong passwords for one account; the real one, sent with them, is refused", async () => {
    const { app, north } = await server(TEST_HASHER, 4);
    const email = north.staff.clinician.email;
    const statuses = await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => login({ app }, email, `wrong guess ${i}`, `198.51.100.${i}`)),
      login({ app }, email, TEST_PASSWORD, "198.51.100.200"),
    ]);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(36);
    expect(statuses.at(-1)).toBe(429);
    const failures = await database!.db
      .selectFrom("audit_events")
      .select("id")
      .where("action", "=", "session.login")
      .execute();
    expect(failures).toHaveLength(5);
  });

  it("runs at most the bound of hashes at once, and a real login from elsewhere waits for one hash per slot, not thirty", async () => {
    const { hasher, seen } = countingHasher(40);
    const { app, north } = await server(hasher, 2);
    const bogus = Array.from({ length: 30 }, (_, i) =>
      login({ app }, `nobody${i}@north.example`, "wrong password", "203.0.113.66"),
    );
    const real = await login({ app }, north.staff.clinician.email, TEST_PASSWORD, "192.0.2.10");
    const statuses = await Promise.all(bogus);
    expect(real).toBe(200);
    expect(seen.most).toBe(2);
    // Up to two hashes run (the slots may hold the real login and the decoy), four wait from that
    // address: the rest are refused at once.
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(checked).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - checked);
    // The real login's check started after at most one round of the flood's (two running, and
    // the decoy hash made once for unknown accounts), not after the thirty.
    expect(seen.started.indexOf(TEST_PASSWORD)).toBeLessThanOrEqual(3);
  });
});

for (const dialect of DIALECTS)
  describe(`throttles per account and per client address on ${dialect}`, () => {
    let server: TestServer;
    afterEach(() => server.close());

    it("behind a trusted proxy, 5 bad attempts on one account lock neither the clinic nor that address's other accounts", async () => {
      server = await startTestServer(dialect, { clock, settings: { trustProxy: true } });
      const north = await seedClinic(server.store, "north");
      const proxy = "10.0.0.1";
      for (let i = 0; i < 5; i++)
        expect(
          await login(server, north.staff.pharmacist.email, "wrong password", `203.0.113.9, ${proxy}`),
        ).toBe(401);
      // Before the fix every request had the proxy's address: the whole clinic was locked out.
      expect(await login(server, north.staff.clinician.email, TEST_PASSWORD, "192.0.2.10")).toBe(200);
      expect(await login(server, north.staff.administrator.email, TEST_PASSWORD, "203.0.113.9")).toBe(200);
      // The guessed account itself is locked, from any address.
      expect(await login(server, north.staff.pharmacist.email, TEST_PASSWORD, "192.0.2.10")).toBe(429);
    });

    it("locks an address that guesses across accounts after 20 failures, and only that address", async () => {
      server = await startTestServer(dialect, { clock, settings: { trustProxy: true } });
      const north = await seedClinic(server.store, "north");
      for (let i = 0; i < 20; i++)
        expect(await login(server, `nobody${i}@north.example`, "wrong password", "203.0.113.9")).toBe(401);
      expect(await login(server, north.staff.clinician.email, TEST_PASSWORD, "203.0.113.9")).toBe(429);
      expect(await login(server, north.staff.clinician.email, TEST_PASSWORD, "192.0.2.10")).toBe(200);
    });

    it("believes only the address the proxy wrote: a client cannot pick a fresh address per guess", async () => {
      server = await startTestServer(dialect, { clock, settings: { trustProxy: true } });
      await seedClinic(server.store, "north");
      for (let i = 0; i < 20; i++)
        expect(await login(server, `nobody${i}@north.example`, "wrong", `198.51.100.${i}, 203.0.113.9`)).toBe(
          401,
        );
      expect(await login(server, "nobody@north.example", "wrong", "198.51.100.99, 203.0.113.9")).toBe(429);
    });

    it("ignores X-Forwarded-For without LDN_TRUST_PROXY", async () => {
      server = await startTestServer(dialect, { clock });
      await seedClinic(server.store, "north");
      for (let i = 0; i < 20; i++)
        expect(await login(server, `nobody${i}@north.example`, "wrong", `198.51.100.${i}`)).toBe(401);
      expect(await login(server, "nobody@north.example", "wrong", "198.51.100.99")).toBe(429);
    });

    it("counts bad invitation links apart from logins: they never lock an address out of signing in", async () => {
      server = await startTestServer(dialect, {
        clock,
        settings: { trustProxy: true, loginAddressFailures: 5 },
      });
      const north = await seedClinic(server.store, "north");
      const accept = (token: string) =>
        Promise.resolve(
          server.app.request("http://ldn.test/api/invitations/accept", {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
            body: JSON.stringify({ token, password: TEST_PASSWORD }),
          }),
        ).then((r) => r.status);
      for (let i = 0; i < 5; i++) expect(await accept(`not-a-real-token-${i}`)).toBe(404);
      expect(await accept("not-a-real-token-x")).toBe(429);
      expect(await login(server, north.staff.clinician.email, TEST_PASSWORD, "203.0.113.9")).toBe(200);
    });

    it("throttles guesses of the current password through a session left open", async () => {
      server = await startTestServer(dialect, { clock });
      const north = await seedClinic(server.store, "north");
      const clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      const change = (currentPassword: string) =>
        clinician.post("/api/me/password", { currentPassword, newPassword: "a brand new password" });
      for (let i = 0; i < 5; i++) expect((await change(`guess number ${i}`)).status).toBe(422);
      expect((await change(TEST_PASSWORD)).status).toBe(429);
    });
  });

for (const dialect of DIALECTS)
  describe(`only the newest invitation link works on ${dialect}`, () => {
    let server: TestServer;
    afterEach(() => server.close());

    const accept = (token: string, password = "a patient password") =>
      server.client().post<{ error?: { message: string } }>("/api/invitations/accept", { token, password });

    async function setUp() {
      server = await startTestServer(dialect, { clock });
      const north = await seedClinic(server.store, "north");
      const clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      const joined = await enrolAndJoin(server, clinician, "R. Jones");
      const invite = async () =>
        (await clinician.post<{ token: string }>(`/api/patients/${joined.patientId}/invitations`, {})).body
          .token;
      return { ...joined, invite, clinicianId: north.staff.clinician.id };
    }

    it("a new invitation revokes the older one: the old link can no longer reset the password or end sessions", async () => {
      const { patient, loginCode, invite } = await setUp();
      const old = await invite();
      const newer = await invite();
      const refused = await accept(old);
      expect(refused.status).toBe(404);
      expect(refused.body.error?.message).toContain("replaced by a newer link");
      expect((await patient.get("/api/me")).status).toBe(200);
      expect((await server.client().login(loginCode, TEST_PASSWORD)).status).toBe(200);
      expect((await accept(newer)).status).toBe(201);
      const revocations = await server.database.db
        .selectFrom("audit_events")
        .select("details")
        .where("action", "=", "invitation.revoke")
        .execute();
      expect(revocations.map((r) => JSON.parse(r.details) as unknown)).toEqual([{ revoked: 1 }]);
    });

    it("joining by one link revokes any other still open", async () => {
      const { patientId, loginCode, clinicianId } = await setUp();
      // Two links open at once (made before this fix, or racing): accepting one ends the other.
      const tokens = ["first-open-link-token-1234567890", "second-open-link-token-123456789"];
      await server.store.transaction({ kind: "staff", id: clinicianId }, async (tx) => {
        for (const token of tokens)
          await tx.invitations.create({
            patientId,
            tokenHash: tokenHash(token),
            expiresAt: "2027-01-17T09:00:00.000Z",
          });
      });
      expect((await accept(tokens[0]!, "the first new password")).status).toBe(201);
      expect((await accept(tokens[1]!, "the second new password")).status).toBe(404);
      expect((await server.client().login(loginCode, "the first new password")).status).toBe(200);
    });

    it("changing the password revokes an open invitation link", async () => {
      const { patient, loginCode, invite } = await setUp();
      const open = await invite();
      expect(
        (
          await patient.post("/api/me/password", {
            currentPassword: TEST_PASSWORD,
            newPassword: "my own new password",
          })
        ).status,
      ).toBe(200);
      expect((await accept(open)).status).toBe(404);
      expect((await patient.get("/api/me")).status).toBe(200);
      expect((await server.client().login(loginCode, "my own new password")).status).toBe(200);
    });
  });
