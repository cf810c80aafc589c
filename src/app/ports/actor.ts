/**
 * Who is acting: every read and write of patient data names one, and the audit log records it.
 *
 * @example
 * const actor: Actor = { kind: "staff", id: clinician.id };
 */
export interface Actor {
  readonly kind: "staff" | "patient" | "system";
  readonly id: string;
}

/** The actor for work nobody logged in does: migrations, the demo filler, `ldn` maintenance. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ kind: "system", id: "ldn" });
