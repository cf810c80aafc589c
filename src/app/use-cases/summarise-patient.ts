/**
 * One line of the clinic's dashboard: where a patient stands today and what needs attention
 * first. Pure over the patient's records and today's date.
 */
import type { AttentionAck } from "../ports/attention-ack-repository.ts";
import type { PatientRecords } from "../ports/clinic-records.ts";
import type { Patient } from "../ports/patient-repository.ts";
import { addDays, daysBetween, parseIsoDate } from "../../domain/calendar-date.ts";
import { diaryDayOf } from "./read-diary.ts";
import { formatDose } from "../../domain/dose.ts";
import { PROTOCOLS } from "../../domain/protocols/catalogue.ts";
import { SIDE_EFFECT_LABELS } from "../../domain/diary/side-effects.ts";
import type { Alert } from "../../domain/titration/alerts.ts";
import type { Assessment, TitrationState } from "../../domain/titration/titration-state.ts";
import { assessRecord, opioidsAtScreening } from "./assess-patient.ts";
import { alertLabel } from "./describe-alert.ts";
import { storedScreening } from "./enrol-patient.ts";

/** 004: outcomes were measured again at least 4 weeks after the MED was established. */
export const OUTCOME_DUE_DAYS_AFTER_MED = 28;
/** A week without a check-in is worth a call (clinic setting, not a published fact). */
export const MISSED_CHECK_IN_DAYS = 7;
/** Side effects reported this recently are shown as needing attention (clinic setting). */
export const RECENT_SIDE_EFFECT_DAYS = 3;

export type AttentionCode =
  | "engine-alert"
  | "recommendation"
  | "side-effect"
  | "missed-week"
  | "opioid-interaction"
  | "questionnaire-due"
  | "no-plan";

/**
 * Lower is more urgent: what a clinician should look at first. The engine's alerts come
 * first: they are what it says a clinician should see now (see `alerts.ts`).
 */
export const ATTENTION_PRIORITY: Readonly<Record<AttentionCode, number>> = {
  "engine-alert": 0,
  recommendation: 1,
  "side-effect": 2,
  "opioid-interaction": 3,
  "missed-week": 4,
  "questionnaire-due": 5,
  "no-plan": 6,
};

export interface Attention {
  readonly code: AttentionCode;
  readonly priority: number;
  readonly message: string;
  /**
   * What the flag says, as facts (each side effect on its day, each alert, the opioids and
   * their MME...): acknowledged, it stays so while it says nothing beyond them.
   */
  readonly facts: readonly string[];
  /** A clinician can acknowledge it (a recommendation is decided on, a missing plan started). */
  readonly acknowledgeable: boolean;
}

/** A flag a clinician has acknowledged, and has said nothing new since: who, when. */
export interface AcknowledgedAttention {
  readonly code: AttentionCode;
  readonly message: string;
  readonly by: string;
  readonly byName: string | null;
  readonly at: string;
}

/** The flags dealt with by acknowledging them; the others by deciding or starting a plan. */
export const ACKNOWLEDGEABLE: ReadonlySet<AttentionCode> = new Set([
  "engine-alert",
  "side-effect",
  "opioid-interaction",
  "missed-week",
  "questionnaire-due",
]);

export interface PatientSummary {
  readonly id: string;
  readonly displayName: string;
  readonly enrolledAt: string;
  readonly joined: boolean;
  readonly protocolKey: string | null;
  /** The protocol's name, what the dashboard shows (the key is for other systems). */
  readonly protocolName: string | null;
  readonly startDate: string | null;
  readonly state: TitrationState | null;
  readonly medUg: number | null;
  /** Today's daily total as the engine recommends it (null before a plan). */
  readonly todayUg: number | null;
  readonly lastCheckIn: string | null;
  readonly daysSinceCheckIn: number | null;
  /** The engine's alerts as of the last check-in (empty when none, or before a plan). */
  readonly alerts: readonly Alert[];
  /** What needs attention now, most urgent first: flags acknowledged are not among them. */
  readonly attention: readonly Attention[];
  /** Flags acknowledged, saying nothing new since: who acknowledged each, and when. */
  readonly acknowledged: readonly AcknowledgedAttention[];
}

/**
 * @example summarisePatient(records, "2027-02-01").attention[0]?.code // "recommendation"
 */
