/**
 * The audit log as the application sees it: who did what to which patient, when, and how it
 * ended. Repositories append to it themselves, inside the transaction of the work they audit;
 * use cases only read it.
 */
export type AuditOutcome = "success" | "denied" | "failure";

/** One audit event as stored. `at` is an ISO-8601 instant in UTC. */
export interface AuditEvent {
  readonly id: number;
  readonly at: string;
  readonly actor: { readonly kind: string; readonly id: string };
  readonly action: string;
  readonly patientId: string | null;
  readonly subjectId: string | null;
  readonly outcome: AuditOutcome;
  readonly details: Readonly<Record<string, unknown>>;
}

/** An event to record; the store adds the id, the time and the actor of the transaction. */
export interface AuditEntry {
  readonly action: string;
  readonly patientId?: string | null;
  readonly subjectId?: string | null;
  readonly outcome?: AuditOutcome;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AuditLog {
  /**
   * Records an event that no repository records by itself, such as a refused request.
   *
   * @example
   * await tx.audit.record({ action: "patient.read", patientId, outcome: "denied" });
   */
  record(entry: AuditEntry): Promise<AuditEvent>;

  /**
   * The events about one patient, oldest first. Reading them is itself audited.
   *
   * @example
   * const trail = await tx.audit.listForPatient(patient.id);
   */
  listForPatient(patientId: string): Promise<readonly AuditEvent[]>;

  /**
   * A clinic's events, newest first, for its administrators; `beforeId` pages back. Audited as `audit.query`.
   *
   * @example
   * const page = await tx.audit.query({ limit: 100 });
   */
  query(filter: {
    /** Only events about this clinic's patients, by its staff, or about its staff. */
    readonly clinicId: string;
    readonly patientId?: string;
    readonly limit: number;
    readonly beforeId?: number;
  }): Promise<readonly AuditEvent[]>;
}
