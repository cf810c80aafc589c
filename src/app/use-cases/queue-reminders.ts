/**
 * Puts the emails patients chose into the outbox (issue 12): a reminder at each of today's and
 * tomorrow's dose times still ahead, and a notice when a questionnaire is due. Queued ahead of
 * time, each under a key of what it is about, so looking again (every few minutes, or after a
 * restart) queues nothing twice; the outbox sends each when it is due. Only for clinics that
 * have an SMTP server set.
 */
import { SYSTEM_ACTOR } from "../ports/actor.ts";
import type { ClinicSettings } from "../ports/clinic-settings-repository.ts";
import type { OutgoingMail } from "../ports/outbox-repository.ts";
import type { ReminderRecipient } from "../ports/reminder-preferences-repository.ts";
import type { Repositories, Store } from "../ports/store.ts";
import { addDays, parseIsoDate } from "../../domain/calendar-date.ts";
import { formatDose } from "../../domain/dose.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { doseReminderMail, questionnaireNoticeMail } from "../../domain/reminders/reminder-mail.ts";
import { assessRecord, loadPatientRecord } from "./assess-patient.ts";
import { questionnaireDue } from "./questionnaire-due.ts";
import { dosesDue } from "./tick-dose.ts";

export interface QueueTime {
  /** The current instant. */
  readonly now: Date;
  /** The clinic's calendar date today, YYYY-MM-DD. */
  readonly today: string;
  /** The instant of a wall-clock time on a date in the clinic's zone. */
  instantOf(date: string, time: string): Date;
}

/**
 * Queues what is due for every patient who chose email; returns how many were queued now.
 *
 * @example await queueReminders(store, { now, today: "2027-01-10", instantOf }) // 3
 */
export async function queueReminders(store: Store, time: QueueTime): Promise<number> {
  const recipients = await store.transaction(SYSTEM_ACTOR, (tx) => tx.reminders.recipients());
  let queued = 0;
  for (const r of recipients) {
    queued += await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinicSettings.get(r.clinicId);
      if (!clinic || clinic.smtp.host === "") return 0;
      let n = 0;
      for (const mail of await mailsFor(tx, r, clinic, time)) if (await tx.outbox.enqueue(mail)) n++;
      return n;
    });
  }
  return queued;
}

/** The patient's dose reminders still ahead today and tomorrow, and a notice if one is due. */
async function mailsFor(
  tx: Repositories,
  r: ReminderRecipient,
  clinic: ClinicSettings,
  time: QueueTime,
): Promise<OutgoingMail[]> {
  const record = await loadPatientRecord(tx, r.patientId);
  if (!record.plan) return [];
  const unit = getProtocol(record.plan.protocolId).unit;
  const base = { clinicId: r.clinicId, patientId: r.patientId, to: r.email };
  const mails: OutgoingMail[] = [];
  if (r.doseReminders) {
    const today = parseIsoDate(time.today);
    for (const date of [today, addDays(today, 1)]) {
      for (const dose of dosesDue(record, date)) {
        const at = time.instantOf(date, dose.time);
        if (at.getTime() < time.now.getTime()) continue; // a time already past is not reminded late
        mails.push({
          ...base,
          kind: "dose-reminder",
          dedupeKey: `dose:${r.patientId}:${date}:${dose.time}`,
          ...mailOf(doseReminderMail(clinic, formatDose(dose.ug, unit), dose.time)),
          dueAt: at.toISOString(),
        });
      }
    }
  }
  if (r.questionnaireNotices) {
    const answered = (await tx.questionnaires.listForPatient(r.patientId)).map((q) => q.answeredOn);
    const due = questionnaireDue(
      assessRecord(record, addDays(parseIsoDate(time.today), -1)),
      record.plan.startDate,
      answered,
      time.today,
    );
    if (due)
      mails.push({
        ...base,
        kind: "questionnaire-due",
        dedupeKey: `questionnaire:${r.patientId}:${due.kind}:${due.since}`,
        ...mailOf(questionnaireNoticeMail(clinic)),
        dueAt: time.now.toISOString(),
      });
  }
  return mails;
}

const mailOf = (m: { subject: string; text: string }) => ({ subject: m.subject, text: m.text });