export function summarisePatient(records: PatientRecords, today: string): PatientSummary {
  const date = parseIsoDate(today, "today");
  const plan = records.plans.at(-1);
  const record = {
    plan,
    diary: records.diary,
    decisions: records.decisions,
    opioids: opioidsAtScreening(records.patient),
  };
  const yesterday = addDays(date, -1);
  const asOf = lastDiaryDateUpTo(records, date) ?? yesterday;
  const now = plan ? assessRecord(record, asOf) : null;
  // Today's dose follows from yesterday: the same replay as `now` when the last check-in was
  // yesterday (most patients, most days), so it is not run twice.
  const todayAssessment =
    plan && daysBetween(parseIsoDate(plan.startDate), date) > 0
      ? asOf === yesterday
        ? now
        : assessRecord(record, yesterday)
      : null;
  // The last check-in up to tomorrow (a phone ahead of the clinic's zone): a day further on,
  // stored before dates were checked, is not a check-in that has happened.
  const lastCheckIn = lastDiaryDateUpTo(records, addDays(date, 1)) ?? null;
  const daysSince = lastCheckIn === null ? null : daysBetween(parseIsoDate(lastCheckIn), date);
  return {
    id: records.patient.id,
    displayName: records.patient.displayName,
    enrolledAt: records.patient.createdAt,
    joined: records.patient.loginCode !== null,
    protocolKey: plan ? `${plan.protocolId}@${plan.protocolVersion}` : null,
    protocolName: plan ? (PROTOCOLS.find((p) => p.id === plan.protocolId)?.name ?? plan.protocolId) : null,
    startDate: plan?.startDate ?? null,
    state: now?.state ?? null,
    medUg: now?.medUg ?? null,
    todayUg: todayAssessment?.next.totalUg ?? (plan ? (now?.next.totalUg ?? null) : null),
    lastCheckIn,
    daysSinceCheckIn: daysSince,
    alerts: now?.alerts ?? [],
    ...acknowledging(
      attentionFor(records, now, date, lastCheckIn, daysSince).sort((a, b) => a.priority - b.priority),
      records.acks ?? [],
    ),
  };
}

/** Splits the flags into those still to deal with and those acknowledged with nothing new since. */
function acknowledging(
  all: readonly Attention[],
  acks: readonly AttentionAck[],
): { attention: Attention[]; acknowledged: AcknowledgedAttention[] } {
  const attention: Attention[] = [];
  const acknowledged: AcknowledgedAttention[] = [];
  for (const item of all) {
    const ack = item.acknowledgeable
      ? acks.filter((k) => k.code === item.code && item.facts.every((f) => k.facts.includes(f))).at(-1)
      : undefined;
    if (ack)
      acknowledged.push({
        code: item.code,
        message: item.message,
        by: ack.by,
        byName: ack.byName,
        at: ack.at,
      });
    else attention.push(item);
  }
  return { attention, acknowledged };
}

/**
 * What the opioid interaction flag says of a patient: the opioids recorded at screening and
 * their MME a day; empty when none. A plan started with the interaction acknowledged
 * acknowledges these.
 *
 * @example opioidFacts(patient) // ["opioids: oxycodone 10mg x3", "mme: 45"]
 */
export function opioidFacts(patient: Patient): string[] {
  const screening = storedScreening(patient);
  const opioids = screening.answers?.opioids ?? [];
  if (opioids.length === 0) return [];
  return [`opioids: ${opioids.join("; ")}`, `mme: ${screening.result?.mme?.totalMmePerDay ?? "none"}`];
}

function lastDiaryDateUpTo(records: PatientRecords, date: string): string | undefined {
  return records.diary
    .map((e) => e.date)
    .filter((d) => d <= date)
    .sort()
    .at(-1);
}

