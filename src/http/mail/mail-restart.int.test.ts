/**
 * The outbox outlives the server (issue 12): a reminder written to the outbox while the server
 * runs, the server killed (kill -9) before it is due, started again: the message arrives, once.
 * The real server runs as a child process (`ldn serve`), its dispatcher polling every second.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import { openStore } from "../../store/sql-store.ts";
import { freePort, startServerProcess, type ServerProcess } from "../testing/server-process.ts";
import { startSmtpTestServer, type SmtpTestServer } from "../testing/smtp-test-server.ts";

const PASSWORD = "smtp secret for the restart test";
const ENV = { LDN_SMTP_PASSWORD: PASSWORD, LDN_MAIL_POLL_SECONDS: "1" };

describe("the outbox through a restart", () => {
  let dir: string;
  let smtp: SmtpTestServer;
  let running: ServerProcess | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "ldn-mail-"));
    smtp = await startSmtpTestServer({ user: "ldn", password: PASSWORD });
  });
  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill("SIGKILL");
      await running.exited;
    }
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends a message queued before a kill -9 once the server is back, and only once", async () => {
    const db = join(dir, "ldn.sqlite");
    const port = await freePort();
    // The server's own first run makes the database; then a clinic with SMTP and one message
    // due a few seconds ahead is written while it runs, and the server is killed before then.
    running = await startServerProcess(db, port, ENV);
    const store = await openStore({ kind: "sqlite", path: db });
    const dueAt = new Date(Date.now() + 4_000).toISOString();
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
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
      expect(
        await tx.outbox.enqueue({
          clinicId: clinic.id,
          patientId: null,
          kind: "test",
          dedupeKey: "restart-test",
          to: "someone@example.org",
          subject: "Queued before the kill",
          text: "Sent after the restart.",
          dueAt,
        }),
      ).toBe(true);
    });
    await store.close();
    running.child.kill("SIGKILL");
    await running.exited;
    // Past the message's time with no server: nothing can have gone.
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(dueAt) - Date.now()) + 500));
    expect(smtp.received).toHaveLength(0);

    running = await startServerProcess(db, port, ENV);
    await smtp.waitFor(1, 20_000);
    await new Promise((r) => setTimeout(r, 3_000)); // three more rounds of the dispatcher
    expect(smtp.received.map((m) => m.subject)).toEqual(["Queued before the kill"]);

    running.child.kill("SIGTERM");
    await running.exited;
    const after = await openStore({ kind: "sqlite", path: db });
    const sent = await after.transaction(SYSTEM_ACTOR, (tx) => tx.outbox.due("9999-12-31T00:00:00.000Z", 10));
    await after.close();
    expect(sent).toEqual([]); // marked sent: nothing left to send
  }, 120_000);
});
