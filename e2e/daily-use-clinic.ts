/**
 * The clinic the daily-use browser tests start from: a clinician and a pharmacist, two patients
 * ten days into micro-titration (T. Titrating, and S. Stopped, whom the clinician stopped), the
 * clinician signed in on a desk-sized context, and the means to enrol, check in and join more.
 */
import type { APIRequestContext, BrowserContext } from "playwright-core";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { scryptHasher } from "../src/crypto/scrypt-hasher.ts";
import { openStore } from "../src/store/sql-store.ts";
import { CLINICIAN, get, isoDaysAgo, joinOnPhone, send, startClinic, type Clinic } from "./clinic.ts";

export const PHARMACIST = { email: "ash@riverside.example", password: "pharmacist password 1" };
export const SCREENING = {
  ageYears: 52,
  painMonths: 60,
  pregnancy: "no",
  opioids: [] as string[],
  mustStayOnOpioids: false,
  riskFactors: ["centralized-pain"],
};

/** A clinic with a clinician and a pharmacist, written into the SQLite file before the server starts. */
async function seedStaff(db: string): Promise<void> {
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    const hasher = scryptHasher(10);
    const clinicianHash = await hasher.hash(CLINICIAN.password);
    const pharmacistHash = await hasher.hash(PHARMACIST.password);
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinics.create({ name: "Riverside Pain Clinic" });
      await tx.staff.create({
        clinicId: clinic.id,
        email: CLINICIAN.email,
        displayName: CLINICIAN.name,
        role: "clinician",
        passwordHash: clinicianHash,
      });
      await tx.staff.create({
        clinicId: clinic.id,
        email: PHARMACIST.email,
        displayName: "A. Ash",
        role: "pharmacist",
        passwordHash: pharmacistHash,
      });
    });
  } finally {
    await store.close();
  }
}

export interface DailyClinic {
  readonly clinic: Clinic;
  /** The clinician, signed in on a desk-sized context. */
  readonly staff: BrowserContext;
  /** Patient ids by name. */
  readonly ids: Map<string, string>;
  /** Enrols, plans (from `startDaysAgo`) and invites a patient; returns the invitation token. */
  enrolWithPlan(name: string, startDaysAgo: number): Promise<string>;
  /** Check-ins from `from` days ago to yesterday, each with the doses the engine gave that day. */
  checkInDays(request: APIRequestContext, id: string, from: number): Promise<void>;
  /** A phone-sized context signed in as a patient who joined by the invitation `token`. */
  phoneFor(token: string): Promise<BrowserContext>;
}

/** @example const { clinic, staff } = await startDailyClinic(); ... await clinic.stop(); */
export async function startDailyClinic(): Promise<DailyClinic> {
  const clinic = await startClinic("daily", { seed: seedStaff });
  const staff = await clinic.signIn(CLINICIAN.email, CLINICIAN.password, {
    viewport: { width: 1280, height: 900 },
  });
  const ids = new Map<string, string>();
  /** Enrols, plans (from `startDaysAgo`) and invites a patient; returns the invitation token. */
  async function enrolWithPlan(name: string, startDaysAgo: number): Promise<string> {
    const { id } = await send<{ id: string }>(staff.request, clinic.api("/api/patients"), {
      displayName: name,
      screening: SCREENING,
    });
    ids.set(name, id);
    await send(staff.request, clinic.api(`/api/patients/${id}/plans`), {
      protocolId: "micro-titration",
      startDate: isoDaysAgo(startDaysAgo),
    });
    const invite = await send<{ token: string }>(
      staff.request,
      clinic.api(`/api/patients/${id}/invitations`),
      {},
    );
    return invite.token;
  }

  /** Check-ins from `from` days ago to yesterday, each with the doses the engine gave that day. */
  async function checkInDays(request: APIRequestContext, id: string, from: number) {
    for (let ago = from; ago >= 1; ago--) {
      const date = isoDaysAgo(ago);
      const today = await get<{ today: { doses: { time: string; ug: number }[] } }>(
        request,
        clinic.api(`/api/patients/${id}/today?today=${date}`),
      );
      await send(
        request,
        clinic.api(`/api/patients/${id}/check-ins`),
        {
          date,
          doses: today.today.doses.map((d) => ({ time: d.time, ug: d.ug })),
          pain: 6,
          sideEffects: [],
        },
        { "idempotency-key": `daily-${id}-${date}` },
      );
    }
  }

  /** A phone-sized context signed in as a patient who joined by the invitation `token`. */
  async function phoneFor(token: string): Promise<BrowserContext> {
    return (await joinOnPhone(clinic, token)).phone;
  }

  // Two patients ten days into micro-titration; the clinician stops one of them.
  for (const name of ["T. Titrating", "S. Stopped"]) {
    await enrolWithPlan(name, 10);
    await checkInDays(staff.request, ids.get(name)!, 10);
  }
  await send(staff.request, clinic.api(`/api/patients/${ids.get("S. Stopped")}/decisions`), {
    decision: "override",
    reason: "Nausea every day; the patient wants to stop",
    instead: { kind: "stop" },
  });
  return { clinic, staff, ids, enrolWithPlan, checkInDays, phoneFor };
}
