/** Login sessions. The store keeps only a hash of each token; the cookie holds the token. */
export type SubjectKind = "staff" | "patient";

export interface Session {
  /** sha256 of the token. */
  readonly id: string;
  readonly subjectKind: SubjectKind;
  readonly subjectId: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly endedAt: string | null;
}

/** A session with what a request needs to know of its subject. */
export interface SessionSubject {
  readonly session: Session;
  /** The staff member's account, for a staff session whose account exists. */
  readonly staff: {
    readonly clinicId: string;
    readonly role: "administrator" | "clinician" | "pharmacist";
    readonly displayName: string;
    readonly disabledAt: string | null;
  } | null;
  /** The patient's clinic, for a patient session whose record exists. */
  readonly patientClinicId: string | null;
}

export interface SessionRepository {
  /** @example await tx.sessions.create({ id: sha256(token), subjectKind: "staff", subjectId, expiresAt }) */
  create(input: {
    readonly id: string;
    readonly subjectKind: SubjectKind;
    readonly subjectId: string;
    readonly expiresAt: string;
  }): Promise<Session>;
  /** @example await tx.sessions.get(sha256(token)) // undefined when unknown */
  get(id: string): Promise<Session | undefined>;
  /** Marks the session seen now and moves its expiry (inactivity timeout). */
  touch(id: string, expiresAt: string): Promise<void>;
  /** Ends one session (logout). */
  end(id: string): Promise<void>;
  /** Ends every open session of one person (password change, account disabled). */
  endAllFor(subjectKind: SubjectKind, subjectId: string): Promise<number>;
}
