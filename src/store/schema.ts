/**
 * The database schema as Kysely sees it: one interface per table, column names as stored.
 *
 * Portable on purpose, so one schema serves SQLite and PostgreSQL: ids are text (UUIDs made by
 * the application), timestamps are ISO-8601 text in UTC, calendar dates are `YYYY-MM-DD` text,
 * JSON is text. The only integers are counts, versions and the audit sequence.
 */
import type { ColumnType, Generated } from "kysely";

export interface ClinicTable {
  id: string;
  name: string;
  created_at: string;
}

export interface StaffTable {
  id: string;
  clinic_id: string;
  email: string;
  display_name: string;
  role: "administrator" | "clinician" | "pharmacist";
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

export interface PatientTable {
  id: string;
  clinic_id: string;
  display_name: string;
  /** Screening answers as JSON text. */
  screening: string;
  /** Set when the patient accepts their invitation and chooses a password. */
  password_hash: string | null;
  created_at: string;
  /** The code the patient logs in with, issued when they accept their invitation (0002). */
  login_code: string | null;
}

/**
 * Bumped by triggers on every write to what the patient's dashboard line is made of (0012);
 * apart from PatientTable, which repositories use as the row they write.
 */
export interface PatientRevisionColumn {
  revision: Generated<number>;
}

export interface InvitationTable {
  id: string;
  patient_id: string;
  /** sha256 of the token in the link; the token itself is never stored. */
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface PlanTable {
  id: string;
  patient_id: string;
  protocol_id: string;
  protocol_version: number;
  /** Protocol settings (the `--set key=value` pairs) as JSON text. */
  settings: string;
  start_date: string;
  detector: string;
  created_by: string;
  created_at: string;
  ended_at: string | null;
  /** The clinician's recorded decision to go on despite an opioid interaction alert, JSON (0002). */
  interaction_ack: string | null;
}

/** The current version of a patient's entry for a day: one per patient and date (0003). */
export interface DiaryEntryTable {
  id: string;
  patient_id: string;
  entry_date: string;
  /** Chosen by the client, unique per patient, so a retried check-in never makes two entries. */
  idempotency_key: string;
  body: string;
  recorded_at: string;
  /** 1, then one more for each correction (0003). */
  version: Generated<number>;
  /** Who recorded this version: an actor kind and id; null when not known (0003). */
  recorded_by_kind: string | null;
  recorded_by_id: string | null;
}

/** An earlier version of a day's entry, as it was recorded, replaced by a correction (0003). */
export interface DiaryEntryVersionTable {
  id: string;
  entry_id: string;
  patient_id: string;
  entry_date: string;
  version: number;
  idempotency_key: string;
  body: string;
  recorded_at: string;
  recorded_by_kind: string | null;
  recorded_by_id: string | null;
}

/** A dose ticked as taken, saved when ticked (0004). */
export interface DoseTickTable {
  id: string;
  patient_id: string;
  dose_date: string;
  /** The scheduled dose's clock time, HH:MM. */
  dose_time: string;
  ug: number;
  /** When it was ticked (an instant, ISO-8601 UTC). */
  taken_at: string;
  recorded_by_kind: string;
  recorded_by_id: string;
}

export interface QuestionnaireResponseTable {
  id: string;
  patient_id: string;
  instrument: string;
  instrument_version: number;
  answered_on: string;
  answers: string;
  scores: string;
  recorded_at: string;
}

export interface RecommendationTable {
  id: string;
  patient_id: string;
  plan_id: string;
  /** `protocolKey()` of the protocol version that made it, e.g. `micro-titration@2`. */
  protocol_key: string;
  as_of: string;
  state: string;
  body: string;
  created_at: string;
  /** What was decided on and how, unique per plan: the same decision is stored once (0005). */
  decision_key: string | null;
}

export interface DecisionTable {
  id: string;
  recommendation_id: string;
  decided_by: string;
  decision: "accept" | "override";
  reason: string | null;
  decided_at: string;
  /** What an override tells the engine (a clinician decision), JSON (0002). */
  engine_decision: string | null;
}

/** A clinician's acknowledgement of a flag on a patient, with what the flag said (0006). */
export interface AttentionAckTable {
  id: string;
  patient_id: string;
  code: string;
  /** What the flag said when acknowledged, one fact a line. */
  facts: string;
  acknowledged_by: string;
  acknowledged_at: string;
}

/** A fill the pharmacy dispensed: the days it covers, what was in it, who and when (0007). */
export interface DispensedFillTable {
  id: string;
  patient_id: string;
  plan_id: string;
  fill_start: string;
  fill_end: string;
  days: number;
  /** The strengths and quantities and each dose's capsules, JSON. */
  lines: string;
  idempotency_key: string;
  dispensed_by: string;
  dispensed_at: string;
}

export interface SessionTable {
  /** sha256 of the session token; the cookie holds the token. */
  id: string;
  subject_kind: "staff" | "patient";
  subject_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ended_at: string | null;
}

export interface AuditEventTable {
  /** Position in the chain: 1, 2, 3 ... with no gaps. */
  id: number;
  at: string;
  actor_kind: string;
  actor_id: string;
  action: string;
  patient_id: string | null;
  subject_id: string | null;
  outcome: "success" | "denied" | "failure";
  details: string;
  prev_hash: string;
  hash: string;
}

/** One row (id 1) naming the last audit event; appenders lock it so the chain never forks. */
export interface AuditChainHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

/** A login or invitation attempt counted against one throttle counter (migration 0010). */
export interface LoginAttemptTable {
  id: string;
  /** The counter, e.g. `login-account:a@x.example`. */
  name: string;
  /** When the attempt began, milliseconds since the epoch (PostgreSQL's bigint reads as text). */
  began_ms: ColumnType<number | string, number, never>;
  state: "in_flight" | "failed";
}

/** The clinic's settings the administrator sets: the phone printed for patients, SMTP (0008). */
export interface ClinicSettingsTable {
  clinic_id: string;
  phone: string;
  /** Empty when the clinic sends no email. */
  smtp_host: string;
  smtp_port: number;
  /** 1: TLS from the start (port 465); 0: STARTTLS when the server offers it. */
  smtp_secure: number;
  smtp_user: string;
  smtp_from: string;
  updated_at: string;
  updated_by: string;
}

/** A patient's private calendar feed; only the hash of its secret is kept (0008). */
export interface CalendarFeedTable {
  id: string;
  patient_id: string;
  token_hash: string;
  created_by_kind: string;
  created_by_id: string;
  created_at: string;
  revoked_at: string | null;
}

/** Whether and where a patient gets email reminders (0008). */
export interface ReminderPreferencesTable {
  patient_id: string;
  email: string;
  dose_reminders: number;
  questionnaire_notices: number;
  updated_at: string;
}

/** An email to send, kept until sent (0008). */
export interface OutboxTable {
  id: string;
  clinic_id: string;
  patient_id: string | null;
  kind: string;
  dedupe_key: string;
  to_address: string;
  subject: string;
  body: string;
  due_at: string;
  next_attempt_at: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** The dispatcher holding the message while it sends it (0013). */
  claimed_by: string | null;
  /** When that claim lapses, so another dispatcher may try (0013). */
  claimed_until: string | null;
}

/** One rescreen of a patient: the screening JSON before and after, who and when (0009). */
export interface ScreeningChangeTable {
  id: string;
  patient_id: string;
  before: string;
  after: string;
  changed_by: string;
  changed_at: string;
}

/** Between the redirect to the EHR and its callback (0011). */
export interface SmartPendingLaunchTable {
  state: string;
  session_id: string;
  iss: string;
  verifier: string;
  token_endpoint: string;
  /** Milliseconds since the epoch (PostgreSQL's bigint reads as text). */
  expires_ms: ColumnType<number | string, number, never>;
}

/** A finished SMART launch; the tokens never leave the server (0011). */
export interface SmartLaunchTable {
  id: string;
  session_id: string;
  iss: string;
  ehr_patient_id: string;
  scope: string;
  access_token: string;
  refresh_token: string | null;
  token_endpoint: string;
  expires_ms: ColumnType<number | string, number, number>;
  /** The prefill JSON read from the EHR. */
  prefill: string;
}

/** The EHR patient an ldn patient was enrolled from (0011). */
export interface EhrLinkTable {
  patient_id: string;
  clinic_id: string;
  iss: string;
  ehr_patient_id: string;
  linked_by: string;
  linked_at: string;
}

/** A patient's dashboard line, kept for a revision of the patient, a day and a format (0012). */
export interface PatientSummaryTable {
  patient_id: string;
  clinic_id: string;
  revision: number;
  day: string;
  format: number;
  state: string | null;
  today_ug: number | null;
  last_check_in: string | null;
  /** What needs attention, codes most urgent first, comma-separated. */
  attention: string;
  /** The whole line as JSON. */
  body: string;
}

export interface Schema {
  clinics: ClinicTable;
  staff: StaffTable;
  patients: PatientTable & PatientRevisionColumn;
  invitations: InvitationTable;
  plans: PlanTable;
  diary_entries: DiaryEntryTable;
  diary_entry_versions: DiaryEntryVersionTable;
  dose_ticks: DoseTickTable;
  questionnaire_responses: QuestionnaireResponseTable;
  recommendations: RecommendationTable;
  decisions: DecisionTable;
  attention_acks: AttentionAckTable;
  dispensed_fills: DispensedFillTable;
  sessions: SessionTable;
  audit_events: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  clinic_settings: ClinicSettingsTable;
  calendar_feeds: CalendarFeedTable;
  reminder_preferences: ReminderPreferencesTable;
  outbox: OutboxTable;
  login_attempts: LoginAttemptTable;
  screening_changes: ScreeningChangeTable;
  smart_pending_launches: SmartPendingLaunchTable;
  smart_launches: SmartLaunchTable;
  ehr_links: EhrLinkTable;
  patient_summaries: PatientSummaryTable;
}
