/**
 * The demo clinic: filled once, so a newcomer sees something real at once. Synthetic patients
 * in every state of the engine, their diaries written day by day with the doses the engine
 * recommended the day before (so every chart is the engine's own path), pain from a hidden
 * dose-response with day-to-day noise, side effects, a missed week, an opioid interaction
 * acknowledged with a reason, clinician decisions, BPI and PROMIS questionnaires before and
 * after, a ULDN patient who stays on opioids, other protocols, and one patient who has joined
 * (so the phone's check-in can be tried). Everything goes through the same use cases as the
 * server, so all of it is audited.
 */
import type { Actor } from "../../app/ports/actor.ts";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { DiaryEntry } from "../../app/ports/diary-repository.ts";
import type { Decision } from "../../app/ports/recommendation-repository.ts";
import type { Store } from "../../app/ports/store.ts";
import { assessRecord } from "../../app/use-cases/assess-patient.ts";
import { decideRecommendation } from "../../app/use-cases/decide-recommendation.ts";
import { enrolPatient } from "../../app/use-cases/enrol-patient.ts";
import { parseCheckIn, recordCheckIn } from "../../app/use-cases/record-check-in.ts";
import { recordQuestionnaire } from "../../app/use-cases/record-questionnaire.ts";
import { bpiAnswers, clamp, recordPromis } from "./demo-questionnaires.ts";
import { ELIGIBLE, SCENARIOS, type Scenario } from "./demo-scenarios.ts";
import { startPlan } from "../../app/use-cases/start-plan.ts";
import { createRng, normal, type Rng } from "../../domain/simulation/prng.ts";
import type { Plan } from "../../app/ports/plan-repository.ts";
import { addStaff } from "../../app/use-cases/add-staff.ts";
import { scryptHasher } from "../../crypto/scrypt-hasher.ts";
import { DomainError } from "../../domain/errors.ts";

export const DEMO_CLINIC = "Demo Pain Clinic";

/** Demo accounts: the passwords are printed, because this clinic is for looking around only. */
export const DEMO_ACCOUNTS = [
  { email: "admin@demo.example", password: "demo-admin-1", name: "Ada Admin", role: "administrator" },
  { email: "clinician@demo.example", password: "demo-clinician-1", name: "Dr Kim Lee", role: "clinician" },
  {
    email: "pharmacist@demo.example",
    password: "demo-pharmacist-1",
    name: "Pat Pharmacist",
    role: "pharmacist",
  },
] as const;

/** The demo patient who has joined: signs in on the phone with this login code and password. */
export const DEMO_PATIENT = { loginCode: "DEMZ-PAT7", password: "demo-patient-1" } as const;

/** Pain on a day: baseline, less relief in the window, back (and worse) above it: hormesis. */
function painAt(s: Scenario, ug: number, rng: Rng): number {
  const baseline = 6.5;
  let relief = 0;
  if (s.medUg !== undefined && s.relief !== undefined) {
    if (ug >= s.medUg * 0.7 && ug <= s.medUg)
      relief = s.relief * Math.min(1, (ug - s.medUg * 0.7) / (s.medUg * 0.3) + 0.5);
    else if (ug > s.medUg) relief = Math.max(-1, s.relief - ((ug - s.medUg) / s.medUg) * 6);
  }
  return clamp(baseline - relief + normal(rng) * 0.7);
}

