/**
 * Clinicians' acknowledgements of what needs attention on a patient: who, when, and what the
 * flag said then, so it returns only when it says something new.
 */
export interface AttentionAck {
  readonly patientId: string;
  /** The attention code acknowledged (side-effect, engine-alert, opioid-interaction...). */
  readonly code: string;
  /** What the flag said when acknowledged: each side effect on its day, each alert... */
  readonly facts: readonly string[];
  /** The staff member who acknowledged it. */
  readonly by: string;
  readonly byName: string | null;
  readonly at: string;
}

export interface AttentionAckRepository {
  /**
   * Records that the acting staff member has seen and dealt with this flag as it stands; the
   * same flag saying the same thing again is the acknowledgement already kept. Audited as
   * `attention.acknowledge`.
   *
   * @example await tx.attention.acknowledge({ patientId, code: "side-effect", facts: ["2027-01-05:insomnia"] });
   */
  acknowledge(input: {
    readonly patientId: string;
    readonly code: string;
    readonly facts: readonly string[];
  }): Promise<AttentionAck>;
  /** The patient's acknowledgements, oldest first. Audited as `attention.list`. */
  listForPatient(patientId: string): Promise<readonly AttentionAck[]>;
}
