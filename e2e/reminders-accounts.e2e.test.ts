/**
 * Reminders and accounts in a real chromium against the real server process (issue 12): the
 * patient makes a private calendar link on their phone, copies it, and the feed fetched with no
 * session parses with ical.js and holds today's dose times; the password page refuses
 * "password" at its field, then takes a good one; the administrator sets the clinic's phone in
 * clinic settings and it is on the printed schedule, where no citation or clinic-setting note is.
 */
import ICAL from "ical.js";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { scryptHasher } from "../src/crypto/scrypt-hasher.ts";
import { openStore } from "../src/store/sql-store.ts";
import { signInOnPage } from "./browser.ts";
import {
  CLINICIAN,
  PATIENT_PASSWORD,
  enrolPatient,
  isoDaysAgo,
  joinOnPhone,
  seedClinician,
  send,
  shot,
  startClinic,
  type Clinic,
} from "./clinic.ts";

const ADMIN = { email: "admin@riverside.example", password: "admin password 1" };
const NEW_PASSWORD = "violet kettle harbour";

/** The first administrator, written into the clinic seedClinician made. */
async function seedAdministrator(db: string): Promise<void> {
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    const passwordHash = await scryptHasher(10).hash(ADMIN.password);
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const [clinic] = await tx.clinics.list();
      await tx.staff.create({
        clinicId: clinic!.id,
        email: ADMIN.email,
        displayName: "A. Admin",
        role: "administrator",
        passwordHash,
      });
    });
  } finally {
    await store.close();
  }
}

