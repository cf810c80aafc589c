/**
 * A patient's private calendar feed: a secret URL a phone's calendar subscribes to. Only the
 * sha256 of the secret is stored, so the database cannot give the URL away; making a new one
 * or revoking it stops the old URL at once.
 */
export interface CalendarFeed {
  readonly patientId: string;
  readonly createdAt: string;
}

export interface CalendarFeedRepository {
  /**
   * A new feed for the patient under this token hash; any earlier feed of theirs stops working.
   * Audited as `calendar.create`.
   *
   * @example await tx.calendarFeeds.create(patientId, tokenHash(token));
   */
  create(patientId: string, tokenHash: string): Promise<CalendarFeed>;
  /** The patient's working feed, if any. Audited as `calendar.read`. */
  current(patientId: string): Promise<CalendarFeed | undefined>;
  /** Stops the patient's feed; false when there was none. Audited as `calendar.revoke`. */
  revoke(patientId: string): Promise<boolean>;
  /**
   * The working feed a token hash opens, if any; reads no patient data (the caller audits the fetch).
   *
   * @example await tx.calendarFeeds.findByTokenHash(tokenHash(token)) // undefined once revoked
   */
  findByTokenHash(tokenHash: string): Promise<CalendarFeed | undefined>;
}
