/**
 * The storage port in memory, for unit tests of use cases (Medplum's MemoryRepository idea).
 * Same contract as the SQL store where a use case can tell: transactions commit whole or not
 * at all, one diary entry per patient and idempotency key, unique staff emails, records must
 * name a patient or clinic that exists, every read and write is audited. Not modelled: the
 * hash chain and concurrency between processes, which only the real databases can show.
 */
import type { Actor } from "../ports/actor.ts";
import type { AuditEntry, AuditEvent } from "../ports/audit-log.ts";
import type { Clinic } from "../ports/clinic-repository.ts";
import type { Clock } from "../ports/clock.ts";
import type { DiaryEntry } from "../ports/diary-repository.ts";
import type { Patient } from "../ports/patient-repository.ts";
import type { Plan } from "../ports/plan-repository.ts";
import type { Staff } from "../ports/staff-repository.ts";
import type { Repositories, Store } from "../ports/store.ts";

interface State {
  clinics: Clinic[];
  staff: Staff[];
  patients: Patient[];
  plans: Plan[];
  diary: DiaryEntry[];
  audit: AuditEvent[];
}

/** An in-memory `Store` whose `state` tests may inspect. */
export interface MemoryStore extends Store {
  readonly state: Readonly<State>;
}

/**
 * @example
 * const store = createMemoryStore({ now: () => new Date("2027-01-04T09:00:00Z") });
 * await store.transaction(actor, (tx) => tx.patients.create({ clinicId, displayName: "R. Jones", screening: {} }));
 */
export function createMemoryStore(clock: Clock = { now: () => new Date() }): MemoryStore {
  let state: State = { clinics: [], staff: [], patients: [], plans: [], diary: [], audit: [] };
  // One transaction at a time, as SQLite does, so a rollback never undoes another's work.
  let queue: Promise<unknown> = Promise.resolve();

  const run = async <T>(actor: Actor, work: (tx: Repositories) => Promise<T>): Promise<T> => {
    const before = structuredClone(state);
    try {
      return await work(repositories(state, actor, clock));
    } catch (error) {
      state = before;
      throw error;
    }
  };

  return {
    get state() {
      return state;
    },
    transaction(actor, work) {
      const result = queue.then(() => run(actor, work));
      queue = result.catch(() => undefined);
      return result;
    },
    close: async () => undefined,
  };
}

function repositories(state: State, actor: Actor, clock: Clock): Repositories {
  const now = () => clock.now().toISOString();
  const audit = (entry: AuditEntry): AuditEvent => {
    const event: AuditEvent = {
      id: state.audit.length + 1,
      at: now(),
      actor: { kind: actor.kind, id: actor.id },
      action: entry.action,
      patientId: entry.patientId ?? null,
      subjectId: entry.subjectId ?? null,
      outcome: entry.outcome ?? "success",
      details: entry.details ?? {},
    };
    state.audit.push(event);
    return event;
  };
  const mustExist = (rows: readonly { id: string }[], id: string, what: string) => {
    if (!rows.some((r) => r.id === id)) throw new Error(`foreign key: no ${what} ${id}`);
  };
  const byPatient = <T extends { patientId: string }>(rows: readonly T[], patientId: string) =>
    rows.filter((r) => r.patientId === patientId);

  return {
    clinics: {
      async create({ name }) {
        const clinic: Clinic = { id: crypto.randomUUID(), name, createdAt: now() };
        state.clinics.push(clinic);
        audit({ action: "clinic.create", subjectId: clinic.id });
        return clinic;
      },
      get: async (id) => state.clinics.find((c) => c.id === id),
    },
    staff: {
      async create(input) {
        mustExist(state.clinics, input.clinicId, "clinic");
        if (state.staff.some((s) => s.email === input.email)) throw new Error(`unique: email ${input.email}`);
        const staff: Staff = { ...input, id: crypto.randomUUID(), createdAt: now(), disabledAt: null };
        state.staff.push(staff);
        audit({ action: "staff.create", subjectId: staff.id, details: { role: staff.role } });
        return staff;
      },
      findByEmail: async (email) => state.staff.find((s) => s.email === email),
    },
    patients: {
      async create(input) {
        mustExist(state.clinics, input.clinicId, "clinic");
        const patient: Patient = { ...input, id: crypto.randomUUID(), createdAt: now() };
        state.patients.push(patient);
        audit({ action: "patient.create", patientId: patient.id, subjectId: patient.id });
        return patient;
      },
      async get(id) {
        const patient = state.patients.find((p) => p.id === id);
        audit({
          action: "patient.read",
          patientId: id,
          subjectId: id,
          outcome: patient ? "success" : "failure",
        });
        return patient;
      },
      async listByClinic(clinicId) {
        const patients = state.patients.filter((p) => p.clinicId === clinicId);
        for (const p of patients) audit({ action: "patient.list", patientId: p.id, subjectId: p.id });
        return patients;
      },
    },
    plans: {
      async create(input) {
        mustExist(state.patients, input.patientId, "patient");
        const plan: Plan = { ...input, id: crypto.randomUUID(), createdBy: actor.id, createdAt: now() };
        state.plans.push(plan);
        const protocol = `${plan.protocolId}@${plan.protocolVersion}`;
        audit({
          action: "plan.create",
          patientId: plan.patientId,
          subjectId: plan.id,
          details: { protocol },
        });
        return plan;
      },
      async listForPatient(patientId) {
        audit({ action: "plan.list", patientId });
        return byPatient(state.plans, patientId);
      },
    },
    diary: {
      async record(input) {
        mustExist(state.patients, input.patientId, "patient");
        const stored = byPatient(state.diary, input.patientId).find(
          (e) => e.idempotencyKey === input.idempotencyKey,
        );
        const entry = stored ?? { ...input, id: crypto.randomUUID(), recordedAt: now() };
        if (!stored) state.diary.push(entry);
        const details = { date: entry.date, replayed: stored !== undefined };
        audit({ action: "diary.record", patientId: entry.patientId, subjectId: entry.id, details });
        return { entry, created: !stored };
      },
      async listForPatient(patientId) {
        const entries = byPatient(state.diary, patientId).sort((a, b) => a.date.localeCompare(b.date));
        audit({ action: "diary.list", patientId, details: { entries: entries.length } });
        return entries;
      },
    },
    audit: {
      record: async (entry) => audit(entry),
      async listForPatient(patientId) {
        const events = state.audit.filter((e) => e.patientId === patientId);
        audit({ action: "audit.read", patientId });
        return events;
      },
    },
  };
}
