/** Single-use invitations: how a patient joins, from a link their clinician gives them. */
export interface Invitation {
  readonly id: string;
  readonly patientId: string;
  /** sha256 of the token in the link; the token itself is never stored. */
  readonly tokenHash: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

export interface InvitationRepository {
  /** Audited as `invitation.create`. @example await tx.invitations.create({ patientId, tokenHash, expiresAt }) */
  create(input: {
    readonly patientId: string;
    readonly tokenHash: string;
    readonly expiresAt: string;
  }): Promise<Invitation>;
  /** @example await tx.invitations.findByTokenHash(sha256(token)) */
  findByTokenHash(tokenHash: string): Promise<Invitation | undefined>;
  /**
   * Uses the invitation once. Returns false when it was already used (a second click, or two
   * phones racing), so exactly one acceptance ever succeeds.
   */
  markUsed(id: string): Promise<boolean>;
  /**
   * Ends every unused invitation of the patient now (it expires at once), so only the newest
   * link ever works: called on a new invitation, on joining and on a password change. Audited as
   * `invitation.revoke` when any was revoked. Returns how many were.
   *
   * @example await tx.invitations.revokeUnused(patientId) // 1
   */
  revokeUnused(patientId: string): Promise<number>;
}
