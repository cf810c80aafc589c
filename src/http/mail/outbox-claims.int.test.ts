/**
 * One outbox, several dispatchers (issue 14): each server process runs one, on the same
 * database. Two stores on one database stand for two processes here (the claim is the
 * database's, so it holds across connections as across processes): every message reaches the
 * real SMTP server exactly once, a message claimed by a dispatcher that died goes once its lease
 * lapses, and the same reminder queued by both is queued once. The same with real server
 * processes on PostgreSQL is in multi-server.int.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import type { OutgoingMail } from "../../app/ports/outbox-repository.ts";
import type { Store } from "../../app/ports/store.ts";
import { sendDueMail } from "../../app/use-cases/send-due-mail.ts";
import { openStore } from "../../store/sql-store.ts";
import { DIALECTS, testDatabaseConfig, type TestDatabaseConfig } from "../../store/testing/test-databases.ts";
import { startSmtpTestServer, type SmtpTestServer } from "../testing/smtp-test-server.ts";
import { smtpMailer } from "./smtp-mailer.ts";

const PASSWORD = "smtp secret for the claims test";
const MESSAGES = 30;
const LEASE_MS = 60_000;
const T0 = new Date("2027-01-10T09:00:00.000Z");

for (const dialect of DIALECTS) {
  describe(`one outbox, two dispatchers, on ${dialect}`, () => {
    let database: TestDatabaseConfig;
    let smtp: SmtpTestServer;
    let one: Store;
    let two: Store;
    let clinicId: string;

    const mail = (n: number): OutgoingMail => ({
      clinicId,
      patientId: null,
      kind: "test",
      dedupeKey: `claims-${n}`,
      to: `patient${n}@example.org`,
      subject: `Message ${n}`,
      text: `Body ${n}`,
      dueAt: T0.toISOString(),
    });
    const sender = (id: string) => ({ mailer: smtpMailer(), password: PASSWORD, id, leaseMs: LEASE_MS });
    const at = (ms: number) => ({ now: () => new Date(T0.getTime() + ms) });

    beforeEach(async () => {
      database = testDatabaseConfig(dialect);
      smtp = await startSmtpTestServer({ user: "ldn", password: PASSWORD });
      one = await openStore(database.config);
      two = await openStore(database.config);
      clinicId = await one.transaction(SYSTEM_ACTOR, async (tx) => {
        const clinic = await tx.clinics.create({ name: "Riverside Pain Clinic" });
        await tx.clinicSettings.save({
          clinicId: clinic.id,
          name: "Riverside Pain Clinic",
          phone: "555 0100",
          smtp: {
            host: "127.0.0.1",
            port: smtp.port,
            secure: false,
            user: "ldn",
            from: "ldn@riverside.example",
          },
        });
        return clinic.id;
      });
    });
    afterEach(async () => {
      await one.close();
      await two.close();
      await smtp.close();
      await database.cleanup();
    });

    it(`delivers each of ${MESSAGES} messages exactly once when both dispatchers send at the same time`, async () => {
      await one.transaction(SYSTEM_ACTOR, async (tx) => {
        for (let n = 0; n < MESSAGES; n++) await tx.outbox.enqueue(mail(n));
      });
      const [a, b] = await Promise.all([
        sendDueMail(one, sender("dispatcher one"), at(1_000)),
        sendDueMail(two, sender("dispatcher two"), at(1_000)),
      ]);
      expect(a.sent + b.sent).toBe(MESSAGES);
      expect(a.failed + b.failed).toBe(0);
      // Both took a share: the claim, not one dispatcher finishing first, kept them apart.
      expect(Math.min(a.sent, b.sent)).toBeGreaterThan(0);
      const subjects = smtp.received.map((m) => m.subject).sort();
      const expected = Array.from({ length: MESSAGES }, (_, n) => `Message ${n}`).sort();
      expect(subjects).toEqual(expected);
      expect(await sendDueMail(two, sender("dispatcher two"), at(LEASE_MS * 10))).toEqual({
        sent: 0,
        failed: 0,
      });
    });

    it("sends a message claimed by a dispatcher that died only once its lease has lapsed", async () => {
      await one.transaction(SYSTEM_ACTOR, (tx) => tx.outbox.enqueue(mail(1)));
      // A dispatcher claims the message, then dies before sending it.
      const claimed = await one.transaction(SYSTEM_ACTOR, (tx) =>
        tx.outbox.claimNext(
          at(1_000).now().toISOString(),
          "dead",
          at(1_000 + LEASE_MS)
            .now()
            .toISOString(),
        ),
      );
      expect(claimed?.subject).toBe("Message 1");
      expect(await sendDueMail(two, sender("survivor"), at(LEASE_MS))).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received).toHaveLength(0);
      expect(await sendDueMail(two, sender("survivor"), at(LEASE_MS + 2_000))).toEqual({
        sent: 1,
        failed: 0,
      });
      expect(smtp.received.map((m) => m.subject)).toEqual(["Message 1"]);
    });

    it("keeps the retry's wait after a refusal, whichever dispatcher tries next", async () => {
      await one.transaction(SYSTEM_ACTOR, (tx) => tx.outbox.enqueue(mail(2)));
      smtp.refuseNext(1);
      expect(await sendDueMail(one, sender("dispatcher one"), at(0))).toEqual({ sent: 0, failed: 1 });
      // The claim ended with the failure; the next try waits its minute, on either dispatcher.
      expect(await sendDueMail(two, sender("dispatcher two"), at(59_000))).toEqual({ sent: 0, failed: 0 });
      expect(await sendDueMail(two, sender("dispatcher two"), at(61_000))).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
    });

    it("queues the same reminder once when both processes queue it at the same time", async () => {
      const queued = await Promise.all(
        [one, two, one, two].map((store) =>
          store.transaction(SYSTEM_ACTOR, (tx) => tx.outbox.enqueue(mail(3))),
        ),
      );
      expect(queued.filter(Boolean)).toHaveLength(1);
      const due = await one.transaction(SYSTEM_ACTOR, (tx) =>
        tx.outbox.due(at(LEASE_MS).now().toISOString(), 10),
      );
      expect(due.map((m) => m.dedupeKey)).toEqual(["claims-3"]);
    });
  });
}
