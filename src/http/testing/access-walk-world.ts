/**
 * The access walk's world: two clinics (north, south), a patient A and B in north and one in
 * south, each staff role and patient signed in, a staff member in each clinic to disable, and
 * the means to call any route as anyone about anyone and to read what was audited since.
 * The walk itself is in access-walk.int.test.ts; the sample requests in access-walk-samples.ts.
 */
import { expect } from "vitest";
import { decideAccess } from "../access.ts";
import type { RouteDefinition } from "../route.ts";
import type { Principal } from "../principal.ts";
import {
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestServer,
} from "./test-server.ts";
import { SAMPLES, keyOf } from "./access-walk-samples.ts";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { DialectName } from "../../store/migrations/dialect-name.ts";

export type Who =
  | "anonymous"
  | "administrator"
  | "clinician"
  | "pharmacist"
  | "patientA"
  | "patientB"
  | "otherClinician"
  | "otherPatient";
export type Target = "A" | "B" | "other" | "missing";

export const WHO: readonly Who[] = [
  "anonymous",
  "administrator",
  "clinician",
  "pharmacist",
  "patientA",
  "patientB",
  "otherClinician",
  "otherPatient",
];

export const MISSING_ID = "00000000-0000-4000-8000-000000000000";

/** What a refused record and a missing one both answer. */
export const NOT_FOUND = JSON.stringify({ error: { code: "not_found", message: "No such record" } });

export interface WalkWorld {
  server: TestServer;
  north: ClinicFixture;
  south: ClinicFixture;
  cookies: Map<Who, string | undefined>;
  principals: Map<Who, Principal | null>;
  patientIds: Map<Target, string>;
  victims: { north: string; south: string };
  logins: Map<Who, string>;
}

export interface WalkResponse {
  status: number;
  text: string;
  /** The highest audit event id before the call, for `auditSince`. */
  before: number;
  type: string;
}

/** Starts a server and seeds the world the walk walks. */
export async function buildWorld(dialect: DialectName): Promise<WalkWorld> {
  // The clinic's "today" is fixed a few days into the plans below, so dated samples (a
  // check-in, a dose ticked) are inside the windows the server allows.
  const server = await startTestServer(dialect, {
    settings: { loginFailures: 100_000 },
    clock: { now: () => new Date(2027, 0, 10, 12) },
  });
  const north = await seedClinic(server.store, "north");
  const south = await seedClinic(server.store, "south");
  const login = async (email: string) => {
    const c = server.client();
    expect((await c.login(email)).status).toBe(200);
    return c;
  };
  const clinician = await login(north.staff.clinician.email);
  const otherClinician = await login(south.staff.clinician.email);
  const a = await enrolAndJoin(server, clinician, "Patient A");
  const b = await enrolAndJoin(server, clinician, "Patient B");
  const c = await enrolAndJoin(server, otherClinician, "Patient C");
  for (const [id, by] of [
    [a.patientId, clinician],
    [b.patientId, clinician],
    [c.patientId, otherClinician],
  ] as const) {
    const plan = await by.post(`/api/patients/${id}/plans`, {
      protocolId: "micro-titration",
      startDate: "2027-01-04",
    });
    expect(plan.status).toBe(201);
  }
  const logins = new Map<Who, string>()
    .set("administrator", north.staff.administrator.email)
    .set("clinician", north.staff.clinician.email)
    .set("pharmacist", north.staff.pharmacist.email)
    .set("otherClinician", south.staff.clinician.email)
    .set("patientA", a.loginCode)
    .set("patientB", b.loginCode)
    .set("otherPatient", c.loginCode);
  const patientIds = new Map<Target, string>()
    .set("A", a.patientId)
    .set("B", b.patientId)
    .set("other", c.patientId)
    .set("missing", MISSING_ID);
  const cookies = new Map<Who, string | undefined>().set("anonymous", undefined);
  for (const role of ["administrator", "clinician", "pharmacist"] as const)
    cookies.set(role, (await login(north.staff[role].email)).cookie);
  cookies
    .set("otherClinician", otherClinician.cookie)
    .set("patientA", a.patient.cookie)
    .set("patientB", b.patient.cookie)
    .set("otherPatient", c.patient.cookie);
  const staff = (f: ClinicFixture, role: "administrator" | "clinician" | "pharmacist"): Principal => ({
    kind: "staff",
    id: f.staff[role].id,
    clinicId: f.clinicId,
    role,
    displayName: "",
    sessionId: "",
  });
  const principals = new Map<Who, Principal | null>()
    .set("anonymous", null)
    .set("administrator", staff(north, "administrator"))
    .set("clinician", staff(north, "clinician"))
    .set("pharmacist", staff(north, "pharmacist"))
    .set("otherClinician", staff(south, "clinician"))
    .set("patientA", { kind: "patient", id: a.patientId, clinicId: north.clinicId, sessionId: "" })
    .set("patientB", { kind: "patient", id: b.patientId, clinicId: north.clinicId, sessionId: "" })
    .set("otherPatient", { kind: "patient", id: c.patientId, clinicId: south.clinicId, sessionId: "" });
  const victims = await seedVictims(server, north, south);
  return { server, north, south, cookies, principals, patientIds, victims, logins };
}