function attentionFor(
  records: PatientRecords,
  a: Assessment | null,
  today: string,
  lastCheckIn: string | null,
  daysSince: number | null,
): Attention[] {
  const out: Attention[] = [];
  const add = (code: AttentionCode, message: string, facts: readonly string[] = []) =>
    out.push({
      code,
      priority: ATTENTION_PRIORITY[code],
      message,
      facts,
      acknowledgeable: ACKNOWLEDGEABLE.has(code),
    });
  const plan = records.plans.at(-1);
  if (!plan) add("no-plan", "No plan yet: choose a protocol");
  if (a && a.alerts.length > 0) {
    const labels = [...new Set(a.alerts.map((x) => alertLabel(x.code)))].join("; ");
    add(
      "engine-alert",
      a.alerts.length === 1 ? `Alert: ${labels}` : `${a.alerts.length} alerts: ${labels}`,
      [...new Set(a.alerts.map((x) => `${x.code} on ${x.date}`))].sort(),
    );
  }
  if (a && recommendationWaiting(records, a, plan?.startDate))
    add("recommendation", `New recommendation to review: ${stateText(a)}`);
  const recent = records.diary
    .map(diaryDayOf)
    .filter(
      (d) => d.sideEffects.length > 0 && daysBetween(d.date, parseIsoDate(today)) <= RECENT_SIDE_EFFECT_DAYS,
    );
  if (recent.length > 0) {
    const effects = [...new Set(recent.flatMap((d) => d.sideEffects))].map((e) => SIDE_EFFECT_LABELS[e] ?? e);
    add(
      "side-effect",
      `Side effects in the last ${RECENT_SIDE_EFFECT_DAYS} days: ${effects.join(", ")}`,
      recent.flatMap((d) => d.sideEffects.map((e) => `${d.date}: ${e}`)),
    );
  }
  const screening = storedScreening(records.patient);
  const opioids = screening.answers?.opioids ?? [];
  if (opioids.length > 0) {
    const mme = screening.result?.mme?.totalMmePerDay;
    const load = mme === undefined ? "" : `, ${Math.round(mme * 10) / 10} MME/day`;
    add(
      "opioid-interaction",
      `On opioids (${opioids.join("; ")}${load}): naltrexone interaction`,
      opioidFacts(records.patient),
    );
  }
  // Acknowledged, a silence returns each further week.
  if (plan && daysSince !== null && daysSince >= MISSED_CHECK_IN_DAYS)
    add("missed-week", `No check-in for ${daysSince} days`, [
      `last check-in: ${lastCheckIn}`,
      `weeks: ${Math.floor(daysSince / 7)}`,
    ]);
  const sinceStart = plan ? daysBetween(parseIsoDate(plan.startDate), parseIsoDate(today)) : 0;
  if (plan && daysSince === null && sinceStart >= MISSED_CHECK_IN_DAYS) {
    add("missed-week", "No check-in since the plan started", [
      `plan start: ${plan.startDate}`,
      `weeks: ${Math.floor(sinceStart / 7)}`,
    ]);
  }
  if (a && (a.state === "med" || a.state === "maintenance") && a.decidedOn) {
    const due = addDays(a.decidedOn, OUTCOME_DUE_DAYS_AFTER_MED);
    const answeredSince = records.questionnaires.some((q) => q.answeredOn >= due);
    if (today >= due && !answeredSince)
      // 004: outcomes again at least 4 weeks after the MED; the source stays out of the clinician's words.
      add("questionnaire-due", `Outcome questionnaire due since ${due} (4 weeks after the MED)`, [
        `due: ${due}`,
      ]);
  }
  return out;
}

/**
 * A recommendation waits when the engine's state is not one the clinician has already decided
 * on: the last decision was about a different state (or there is none, past titrating). Before
 * the plan's first day nothing waits: the plan itself is the clinician's decision, and the
 * engine has no day of it to recommend on.
 */
export function recommendationWaiting(
  records: Pick<PatientRecords, "recommendations" | "decisions">,
  a: Assessment,
  startDate?: string,
): boolean {
  if (startDate !== undefined && a.asOf < startDate) return false;
  const decided = new Set(records.decisions.map((d) => d.recommendationId));
  const lastDecided = [...records.recommendations]
    .filter((r) => decided.has(r.id))
    .sort((x, y) => (x.createdAt < y.createdAt ? -1 : 1))
    .at(-1);
  if (!lastDecided) return a.state !== "titrating";
  // The state the decision settled: for an override, the one it led to.
  const settled = (lastDecided.body as { settled?: { state: string; medUg: number | null } }).settled ?? {
    state: lastDecided.state,
    medUg: (lastDecided.body as { medUg?: number | null }).medUg ?? null,
  };
  return settled.state !== a.state || settled.medUg !== a.medUg;
}

const STATE_WORDS: Readonly<Record<Assessment["state"], string>> = {
  titrating: "titrating",
  window: "in the window",
  med: "MED set",
  paused: "paused",
  stopped: "stopped",
  maintenance: "maintenance",
};

/**
 * What follows the state's own label on screen, never repeating it ("In the window" then
 * "from 0.6 mg", not "In the window in the window from 0.6 mg").
 *
 * @example stateDetail(a) // "from 0.6 mg"
 */
export function stateDetail(a: Assessment): string {
  const mg = (ug: number | null) => (ug === null ? "" : formatDose(ug));
  switch (a.state) {
    case "titrating":
      return `next ${mg(a.next.totalUg)} a day`;
    case "window":
      return `from ${mg(a.windowUg)}`;
    case "med":
      return `at ${mg(a.medUg)}`;
    case "paused":
      return `held at ${mg(a.next.totalUg)} a day`;
    case "stopped":
      return "no doses";
    case "maintenance":
      // Before the first dose the current dose is 0: the maintenance dose is the next one.
      return `at ${mg(a.medUg ?? (a.currentUg > 0 ? a.currentUg : a.next.totalUg))}`;
  }
}

/** @example stateText(a) // "MED set at 0.7 mg" */
export function stateText(a: Assessment): string {
  // "paused, held at 0.8 mg a day" and "stopped: no doses" read as a sentence; the others flow on.
  const joint = a.state === "paused" || a.state === "titrating" ? ", " : a.state === "stopped" ? ": " : " ";
  return `${STATE_WORDS[a.state]}${joint}${stateDetail(a)}`;
}