describe("reminders and accounts in a real browser", { timeout: 120_000 }, () => {
  let clinic: Clinic;
  let phone: BrowserContext;
  let patientId: string;
  let loginCode: string;
  const api = (path: string) => clinic.api(path);

  beforeAll(async () => {
    clinic = await startClinic("remind", {
      seed: async (db) => {
        await seedClinician(db);
        await seedAdministrator(db);
      },
    });
    const staff = await clinic.signIn();
    const invite = await enrolPatient(clinic, staff.request, "R. Remind", isoDaysAgo(9));
    patientId = invite.patientId;
    await staff.close();
    ({ phone, loginCode } = await joinOnPhone(clinic, invite.token));
    await phone.grantPermissions(["clipboard-read", "clipboard-write"], { origin: clinic.server.url });
  }, 120_000);

  afterAll(async () => {
    await clinic?.stop();
  });

  it("gives the patient a calendar link whose feed, fetched with no session, has today's dose times", async () => {
    const page = await phone.newPage();
    await page.goto(clinic.server.url);
    // The phone's page settled (its cards loaded) before the Reminders card is opened.
    await page.getByRole("heading", { name: "Your questionnaires" }).waitFor();
    await page.waitForLoadState("networkidle");
    await page.getByText("Reminders", { exact: true }).click();
    await page.getByRole("button", { name: "Make a calendar link" }).click();
    const url = (await page.getByTestId("calendar-url").textContent())!;
    expect(url).toMatch(new RegExp(`^${clinic.server.url}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await page.getByTestId("webcal-link").getAttribute("href")).toBe(url.replace(/^http:/, "webcal:"));
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByText("Copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await shot(page, "reminders-calendar-link");

    // A calendar app has no session: a fresh context with no cookie fetches it.
    const calendarApp = await clinic.browser.newContext();
    const res = await calendarApp.request.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/calendar");
    const events = new ICAL.Component(ICAL.parse(await res.text()) as unknown[])
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    await calendarApp.close();
    const today = isoDaysAgo(0);
    const pad = (n: number) => String(n).padStart(2, "0");
    const todays = events
      .filter((e) => `${e.startDate.year}-${pad(e.startDate.month)}-${pad(e.startDate.day)}` === today)
      .map((e) => `${pad(e.startDate.hour)}:${pad(e.startDate.minute)}`);
    const planned = (await (await phone.request.get(api(`/api/patients/${patientId}/today`))).json()) as {
      today: { doses: { time: string }[] };
    };
    expect(planned.today.doses.length).toBeGreaterThan(0);
    expect(todays).toEqual(planned.today.doses.map((d) => d.time));
    await page.close();
  });

  it("names the clinic on the join page, and copies the login code once joined", async () => {
    const staff = await clinic.signIn();
    const id = (
      await send<{ id: string }>(staff.request, api("/api/patients"), {
        displayName: "J. Oiner",
        screening: {
          ageYears: 40,
          painMonths: 24,
          pregnancy: "no",
          opioids: [],
          mustStayOnOpioids: false,
          riskFactors: ["centralized-pain"],
        },
      })
    ).id;
    const invite = await send<{ token: string }>(staff.request, api(`/api/patients/${id}/invitations`), {});
    await staff.close();
    const joiner = await clinic.browser.newContext({ viewport: { width: 390, height: 844 } });
    await joiner.grantPermissions(["clipboard-read", "clipboard-write"], { origin: clinic.server.url });
    const page = await joiner.newPage();
    await page.goto(`${clinic.server.url}/join#${invite.token}`);
    await page.getByRole("heading", { name: "Join Riverside Pain Clinic" }).waitFor();
    await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("The same password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Join" }).click();
    expect(await page.getByTestId("join-clinic").textContent()).toBe(
      "You have joined Riverside Pain Clinic.",
    );
    const code = (await page.getByTestId("login-code").textContent())!.trim();
    await page.getByRole("button", { name: "Copy login code" }).click();
    await page.getByText("Copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await shot(page, "join-login-code");
    await joiner.close();
  });

  it("refuses 'password' at the new password's field, then takes a good one", async () => {
    const page = await phone.newPage();
    await page.goto(`${clinic.server.url}/password`);
    await page.getByLabel("Current password").fill(PATIENT_PASSWORD);
    await page.getByLabel(/^New password/).fill("password");
    await page.getByLabel("The new password again").fill("password");
    await page.getByRole("button", { name: "Change password" }).click();
    const note = page.locator("#newPassword-error");
    await note.waitFor();
    expect(await note.textContent()).toMatch(/too common/);
    expect(await page.getByLabel(/^New password/).getAttribute("aria-invalid")).toBe("true");
    await shot(page, "password-common-refused");

    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByLabel("The new password again").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your password is changed").waitFor();
    expect(await page.locator("#newPassword-error").count()).toBe(0);
    const fresh = await clinic.browser.newContext();
    expect(
      (
        await fresh.request.post(api("/api/session"), { data: { login: loginCode, password: NEW_PASSWORD } })
      ).status(),
    ).toBe(200);
    expect(
      (
        await fresh.request.post(api("/api/session"), {
          data: { login: loginCode, password: PATIENT_PASSWORD },
        })
      ).status(),
    ).toBe(401);
    await fresh.close();
    await page.close();
  });

  it("puts the phone the administrator sets on the printed schedule, with no citation or clinic-setting note", async () => {
    const adminContext = await clinic.browser.newContext();
    const admin = await adminContext.newPage();
    await admin.goto(clinic.server.url);
    await signInOnPage(admin, ADMIN.email, ADMIN.password);
    await admin.getByRole("link", { name: "Clinic", exact: true }).click();
    await admin.getByLabel("Phone number patients call").fill("555 0142");
    await admin.getByRole("button", { name: "Save clinic settings" }).click();
    await admin.getByText("Saved.").waitFor();
    await shot(admin, "clinic-settings");
    await adminContext.close();

    const page = await phone.newPage();
    await page.goto(`${clinic.server.url}/schedule`);
    const contact = page.getByTestId("clinic-contact");
    await contact.waitFor();
    expect(await contact.textContent()).toBe("Riverside Pain Clinic · Questions? Call 555 0142");
    await page.emulateMedia({ media: "print" });
    expect(await contact.isVisible()).toBe(true);
    const printed = (await page.locator("main").innerText()).toLowerCase();
    expect(printed).not.toMatch(/source|clinic setting|micro-titration@/);
    await shot(page, "schedule-printed-with-clinic-phone");
    await page.close();

    // The clinician still sees the citation on screen, and it is not printed.
    const staff = await clinic.browser.newContext();
    const chart = await staff.newPage();
    await chart.goto(clinic.server.url);
    await signInOnPage(chart, CLINICIAN.email, CLINICIAN.password);
    await chart.goto(`${clinic.server.url}/patients/${patientId}/schedule`);
    const notes = chart.getByTestId("clinician-notes");
    await notes.waitFor();
    expect(await notes.isVisible()).toBe(true);
    await chart.emulateMedia({ media: "print" });
    expect(await notes.isVisible()).toBe(false);
    expect(await chart.getByTestId("clinic-contact").textContent()).toContain("555 0142");
    await staff.close();
  });
});