function isoDaysAgo(today: Date, n: number): string {
  const d = new Date(today);
  d.setDate(d.getDate() - n);
  const pad = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The demo's sign-ins, one a line, as a newcomer reads them on the terminal. */
function signIns(): string {
  const staff = DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(13)} ${a.email.padEnd(26)} ${a.password}`);
  const patient = `  patient       ${`login code ${DEMO_PATIENT.loginCode}`.padEnd(26)} ${DEMO_PATIENT.password}   (on a phone-sized window)`;
  return [...staff, patient].join("\n");
}

const ALREADY = {
  created: false,
  message: `The demo clinic is already there (filled on an earlier start). Its sign-ins, unless changed since:\n${signIns()}`,
} as const;

/**
 * Fills the demo clinic unless it is there already. Two servers started with --demo at once on
 * one database make one demo clinic: the clinic is made with its staff in one transaction whose
 * audit waits for the other's (the audit chain's head is taken in turn, on PostgreSQL too), so
 * the second then finds the first's staff emails taken and fails with a conflict. Should it
 * fail otherwise (the emails' unique index), the demo clinic is looked for again before giving
 * up. demo-clinic-once.int.test.ts races two stores on one PostgreSQL.
 *
 * @example const { message } = await fillDemoClinic(store);
 */
export async function fillDemoClinic(
  store: Store,
  today = new Date(),
): Promise<{ readonly created: boolean; readonly message: string }> {
  if (await demoClinicExists(store)) return ALREADY;
  const hasher = scryptHasher();
  const patientHash = await hasher.hash(DEMO_PATIENT.password);
  // The same use case as POST /api/staff: the clinic is made with its staff, all or none.
  const made = await addStaff({ store, passwords: hasher }, SYSTEM_ACTOR, {
    clinic: { name: DEMO_CLINIC },
    members: DEMO_ACCOUNTS.map((a) => ({
      email: a.email,
      displayName: a.name,
      role: a.role,
      password: a.password,
    })),
  }).then(
    (added) => (added.clinicCreated ? { clinicId: added.clinic.id, clinician: added.staff[1]! } : null),
    async (error: unknown) => {
      if (error instanceof DomainError && error.code === "conflict") return null;
      if (await demoClinicExists(store)) return null; // another process made it meanwhile
      throw error;
    },
  );
  if (made === null) return ALREADY;
  const { clinicId, clinician } = made;
  const staffActor: Actor = { kind: "staff", id: clinician.id };
  const rng = createRng(20270104);
  for (const scenario of SCENARIOS)
    await fillPatient(store, clinicId, staffActor, scenario, today, rng, patientHash);
  return {
    created: true,
    message:
      `Filled "${DEMO_CLINIC}" with ${SCENARIOS.length} synthetic patients.\n` +
      `DEMO ONLY: the patients are invented and these passwords are public; never use this database for real patients.\n` +
      signIns(),
  };
}

async function demoClinicExists(store: Store): Promise<boolean> {
  const clinics = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
  return clinics.some((c) => c.name === DEMO_CLINIC);
}

async function fillPatient(
  store: Store,
  clinicId: string,
  staff: Actor,
  s: Scenario,
  today: Date,
  rng: Rng,
  patientPasswordHash: string,
): Promise<void> {
  const patient = await store.transaction(staff, (tx) =>
    enrolPatient(tx, clinicId, s.name, { ...ELIGIBLE, ...s.screening }),
  );
  if (s.joined) {
    await store.transaction({ kind: "patient", id: patient.id }, (tx) =>
      tx.patients.setCredentials(patient.id, DEMO_PATIENT.loginCode, patientPasswordHash),
    );
  }
  if (s.startDaysAgo === null) return;
  const start = isoDaysAgo(today, s.startDaysAgo);
  const asPatient: Actor = { kind: "patient", id: patient.id };
  const plan: Plan = await store.transaction(staff, (tx) =>
    startPlan(tx, staff.id, {
      patientId: patient.id,
      protocolId: s.protocolId ?? "micro-titration",
      settings: s.settings ?? {},
      startDate: start,
      detector: "robust",
      ...(s.interactionReason ? { interactionReason: s.interactionReason } : {}),
    }),
  );
  const dayBefore = isoDaysAgo(today, s.startDaysAgo + 1);
  if (s.bpi) {
    const v = s.bpi.pre;
    await store.transaction(staff, (tx) =>
      recordQuestionnaire(tx, patient.id, "bpi", dayBefore, bpiAnswers(v)),
    );
  }
  if (s.promis) await recordPromis(store, staff, patient.id, dayBefore, s.promis.pre);
  const diary: DiaryEntry[] = [];
  const decisions: Decision[] = [];
  const check = async (date: string, body: unknown) => {
    const { entry } = await store.transaction(asPatient, (tx) =>
      recordCheckIn(tx, patient.id, `demo-${patient.id}-${date}`, parseCheckIn(body)),
    );
    diary.push(entry);
  };
  for (let b = 3; b >= 1; b--)
    await check(isoDaysAgo(today, s.startDaysAgo + b), {
      date: isoDaysAgo(today, s.startDaysAgo + b),
      doses: [],
      pain: clamp(6.5 + normal(rng) * 0.7),
      sideEffects: [],
    });
  const last = s.lastDaysAgo ?? 0;
  for (let day = 0; day <= s.startDaysAgo - last; day++) {
    const date = isoDaysAgo(today, s.startDaysAgo - day);
    const before = isoDaysAgo(today, s.startDaysAgo - day + 1);
    const a = assessRecord({ plan, diary, decisions }, before)!;
    const doses = a.next.doses.filter(() => rng.next() > 0.03); // a missed dose now and then is data
    const total = doses.reduce((sum, d) => sum + d.ug, 0);
    await check(date, {
      date,
      doses: doses.map((d) => ({ time: d.time, ug: d.ug })),
      pain: painAt(s, total, rng),
      mood: clamp(5 + normal(rng)),
      energy: clamp(5 + normal(rng)),
      clarity: clamp(6 + normal(rng)),
      sideEffects: s.effects?.[day] ?? [],
      ...(s.note && day === s.startDaysAgo - last ? { note: s.note } : {}),
    });
    const decision = s.decisions?.[day];
    if (decision) {
      const made = await store.transaction(staff, (tx) =>
        decideRecommendation(
          tx,
          decision === "accept"
            ? { patientId: patient.id, asOf: date, decision: "accept" }
            : {
                patientId: patient.id,
                asOf: date,
                decision: "override",
                reason: decision.reason,
                instead: {
                  kind: decision.kind,
                  ...(decision.totalUg ? { totalUg: decision.totalUg } : {}),
                  ...(decision.doseCount ? { doseCount: decision.doseCount } : {}),
                },
              },
        ),
      );
      decisions.push(made.decision);
    }
    if (s.bpi?.post && s.bpi.post.day === day) {
      const v = s.bpi.post.value;
      await store.transaction(staff, (tx) => recordQuestionnaire(tx, patient.id, "bpi", date, bpiAnswers(v)));
    }
    if (s.promis?.post && s.promis.post.day === day)
      await recordPromis(store, staff, patient.id, date, s.promis.post.value);
  }
}
