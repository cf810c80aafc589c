/**
 * Email reminders through a real SMTP server started here (smtp-server), each message read back
 * with mailparser: a patient who chose them gets one at each dose time (not before, never twice)
 * and a notice when a questionnaire is due, from the clinic's address, signed with its name and
 * number; a server that refuses is tried again later, doubling the wait.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queueReminders } from "../../app/use-cases/queue-reminders.ts";
import { sendDueMail } from "../../app/use-cases/send-due-mail.ts";
import { DIALECTS } from "../../store/testing/test-databases.ts";
import { startSmtpTestServer, type SmtpTestServer } from "../testing/smtp-test-server.ts";
import {
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "../testing/test-server.ts";
import { todayIn } from "../today.ts";
import { smtpMailer } from "./smtp-mailer.ts";

const PASSWORD = "smtp secret for the test";
let now = new Date(2027, 0, 10, 7, 59);
const clock = { now: () => now };

const instantOf = (date: string, time: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm);
};

for (const dialect of DIALECTS) {
  describe(`email reminders on ${dialect}`, () => {
    let server: TestServer;
    let smtp: SmtpTestServer;
    let north: ClinicFixture;
    let clinician: TestClient;
    let patient: { patientId: string; patient: TestClient };

    const queue = () => queueReminders(server.store, { now, today: todayIn(clock), instantOf });
    const sender = { mailer: smtpMailer(), password: PASSWORD, id: "the test's dispatcher" };
    const send = () => sendDueMail(server.store, sender, clock);

    beforeEach(async () => {
      now = new Date(2027, 0, 10, 7, 59);
      smtp = await startSmtpTestServer({ user: "ldn", password: PASSWORD });
      server = await startTestServer(dialect, { clock });
      north = await seedClinic(server.store, "north");
      clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      const admin = server.client();
      await admin.login(north.staff.administrator.email);
      expect(
        (
          await admin.request("PUT", "/api/clinic/settings", {
            name: "Riverside Pain Clinic",
            phone: "555 0100",
            smtp: {
              host: "127.0.0.1",
              port: smtp.port,
              secure: false,
              user: "ldn",
              from: "ldn@riverside.example",
            },
          })
        ).status,
      ).toBe(200);
      patient = await enrolAndJoin(server, clinician, "R. Mail");
      expect(
        (
          await clinician.post(`/api/patients/${patient.patientId}/plans`, {
            protocolId: "micro-titration",
            startDate: "2027-01-04",
          })
        ).status,
      ).toBe(201);
    });
    afterEach(async () => {
      await server.close();
      await smtp.close();
    });

    const optIn = (doseReminders: boolean, questionnaireNotices: boolean) =>
      patient.patient.request("PUT", `/api/patients/${patient.patientId}/reminders`, {
        email: "r.mail@example.org",
        doseReminders,
        questionnaireNotices,
      });

    it("sends a dose reminder at its time, not before, and once however often the outbox is looked at", async () => {
      expect((await optIn(true, false)).status).toBe(200);
      const today = await patient.patient.get<{ today: { doses: { time: string; dose: string }[] } }>(
        `/api/patients/${patient.patientId}/today`,
      );
      const first = today.body.today.doses[0]!;
      expect(first.time).toBe("08:00");
      expect(await queue()).toBeGreaterThan(0);
      expect(await queue()).toBe(0); // the same reminders are not queued twice
      expect(await send()).toEqual({ sent: 0, failed: 0 }); // 07:59: nothing due yet
      expect(smtp.received).toHaveLength(0);

      now = new Date(2027, 0, 10, 8, 0, 30);
      expect(await send()).toEqual({ sent: 1, failed: 0 });
      expect(await send()).toEqual({ sent: 0, failed: 0 });
      await queue();
      expect(await send()).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.from?.text).toBe("ldn@riverside.example");
      expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("r.mail@example.org");
      expect(mail.subject).toBe(`Time for your naltrexone: ${first.dose} at 08:00`);
      expect(mail.text).toContain("Riverside Pain Clinic\n555 0100");
      const row = await server.database.db
        .selectFrom("outbox")
        .selectAll()
        .where("sent_at", "is not", null)
        .execute();
      expect(row.map((r) => r.kind)).toEqual(["dose-reminder"]);
    });

    it("sends a questionnaire notice when one is due, and nothing to a patient who chose nothing", async () => {
      expect((await optIn(false, false)).status).toBe(200);
      expect(await queue()).toBe(0);
      expect((await optIn(false, true)).status).toBe(200);
      expect(await queue()).toBe(1);
      expect(await send()).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received.map((m) => m.subject)).toEqual(["A questionnaire is due"]);
      expect(await queue()).toBe(0);
    });

    it("tries again after a refusal, a minute later, then two, and sends once the server takes it", async () => {
      expect((await optIn(false, true)).status).toBe(200);
      await queue();
      smtp.refuseNext(2);
      expect(await send()).toEqual({ sent: 0, failed: 1 });
      const start = now.getTime();
      now = new Date(start + 59_000);
      expect(await send()).toEqual({ sent: 0, failed: 0 }); // not yet: a minute's wait
      now = new Date(start + 61_000);
      expect(await send()).toEqual({ sent: 0, failed: 1 });
      const row = await server.database.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
      expect(Number(row.attempts)).toBe(2);
      expect(row.last_error).toContain("451");
      expect(row.next_attempt_at).toBe(new Date(start + 61_000 + 120_000).toISOString());
      now = new Date(start + 61_000 + 121_000);
      expect(await send()).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const failures = await server.database.db
        .selectFrom("audit_events")
        .select(["action", "outcome", "patient_id"])
        .where("action", "like", "outbox.%")
        .orderBy("id")
        .execute();
      expect(failures.map((e) => `${e.action}:${e.outcome}`)).toEqual([
        "outbox.enqueue:success",
        "outbox.failed:failure",
        "outbox.failed:failure",
        "outbox.sent:success",
      ]);
      expect(failures.every((e) => e.patient_id === patient.patientId)).toBe(true);
    });

    it("sends nothing, and queues nothing, for a clinic with no SMTP server", async () => {
      const admin = server.client();
      await admin.login(north.staff.administrator.email);
      await admin.request("PUT", "/api/clinic/settings", {
        name: "Riverside Pain Clinic",
        phone: "",
        smtp: { host: "", port: 587, secure: false, user: "", from: "" },
      });
      expect((await optIn(true, true)).status).toBe(200);
      expect(await queue()).toBe(0);
    });
  });
}
