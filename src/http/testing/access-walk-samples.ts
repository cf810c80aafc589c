/**
 * The access walk's sample requests: for every route (`METHOD path`), one request that should
 * succeed for someone allowed. A route added without a sample here fails the walk
 * (access-walk.int.test.ts), so its access rule is always walked.
 */
import { randomUUID } from "node:crypto";
import type { RouteDefinition } from "../route.ts";
import { ELIGIBLE_SCREENING, TEST_PASSWORD } from "./test-server.ts";

/** A request that should succeed for someone allowed, per route (`METHOD path`). */
export const SAMPLES: Readonly<
  Record<string, (n: number) => { body?: unknown; headers?: Record<string, string> }>
> = {
  "GET /api/health": () => ({}),
  "GET /api/openapi.json": () => ({}),
  "POST /api/session": () => ({ body: { login: "nobody@nowhere.example", password: "not the password" } }),
  "DELETE /api/session": () => ({}),
  "GET /api/me": () => ({}),
  "POST /api/me/password": () => ({
    body: { currentPassword: "not the password", newPassword: "a new password" },
  }),
  "POST /api/invitations/accept": () => ({ body: { token: "x".repeat(43), password: TEST_PASSWORD } }),
  "POST /api/invitations/clinic": () => ({ body: { token: "x".repeat(43) } }),
  "GET /api/staff": () => ({}),
  "POST /api/staff": (n) => ({
    body: {
      email: `new${n}@north.example`,
      displayName: "New Staff",
      role: "pharmacist",
      password: TEST_PASSWORD,
    },
  }),
  "POST /api/staff/:staffId/disable": () => ({ body: {} }),
  "GET /api/patients": () => ({}),
  "POST /api/patients": (n) => ({ body: { displayName: `Walk ${n}`, screening: ELIGIBLE_SCREENING } }),
  "GET /api/patients/:patientId": () => ({}),
  "POST /api/patients/:patientId/screening": () => ({ body: ELIGIBLE_SCREENING }),
  "GET /api/patients/:patientId/screening-history": () => ({}),
  "POST /api/patients/:patientId/invitations": () => ({ body: {} }),
  // Nothing is raised for the walk's patients: an allowed caller is answered 409, audited.
  "POST /api/patients/:patientId/attention": () => ({ body: { code: "side-effect", facts: [] } }),
  "GET /api/protocols": () => ({}),
  "GET /api/patients/:patientId/plans": () => ({}),
  "POST /api/patients/:patientId/plans": () => ({
    body: { protocolId: "micro-titration", startDate: "2027-01-04" },
  }),
  "GET /api/patients/:patientId/schedule": () => ({}),
  "GET /api/patients/:patientId/today": () => ({}),
  "GET /api/patients/:patientId/schedule.pdf": () => ({}),
  "GET /api/patients/:patientId/compounding": () => ({}),
  "GET /api/pharmacy/queue": () => ({}),
  "GET /api/patients/:patientId/fills": () => ({}),
  // Not the fill due (the walk's patients' fills start on the clinic's "today"): an allowed
  // pharmacist is answered 409, audited, and nothing is dispensed.
  "POST /api/patients/:patientId/fills": (n) => ({
    body: { fillStart: "2027-01-04", strengths: [{ ug: 100, quantity: 1 }] },
    headers: { "idempotency-key": `walk-fill-${n}-${randomUUID()}` },
  }),
  "GET /api/patients/:patientId/order.pdf": () => ({}),
  "POST /api/patients/:patientId/check-ins": (n) => ({
    body: { date: "2027-01-05", doses: [{ time: "08:00", ug: 100 }], pain: 5, sideEffects: [] },
    headers: { "idempotency-key": `walk-${n}-${randomUUID()}` },
  }),
  "GET /api/patients/:patientId/check-ins": () => ({}),
  "POST /api/patients/:patientId/doses": () => ({
    body: { date: "2027-01-05", time: "08:00", taken: true },
  }),
  "GET /api/patients/:patientId/assessment": () => ({}),
  "POST /api/patients/:patientId/decisions": () => ({ body: { decision: "accept" } }),
  "GET /api/patients/:patientId/decisions": () => ({}),
  "GET /api/patients/:patientId/questionnaires": () => ({}),
  "POST /api/patients/:patientId/questionnaires": () => ({
    body: {
      instrument: "bpi",
      answeredOn: "2027-01-05",
      answers: { worst: 7, least: 2, average: 5, now: 4 },
    },
  }),
  "GET /api/audit": () => ({}),
  "GET /api/cohort": () => ({}),
  "GET /api/cohort.csv": () => ({}),
  "GET /api/patients/:patientId/fhir": () => ({}),
  "GET /api/fhir/export": () => ({}),
  // No launch of this id in the walker's session: the rule is walked, the answer a 404.
  "GET /api/smart/prefill/:launchId": () => ({}),
  // No live launch in the walker's session: the rule is walked, the answers 404 and 409.
  "POST /api/patients/:patientId/ehr-link": () => ({ body: { launch: "0".repeat(32) } }),
  "POST /api/patients/:patientId/ehr-send": () => ({ body: { launch: "0".repeat(32) } }),
  "POST /api/fhir/import": (n) => ({
    body: {
      resourceType: "Bundle",
      type: "collection",
      entry: [
        {
          resource: {
            resourceType: "Patient",
            name: [{ text: `Walk FHIR ${n}` }],
            birthDate: "1970-01-01",
          },
        },
        {
          resource: {
            resourceType: "Condition",
            code: { coding: [{ system: "http://snomed.info/sct", code: "82423001" }] },
            onsetDateTime: "2020-01",
          },
        },
      ],
    },
  }),
  "GET /api/clinic": () => ({}),
  "GET /api/clinic/settings": () => ({}),
  "PUT /api/clinic/settings": () => ({
    body: {
      name: "North Clinic",
      phone: "555 0100",
      smtp: { host: "", port: 587, secure: false, user: "", from: "" },
    },
  }),
  "GET /api/patients/:patientId/calendar": () => ({}),
  "POST /api/patients/:patientId/calendar": () => ({ body: {} }),
  "DELETE /api/patients/:patientId/calendar": () => ({}),
  // An unknown feed: 404, audited (the lifecycle is in calendar-feed.int.test.ts).
  "GET /api/calendar/:feed": () => ({}),
  "GET /api/patients/:patientId/reminders": () => ({}),
  "PUT /api/patients/:patientId/reminders": () => ({
    body: { email: "walk@example.org", doseReminders: true, questionnaireNotices: false },
  }),
};

/** The key a route's sample stands under. */
export const keyOf = (r: RouteDefinition) => `${r.method.toUpperCase()} ${r.path}`;
