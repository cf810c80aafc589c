/**
 * The private calendar feed (issue 12): made by the patient or their clinician, fetched with no
 * session (the secret in the URL is the credential), built afresh from the doses as they stand,
 * stopped by a new feed or a revocation, its secret never stored, every fetch audited; and the
 * clinic settings and reminder choices around it, each open only to whom it should be.
 */
import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readPdf } from "../documents/read-pdf.testing.ts";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

/**
 * From noon on 2027-01-10 in the server's zone (the tests' "today"), a second later at each
 * look, so a plan started later is the later plan.
 */
let ticks = 0;
const clock = { now: () => new Date(new Date(2027, 0, 10, 12).getTime() + ++ticks * 1000) };

type ErrorBody = { error: { code: string; message: string; field?: string } };

/** Each event's local start as "YYYY-MM-DD HH:MM" and its summary. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    const t = e.startDate;
    const pad = (n: number) => String(n).padStart(2, "0");
    return {
      at: `${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}`,
      summary: e.summary,
      uid: e.uid,
    };
  });
}

for (const dialect of DIALECTS) {
  describe(`calendar feed on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    let south: ClinicFixture;
    let clinician: TestClient;
    let anonymous: TestClient;

    beforeEach(async () => {
      server = await startTestServer(dialect, { clock });
      north = await seedClinic(server.store, "north");
      south = await seedClinic(server.store, "south");
      clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      anonymous = server.client();
    });
    afterEach(() => server.close());

    const startPlan = async (patientId: string, startDate: string, protocolId = "micro-titration") =>
      expect(
        (
          await clinician.post(`/api/patients/${patientId}/plans`, {
            protocolId,
            startDate,
          })
        ).status,
      ).toBe(201);

    it("serves the patient's doses from today at their times, follows a change of plan, and stops when replaced or revoked", async () => {
      const a = await enrolAndJoin(server, clinician, "A. Feed");
      await startPlan(a.patientId, "2027-01-04");
      const made = await a.patient.post<{ path: string }>(`/api/patients/${a.patientId}/calendar`, {});
      expect(made.status).toBe(201);
      expect(made.body.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

      const feed = await anonymous.get<string>(made.body.path);
      expect(feed.status).toBe(200);
      expect(feed.headers.get("content-type")).toContain("text/calendar");
      const today = await a.patient.get<{ today: { doses: { time: string; dose: string }[] } }>(
        `/api/patients/${a.patientId}/today`,
      );
      const events = eventsOf(feed.body);
      const todays = events.filter((e) => e.at.startsWith("2027-01-10"));
      expect(todays.map((e) => e.at.slice(11))).toEqual(today.body.today.doses.map((d) => d.time));
      expect(todays.map((e) => e.summary)).toEqual(
        today.body.today.doses.map((d, i, all) => `Naltrexone ${d.dose} (dose ${i + 1} of ${all.length})`),
      );
      expect(events.every((e) => e.at >= "2027-01-10")).toBe(true);
      expect(new Set(events.map((e) => e.at.slice(0, 10))).size).toBe(14);

      // A new plan from today: the same URL now carries its doses, not the old plan's.
      await startPlan(a.patientId, "2027-01-10", "ldn-once-daily");
      const changed = eventsOf((await anonymous.get<string>(made.body.path)).body);
      const day1 = await a.patient.get<{ today: { doses: { time: string; dose: string }[] } }>(
        `/api/patients/${a.patientId}/today`,
      );
      expect(changed.filter((e) => e.at.startsWith("2027-01-10")).map((e) => e.summary)).toEqual(
        day1.body.today.doses.map((d, i, all) => `Naltrexone ${d.dose} (dose ${i + 1} of ${all.length})`),
      );
      expect(changed.map((e) => e.summary)).not.toEqual(events.map((e) => e.summary));

      // The clinician makes a new one: the old URL is dead, the new one works.
      const rotated = await clinician.post<{ path: string }>(`/api/patients/${a.patientId}/calendar`, {});
      expect((await anonymous.get(made.body.path)).status).toBe(404);
      expect((await anonymous.get(rotated.body.path)).status).toBe(200);
      expect((await a.patient.get(`/api/patients/${a.patientId}/calendar`)).body).toMatchObject({
        active: true,
      });

      expect((await a.patient.request("DELETE", `/api/patients/${a.patientId}/calendar`)).status).toBe(200);
      expect((await anonymous.get(rotated.body.path)).status).toBe(404);
      expect((await a.patient.get(`/api/patients/${a.patientId}/calendar`)).body).toEqual({
        active: false,
        createdAt: null,
      });
    });

    it("keeps only the secret's hash, and audits each fetch as the patient and each unknown one as a failure", async () => {
      const a = await enrolAndJoin(server, clinician, "A. Hash");
      await startPlan(a.patientId, "2027-01-04");
      const made = await a.patient.post<{ path: string }>(`/api/patients/${a.patientId}/calendar`, {});
      const token = made.body.path.slice("/api/calendar/".length, -".ics".length);
      const rows = await server.database.db.selectFrom("calendar_feeds").selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(token);

      await anonymous.get(made.body.path);
      await anonymous.get(`/api/calendar/${"y".repeat(43)}.ics`);
      const fetches = await server.database.db
        .selectFrom("audit_events")
        .selectAll()
        .where("action", "=", "calendar.fetch")
        .orderBy("id")
        .execute();
      expect(fetches.map((e) => [e.actor_kind, e.actor_id, e.patient_id, e.outcome])).toEqual([
        ["patient", a.patientId, a.patientId, "success"],
        ["system", "ldn", null, "failure"],
      ]);
    });

    it("answers a feed before any plan with an empty calendar, and a malformed feed name with a 400 naming it", async () => {
      const a = await enrolAndJoin(server, clinician, "A. Early");
      const made = await a.patient.post<{ path: string }>(`/api/patients/${a.patientId}/calendar`, {});
      const feed = await anonymous.get<string>(made.body.path);
      expect(feed.status).toBe(200);
      expect(eventsOf(feed.body)).toEqual([]);
      const bad = await anonymous.get<ErrorBody>("/api/calendar/not-a-feed");
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("feed");
    });

    it("lets no other patient, nor another clinic's clinician, make, read or revoke a patient's feed", async () => {
      const a = await enrolAndJoin(server, clinician, "A. Mine");
      const b = await enrolAndJoin(server, clinician, "B. Other");
      const other = server.client();
      await other.login(south.staff.clinician.email);
      for (const who of [b.patient, other]) {
        expect((await who.post(`/api/patients/${a.patientId}/calendar`, {})).status).toBe(404);
        expect((await who.get(`/api/patients/${a.patientId}/calendar`)).status).toBe(404);
        expect((await who.request("DELETE", `/api/patients/${a.patientId}/calendar`)).status).toBe(404);
      }
      expect(await server.database.db.selectFrom("calendar_feeds").selectAll().execute()).toEqual([]);
    });

    it("lets only the administrator set the clinic's name, phone and SMTP, and shows everyone in the clinic the name and phone", async () => {
      const a = await enrolAndJoin(server, clinician, "A. Reader");
      const admin = server.client();
      await admin.login(north.staff.administrator.email);
      const body = {
        name: "Riverside Pain Clinic",
        phone: "+1 (555) 010-0199",
        smtp: {
          host: "smtp.riverside.example",
          port: 465,
          secure: true,
          user: "ldn",
          from: "ldn@riverside.example",
        },
      };
      expect((await clinician.request("PUT", "/api/clinic/settings", body)).status).toBe(403);
      expect((await clinician.get("/api/clinic/settings")).status).toBe(403);
      expect((await a.patient.request("PUT", "/api/clinic/settings", body)).status).toBe(403);
      const saved = await admin.request("PUT", "/api/clinic/settings", body);
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({ ...body, smtpPasswordSet: false });
      expect((await admin.get("/api/clinic/settings")).body).toEqual({ ...body, smtpPasswordSet: false });
      expect((await a.patient.get("/api/clinic")).body).toEqual({ name: body.name, phone: body.phone });
      const me = await a.patient.get<{ clinicName: string }>("/api/me");
      expect(me.body.clinicName).toBe(body.name);

      const badPhone = await admin.request<ErrorBody>("PUT", "/api/clinic/settings", {
        ...body,
        phone: "call <b>me</b>",
      });
      expect(badPhone.status).toBe(400);
      expect(badPhone.body.error.message).toContain("phone");
      const badFrom = await admin.request<ErrorBody>("PUT", "/api/clinic/settings", {
        ...body,
        smtp: { ...body.smtp, from: "not an address" },
      });
      expect(badFrom.status).toBe(400);
      expect(badFrom.body.error.message).toContain("from");
    });

    it("prints the clinic's name and the phone the administrator set on the patient's schedule PDF, with no citation or clinic-setting label", async () => {
      const a = await enrolAndJoin(server, clinician, "A. Print");
      await startPlan(a.patientId, "2027-01-04");
      const admin = server.client();
      await admin.login(north.staff.administrator.email);
      await admin.request("PUT", "/api/clinic/settings", {
        name: "Riverside Pain Clinic",
        phone: "555 0199",
        smtp: { host: "", port: 587, secure: false, user: "", from: "" },
      });
      const res = await server.app.request(
        `http://ldn.test/api/patients/${a.patientId}/schedule.pdf?days=14`,
        {
          headers: { cookie: a.patient.cookie! },
        },
      );
      expect(res.status).toBe(200);
      const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
      const text = pdf.text.join("\n");
      expect(text).toContain("Riverside Pain Clinic");
      expect(text).toContain("555 0199");
      expect(text).not.toMatch(/clinic setting|Source:|Protocol micro-titration@/i);
    });

    it("keeps a patient's email reminder choices, refusing reminders with no address", async () => {
      const a = await enrolAndJoin(server, clinician, "A. Mail");
      const none = await a.patient.request<ErrorBody>("PUT", `/api/patients/${a.patientId}/reminders`, {
        email: "",
        doseReminders: true,
        questionnaireNotices: false,
      });
      expect(none.status).toBe(400);
      expect(none.body.error.message).toContain("email");
      const set = await a.patient.request("PUT", `/api/patients/${a.patientId}/reminders`, {
        email: "a.mail@example.org",
        doseReminders: true,
        questionnaireNotices: true,
      });
      expect(set.status).toBe(200);
      expect((await clinician.get(`/api/patients/${a.patientId}/reminders`)).body).toEqual({
        email: "a.mail@example.org",
        doseReminders: true,
        questionnaireNotices: true,
        clinicSendsEmail: false,
      });
    });
  });
}
