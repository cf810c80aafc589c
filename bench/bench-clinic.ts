/**
 * The clinic the dashboard and pharmacy benches seed and sign in to: one staff member with a
 * cheap password hash, and patients on micro-titration from 2027-01-04 with a check-in every
 * day of their schedule (pain falling slowly, with a little noise between patients).
 */
import type { Hono } from "hono";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import type { Repositories, Store } from "../src/app/ports/store.ts";
import { parseIsoDate } from "../src/domain/calendar-date.ts";
import { getProtocol } from "../src/domain/protocols/catalogue.ts";
import { buildSchedule } from "../src/domain/protocols/schedule.ts";
import { scryptHasher } from "../src/crypto/scrypt-hasher.ts";

/** A cheap hash: the benches time reads, not logging in. */
export const BENCH_HASHER = scryptHasher(10);
const BENCH_LOGIN = { login: "c@bench.example", password: "bench password" };
export const BENCH_START = parseIsoDate("2027-01-04");

/** Micro-titration's first `days` days from BENCH_START. */
export const benchSchedule = (days: number) =>
  buildSchedule(getProtocol("micro-titration"), { start: BENCH_START, days });

/** The bench clinic with its one staff member in `role`; returns the clinic's id. */
export async function seedBenchClinic(store: Store, role: "clinician" | "pharmacist"): Promise<string> {
  const passwordHash = await BENCH_HASHER.hash(BENCH_LOGIN.password);
  return store.transaction(SYSTEM_ACTOR, async (tx) => {
    const clinic = await tx.clinics.create({ name: "Bench clinic" });
    await tx.staff.create({
      clinicId: clinic.id,
      email: BENCH_LOGIN.login,
      displayName: "C",
      role,
      passwordHash,
    });
    return clinic.id;
  });
}

/** Patient number `p`, on a plan from BENCH_START, checked in on every day of `schedule`. */
export async function seedBenchPatient(
  tx: Repositories,
  clinicId: string,
  p: number,
  schedule: ReturnType<typeof benchSchedule>,
): Promise<{ patientId: string; planId: string }> {
  const patient = await tx.patients.create({
    clinicId,
    displayName: `Patient ${p}`,
    screening: {
      answers: {
        ageYears: 40,
        painMonths: 24,
        pregnancy: "no",
        opioids: [],
        mustStayOnOpioids: false,
        riskFactors: [],
      },
      result: {},
    },
  });
  const plan = await tx.plans.create({
    patientId: patient.id,
    protocolId: "micro-titration",
    protocolVersion: 1,
    settings: {},
    startDate: BENCH_START,
    detector: "robust",
  });
  for (const day of schedule.days) {
    const pain = Math.max(0, Math.min(10, 7 - Math.floor(day.day / 8) + ((p + day.day) % 3) - 1));
    await tx.diary.record({
      patientId: patient.id,
      date: day.date,
      idempotencyKey: `bench-${p}-${day.day}`,
      body: { date: day.date, doses: day.doses, pain, sideEffects: [] },
    });
  }
  return { patientId: patient.id, planId: plan.id };
}

/** Signs the bench clinic's staff member in; returns the session cookie to send. */
export async function signInBench(app: Pick<Hono, "request">): Promise<string> {
  const login = await app.request("http://bench/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(BENCH_LOGIN),
  });
  return login.headers.get("set-cookie")!.split(";")[0]!;
}
