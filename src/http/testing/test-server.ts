/**
 * A real server for tests: a real database (SQLite file or PostgreSQL schema), the real app,
 * requests through Hono's `app.request` (no socket), and a client per person that keeps its
 * session cookie like a browser does.
 */
import type { SmartSettings } from "../smart/smart-settings.ts";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { Clock } from "../../app/ports/clock.ts";
import type { Store } from "../../app/ports/store.ts";
import type { StaffRole } from "../../app/ports/staff-repository.ts";
import { openDatabase, type Database } from "../../store/database.ts";
import type { DialectName } from "../../store/migrations/dialect-name.ts";
import { createSqlStore } from "../../store/sql-store.ts";
import { testDatabaseConfig } from "../../store/testing/test-databases.ts";
import { scryptHasher } from "../../crypto/scrypt-hasher.ts";
import { buildServer } from "../server.ts";
import { DEFAULT_SERVER_SETTINGS, type ServerSettings } from "../settings.ts";

/**
 * The API tests' "today": noon on 2027-01-10 in the server's zone. Their check-ins and plans are
 * dated in the days before it, inside the windows the server allows (see date-window.ts).
 */
export const TEST_TODAY_CLOCK: Clock = Object.freeze({ now: () => new Date(2027, 0, 10, 12) });

/** Cheap scrypt for tests (2^10): the same code path as production's 2^17. */
export const TEST_HASHER = scryptHasher(10);
export const TEST_PASSWORD = "correct horse battery";

export interface TestServer {
  readonly app: ReturnType<typeof buildServer>["app"];
  readonly store: Store;
  readonly database: Database;
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface TestClient {
  request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse<T>>;
  get<T = unknown>(path: string): Promise<TestResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse<T>>;
  login(login: string, password?: string): Promise<TestResponse>;
  readonly cookie: string | undefined;
}

/**
 * @example
 * const server = await startTestServer("sqlite");
 * const res = await server.client().get("/api/health");
 */
export async function startTestServer(
  dialect: DialectName = "sqlite",
  options: {
    readonly clock?: Clock;
    readonly settings?: Partial<ServerSettings>;
    readonly smart?: SmartSettings;
  } = {},
): Promise<TestServer> {
  const test = testDatabaseConfig(dialect);
  const database = await openDatabase(test.config);
  const store = createSqlStore(database, options.clock ? { clock: options.clock } : {});
  const { app } = buildServer({
    store,
    passwords: TEST_HASHER,
    settings: { ...DEFAULT_SERVER_SETTINGS, ...options.settings },
    webRoot: null,
    log: () => undefined,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.smart ? { smart: options.smart } : {}),
  });
  return {
    app,
    store,
    database,
    client: () => testClient(app),
    async close() {
      await database.close();
      await test.cleanup();
    },
  };
}

function testClient(app: TestServer["app"]): TestClient {
  let cookie: string | undefined;
  const client: TestClient = {
    get cookie() {
      return cookie;
    },
    async request(method, path, body, headers = {}) {
      const init: RequestInit = {
        method,
        headers: {
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      };
      const res = await app.request(`http://ldn.test${path}`, init);
      const setCookie = res.headers.get("set-cookie");
      if (setCookie) {
        const pair = setCookie.split(";")[0]!;
        cookie = pair.endsWith("=") ? undefined : pair;
      }
      const text = await res.text();
      const type = res.headers.get("content-type") ?? "";
      return {
        status: res.status,
        headers: res.headers,
        body: (type.includes("json") && text ? JSON.parse(text) : text) as never,
      };
    },
    get: (path) => client.request("GET", path),
    post: (path, body = {}, headers) => client.request("POST", path, body, headers),
    login: (login, password = TEST_PASSWORD) => client.request("POST", "/api/session", { login, password }),
  };
  return client;
}

export interface ClinicFixture {
  readonly clinicId: string;
  readonly staff: Readonly<Record<StaffRole, { readonly id: string; readonly email: string }>>;
}

/**
 * A clinic with one administrator, clinician and pharmacist, all with TEST_PASSWORD.
 *
 * @example const north = await seedClinic(server.store, "north");
 */
export async function seedClinic(store: Store, name: string): Promise<ClinicFixture> {
  const passwordHash = await TEST_HASHER.hash(TEST_PASSWORD);
  return store.transaction(SYSTEM_ACTOR, async (tx) => {
    const clinic = await tx.clinics.create({ name: `${name} clinic` });
    const staff = {} as Record<StaffRole, { id: string; email: string }>;
    for (const role of ["administrator", "clinician", "pharmacist"] as const) {
      const email = `${role}@${name}.example`;
      const s = await tx.staff.create({
        clinicId: clinic.id,
        email,
        displayName: `${name} ${role}`,
        role,
        passwordHash,
      });
      staff[role] = { id: s.id, email };
    }
    return { clinicId: clinic.id, staff };
  });
}

/** Screening answers for an eligible adult on no opioids. */
export const ELIGIBLE_SCREENING = {
  ageYears: 45,
  painMonths: 36,
  pregnancy: "no",
  opioids: [],
  mustStayOnOpioids: false,
  riskFactors: ["centralized-pain"],
} as const;

/**
 * Enrols a patient through the API as the clinician (with `screening`, default an eligible
 * adult on no opioids), invites them, and has them join. Returns the patient's id and a
 * signed-in patient client.
 *
 * @example const { patientId, patient } = await enrolAndJoin(server, clinician, "R. Jones");
 */
export async function enrolAndJoin(
  server: TestServer,
  clinician: TestClient,
  displayName: string,
  screening: Readonly<Record<string, unknown>> = ELIGIBLE_SCREENING,
) {
  const enrolled = await clinician.post<{ id: string }>("/api/patients", { displayName, screening });
  if (enrolled.status !== 201) throw new Error(`enrol failed: ${JSON.stringify(enrolled.body)}`);
  const patientId = enrolled.body.id;
  const invite = await clinician.post<{ token: string }>(`/api/patients/${patientId}/invitations`, {});
  if (invite.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invite.body)}`);
  const patient = server.client();
  const joined = await patient.post<{ loginCode: string }>("/api/invitations/accept", {
    token: invite.body.token,
    password: TEST_PASSWORD,
  });
  if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
  return { patientId, patient, loginCode: joined.body.loginCode };
}
