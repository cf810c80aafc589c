/**
 * The pharmacy's queue: every patient of the clinic with a plan who has not stopped, with their
 * next fill (when it is needed, what goes in it, who prescribed it), the most pressing first.
 */
import type { DispensedFill } from "../ports/dispensed-fill-repository.ts";
import type { Repositories } from "../ports/store.ts";
import type { FillSettings } from "../../domain/compounding/next-fill.ts";
import { opioidsAtScreening } from "./assess-patient.ts";
import { planNextFill, type NextFill } from "./plan-next-fill.ts";

/**
 * Reads the clinic's records in a few queries (the dashboard's bulk read, pharmacist scope: no
 * check-ins or outcomes are returned) and plans each patient's next fill.
 *
 * @example const queue = await listFillsDue(tx, clinicId, "2027-01-10", DEFAULT_FILL_SETTINGS);
 * queue[0].window.status // "overdue"
 */
export async function listFillsDue(
  tx: Repositories,
  clinicId: string,
  today: string,
  settings: FillSettings,
): Promise<NextFill[]> {
  const all = await tx.records.forClinic(clinicId, { scope: "dosing" });
  const fills = byPatient(await tx.fills.listForClinic(clinicId));
  const names = new Map((await tx.staff.listByClinic(clinicId)).map((s) => [s.id, s.displayName]));
  const queue = all.flatMap((r) => {
    const plan = r.plans.at(-1);
    const next = planNextFill({
      patient: r.patient,
      record: { plan, diary: r.diary, decisions: r.decisions, opioids: opioidsAtScreening(r.patient) },
      fills: fills.get(r.patient.id) ?? [],
      prescriberName: plan ? (names.get(plan.createdBy) ?? null) : null,
      today,
      settings,
    });
    return next ? [next] : [];
  });
  // The first needed first; patients needing theirs the same day by name.
  return queue.sort(
    (a, b) =>
      a.window.neededFrom.localeCompare(b.window.neededFrom) ||
      a.patient.displayName.localeCompare(b.patient.displayName),
  );
}

function byPatient(fills: readonly DispensedFill[]): Map<string, DispensedFill[]> {
  const out = new Map<string, DispensedFill[]>();
  for (const f of fills) out.set(f.patientId, [...(out.get(f.patientId) ?? []), f]);
  return out;
}