/** A staff member in each clinic for the staff routes (disabling) to act on. */
async function seedVictims(server: TestServer, north: ClinicFixture, south: ClinicFixture) {
  const victims = { north: "", south: "" };
  await server.store.transaction(SYSTEM_ACTOR, async (tx) => {
    for (const [name, f] of [
      ["north", north],
      ["south", south],
    ] as const) {
      const victim = await tx.staff.create({
        clinicId: f.clinicId,
        email: `victim@${name}.example`,
        displayName: "Victim",
        role: "pharmacist",
        passwordHash: "x",
      });
      victims[name] = victim.id;
    }
  });
  return victims;
}

let n = 0;

/** Calls a route's sample request as `who` about `target`. */
export async function callAs(
  world: WalkWorld,
  who: Who,
  route: RouteDefinition,
  target: Target,
): Promise<WalkResponse> {
  const { server, cookies, logins, patientIds, victims } = world;
  const sample = SAMPLES[keyOf(route)]!(++n);
  let cookie = cookies.get(who);
  if (keyOf(route) === "DELETE /api/session" && who !== "anonymous") {
    // Logging out ends the session: walk it on a fresh one, keeping the walker's own.
    const fresh = server.client();
    expect((await fresh.login(logins.get(who)!)).status).toBe(200);
    cookie = fresh.cookie;
  }
  const path = route.path
    .replace(":patientId", patientIds.get(target)!)
    .replace(":feed", `${"x".repeat(43)}.ics`)
    .replace(":launchId", "0".repeat(32))
    .replace(
      ":staffId",
      target === "other" ? victims.south : target === "missing" ? MISSING_ID : victims.north,
    );
  const before = await maxAuditId(world);
  const res = await server.app.request(`http://ldn.test${path}`, {
    method: route.method.toUpperCase(),
    headers: {
      ...(sample.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(cookie ? { cookie } : {}),
      ...sample.headers,
    },
    ...(sample.body !== undefined ? { body: JSON.stringify(sample.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, text, before, type: res.headers.get("content-type") ?? "" };
}

async function maxAuditId(world: WalkWorld): Promise<number> {
  const row = await world.server.database.db
    .selectFrom("audit_events")
    .select((e) => e.fn.max("id").as("m"))
    .executeTakeFirstOrThrow();
  return Number(row.m ?? 0);
}

/** The audit events about a patient written after the event id `after`. */
export function auditSince(world: WalkWorld, after: number, patientId: string) {
  return world.server.database.db
    .selectFrom("audit_events")
    .selectAll()
    .where("id", ">", after)
    .where("patient_id", "=", patientId)
    .execute();
}

/** The outcome the rules call for: allowed, or the status of the refusal. */
export function expected(
  world: WalkWorld,
  route: RouteDefinition,
  who: Who,
  target: Target,
): "allowed" | 401 | 403 | 404 {
  const principal = world.principals.get(who)!;
  const decision = decideAccess(route.access, principal);
  if (decision === "unauthenticated") return 401;
  if (decision === "forbidden") return 403;
  if (decision === "allow") return "allowed";
  const patient = world.patientIds.get(target)!;
  if (target === "missing") return 404;
  if (principal!.kind === "patient") return principal!.id === patient ? "allowed" : 404;
  const clinic = target === "other" ? world.south.clinicId : world.north.clinicId;
  return principal!.clinicId === clinic ? "allowed" : 404;
}

/** A staff route: a member of another clinic, or none, is refused as missing. */
export function staffExpectation(world: WalkWorld, route: RouteDefinition, who: Who, target: Target) {
  const first = expected(world, route, who, "A");
  if (first !== "allowed") return first;
  return target === "other" || target === "missing" ? 404 : "allowed";
}
