/**
 * Recording a fill as dispensed: what was in it, when, and by whom. The pharmacist dispenses
 * the fill they were shown; when the patient's path has moved since (a check-in, a decision),
 * the request is refused rather than recording a fill that is not the one now due.
 */
import type { DispensedFill, FillLines, FillStrength } from "../ports/dispensed-fill-repository.ts";
import type { Repositories } from "../ports/store.ts";
import type { CapsulePlan } from "../../domain/compounding/capsule-plan.ts";
import type { FillSettings } from "../../domain/compounding/next-fill.ts";
import { formatDose } from "../../domain/dose.ts";
import { conflict, invalidArgument } from "../../domain/errors.ts";
import { readFills } from "./read-fills.ts";

/** Client keys, as for a check-in: a UUID made once per fill, bounded so a key is never a payload. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;

/** What the pharmacist confirms: the fill's first day and the strengths and quantities shown. */
export interface DispenseRequest {
  readonly fillStart: string;
  readonly strengths: readonly FillStrength[];
}

/**
 * Records the patient's next fill as dispensed by the acting staff member. The same key again
 * returns the fill it stored with `created: false`; another key for a fill already dispensed,
 * or a request that no longer matches the fill due, is a conflict naming what is now true.
 *
 * @example await dispenseFill(tx, patientId, "b7f3c1d2-...", { fillStart: "2027-01-04",
 *   strengths: [{ ug: 100, quantity: 42 }] }, "2027-01-03", DEFAULT_FILL_SETTINGS);
 */
export async function dispenseFill(
  tx: Repositories,
  patientId: string,
  idempotencyKey: string,
  request: DispenseRequest,
  today: string,
  settings: FillSettings,
): Promise<{ readonly fill: DispensedFill; readonly created: boolean }> {
  if (!KEY_PATTERN.test(idempotencyKey))
    throw invalidArgument(
      "Idempotency-Key",
      idempotencyKey,
      "must be 8-100 letters, digits, - or _ (e.g. a UUID)",
    );
  const { next, dispensed } = await readFills(tx, patientId, today, settings);
  const replay = dispensed.find((f) => f.idempotencyKey === idempotencyKey);
  if (replay) return { fill: sameRequest(replay, request, idempotencyKey), created: false };
  if (!next || !next.capsules)
    throw conflict("This patient has no fill to dispense: no plan, or no doses to take", {
      field: "fillStart",
      value: request.fillStart,
    });
  if (request.fillStart !== next.window.start)
    throw conflict(
      `fillStart: the next fill starts on ${next.window.start}, not ${request.fillStart}; reload the queue`,
      { field: "fillStart", value: request.fillStart },
    );
  const lines = linesOf(next.capsules);
  if (strengthsText(lines.strengths) !== strengthsText(request.strengths))
    throw conflict(
      `strengths: the fill due now is ${strengthsText(lines.strengths)}, not ${strengthsText(request.strengths)}; ` +
        "the patient's doses have changed: reload the queue",
      { field: "strengths", value: request.strengths },
    );
  const recorded = await tx.fills.record({
    patientId,
    planId: next.planId,
    start: next.window.start,
    end: next.window.end,
    days: next.window.days,
    lines,
    idempotencyKey,
  });
  if (!recorded.created)
    throw conflict(
      `fillStart: the fill from ${recorded.fill.start} was dispensed already, ` +
        `by ${recorded.fill.dispensedByName ?? "another staff member"} at ${recorded.fill.dispensedAt}`,
      { field: "fillStart", value: request.fillStart },
    );
  return recorded;
}

/** What a capsule plan dispenses: each strength and quantity, and each dose's capsules. */
export function linesOf(plan: CapsulePlan): FillLines {
  return {
    strengths: plan.strengths.map((s) => ({ ug: s.ug, quantity: s.quantity })),
    recipes: plan.recipes.map((r) => ({ ug: r.ug, count: r.count, capsules: [...r.capsules] })),
  };
}

/** A key names one fill: the same key with another fill is a client's mistake, never a retry. */
function sameRequest(stored: DispensedFill, request: DispenseRequest, key: string): DispensedFill {
  if (
    stored.start === request.fillStart &&
    strengthsText(stored.lines.strengths) === strengthsText(request.strengths)
  )
    return stored;
  throw conflict(
    `Idempotency-Key: "${key}" was already used for the fill from ${stored.start}; make a new key for a new fill`,
    { field: "Idempotency-Key", value: key },
  );
}

/** "42 x 0.1 mg, 14 x 0.2 mg": strengths in order, for comparing and for messages. */
function strengthsText(strengths: readonly FillStrength[]): string {
  return [...strengths]
    .sort((a, b) => a.ug - b.ug)
    .map((s) => `${s.quantity} x ${formatDose(s.ug)}`)
    .join(", ");
}
