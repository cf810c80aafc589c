/**
 * Stored XSS (issue 13) in a real browser against the real server process, the pages: hostile
 * text is stored through every free-text field a user can fill (e2e/stored-xss-clinic.ts);
 * screening's opioids and risk factors, a check-in's side effects and a flag's code are read
 * against catalogues and refuse it, and the refusal quoting it is shown. Every page that shows
 * the text is opened as each role: nothing runs (`window.__pwned` stays unset, no dialog opens,
 * no injected element or `javascript:` link exists) and the text is shown as text.
 * The printed and exported files are in stored-xss-files.e2e.test.ts.
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { get, isoDaysAgo, send, type Clinic } from "./clinic.ts";
import {
  ADDED,
  ADMIN,
  CLINIC,
  CLINICIAN,
  CORRECTED_NOTE,
  OPIOID_PATIENT_NAME,
  PATIENT_NAME,
  PHARMACIST,
  expectInert,
  hostile,
  startHostileClinic,
  watchedPage,
} from "./stored-xss-clinic.ts";

describe("stored XSS through every free-text field, in chromium: the pages", { timeout: 60_000 }, () => {
  let clinic: Clinic;
  let staff: BrowserContext;
  let phone: BrowserContext;
  let patientId = "";
  let opioidPatientId = "";

  beforeAll(async () => {
    ({ clinic, staff, phone, patientId, opioidPatientId } = await startHostileClinic());
  }, 120_000);

  afterAll(async () => {
    await clinic?.stop();
  });

  it("refuses hostile text where screening reads a catalogue, and stores it literally elsewhere", async () => {
    for (const screening of [
      { opioids: [hostile("Opioid")], riskFactors: [] },
      { opioids: [], riskFactors: [hostile("Risk")] },
    ]) {
      const res = await staff.request.post(clinic.api("/api/patients"), {
        data: {
          displayName: "Refused",
          screening: {
            ageYears: 40,
            painMonths: 12,
            pregnancy: "no",
            mustStayOnOpioids: false,
            ...screening,
          },
        },
      });
      expect(res.status(), await res.text()).toBeGreaterThanOrEqual(400);
      expect(res.status()).toBeLessThan(500);
    }
    const patients = await get<{ displayName: string }[]>(staff.request, clinic.api("/api/patients"));
    expect(patients.map((p) => p.displayName).sort()).toEqual([OPIOID_PATIENT_NAME, PATIENT_NAME].sort());
    const entries = await get<{ checkIn: { note?: string } }[]>(
      staff.request,
      clinic.api(`/api/patients/${patientId}/check-ins`),
    );
    expect(entries.map((e) => e.checkIn.note).filter(Boolean)).toEqual([CORRECTED_NOTE]);
    // Side effects and flags to acknowledge are read against catalogues: hostile text is refused.
    const sideEffect = await phone.request.post(clinic.api(`/api/patients/${patientId}/check-ins`), {
      data: { date: isoDaysAgo(2), doses: [], pain: 5, sideEffects: [hostile("SideEffect")] },
      headers: { "idempotency-key": "xss-side-effect" },
    });
    expect([400, 422]).toContain(sideEffect.status());
    const attention = await staff.request.post(clinic.api(`/api/patients/${patientId}/attention`), {
      data: { code: hostile("Code").slice(0, 50), facts: [hostile("Fact")] },
    });
    expect([400, 409, 422]).toContain(attention.status());
  });

  it("shows the clinician every page with the text as text: dashboard, chart, diary, screening, decisions, schedule, enrol", async () => {
    const { page, dialogs } = await watchedPage(staff);
    await page.goto(clinic.server.url);
    await page.getByRole("heading", { name: "Patients" }).waitFor();
    await page.getByRole("link", { name: PATIENT_NAME, exact: true }).waitFor();
    await expectInert(page, dialogs, [CLINIC, CLINICIAN.name, PATIENT_NAME, OPIOID_PATIENT_NAME]);

    // The chart with its diary, screening card and decisions.
    await page.getByRole("link", { name: PATIENT_NAME, exact: true }).click();
    await page.getByRole("heading", { name: "Decisions" }).waitFor();
    await page.getByText(/^Diary \(/).click();
    await page.getByText("corrected once").click();
    await page.getByText(hostile("Note"), { exact: false }).first().waitFor();
    await expectInert(page, dialogs, [
      PATIENT_NAME,
      hostile("Note"),
      hostile("Corrected"),
      hostile("Override"),
      CLINICIAN.name,
    ]);

    await page.goto(`${clinic.server.url}/patients/${patientId}/schedule`);
    await page.getByRole("heading", { name: /LDN schedule for/ }).waitFor();
    await expectInert(page, dialogs, [PATIENT_NAME]);

    // The opioid patient: screening card and the acknowledged interaction with its reason.
    await page.goto(`${clinic.server.url}/patients/${opioidPatientId}`);
    await page.getByText(/Opioid interaction acknowledged/).waitFor();
    await expectInert(page, dialogs, [OPIOID_PATIENT_NAME, hostile("Interaction"), CLINICIAN.name]);

    // The enrol form: hostile opioid text is refused, and the refusal quoting it is text.
    await page.goto(`${clinic.server.url}/patients/new`);
    await page.getByLabel("Name as shown to staff").fill(hostile("Enrol"));
    await page.getByLabel("Age (years)").fill("58");
    await page.getByLabel("Pain for (months)").fill("120");
    await page.getByLabel("Pregnant").selectOption("not-applicable");
    await page.getByLabel(/Opioids now/).fill(hostile("Opioid"));
    await page.getByRole("button", { name: "Screen and enrol" }).click();
    await page.getByRole("alert").first().waitFor();
    await expectInert(page, dialogs, [hostile("Enrol")]);

    await page.goto(`${clinic.server.url}/cohort`);
    await page.getByRole("heading", { name: "Cohort analysis" }).waitFor();
    await expectInert(page, dialogs, [CLINIC]);
    await page.close();
  });

  it("shows the pharmacist the list, the patient's compounding page and the queue with the text as text", async () => {
    const pharmacy = await clinic.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await send(pharmacy.request, clinic.api("/api/session"), {
      login: PHARMACIST.email,
      password: PHARMACIST.password,
    });
    const { page, dialogs } = await watchedPage(pharmacy);
    await page.goto(clinic.server.url);
    await page.getByRole("link", { name: PATIENT_NAME, exact: true }).waitFor();
    await expectInert(page, dialogs, [CLINIC, PHARMACIST.name, PATIENT_NAME, OPIOID_PATIENT_NAME]);
    await page.getByRole("link", { name: OPIOID_PATIENT_NAME, exact: true }).click();
    await page.getByRole("heading", { name: "Compounding for" }).waitFor();
    await page.getByRole("heading", { name: "Capsules per dose" }).waitFor();
    // The compounding page names the patient and the prescriber; the queue names every patient.
    await expectInert(page, dialogs, [CLINIC, PHARMACIST.name, OPIOID_PATIENT_NAME, CLINICIAN.name]);
    await page.goto(`${clinic.server.url}/queue`);
    await page.getByRole("heading", { name: "Pharmacy queue" }).waitFor();
    await page.getByRole("link", { name: OPIOID_PATIENT_NAME, exact: true }).waitFor();
    await expectInert(page, dialogs, [CLINIC, PHARMACIST.name, OPIOID_PATIENT_NAME, CLINICIAN.name]);
    await pharmacy.close();
  });

  it("shows the administrator the staff page with every name as text, and audit details as data", async () => {
    const admin = await clinic.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await send(admin.request, clinic.api("/api/session"), { login: ADMIN.email, password: ADMIN.password });
    const { page, dialogs } = await watchedPage(admin);
    await page.goto(clinic.server.url);
    await page.getByRole("heading", { name: "Staff", exact: true }).waitFor();
    await page.getByRole("cell", { name: ADDED.email }).waitFor();
    await expectInert(page, dialogs, [CLINIC, ADMIN.name, CLINICIAN.name, PHARMACIST.name, ADDED.name]);
    // The audit trail has no page: it is JSON, served as JSON, never as HTML.
    const res = await admin.request.get(clinic.api("/api/audit"));
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    await admin.close();
  });

  it("shows the patient's phone home and schedule with the text as text", async () => {
    const { page, dialogs } = await watchedPage(phone);
    await page.goto(clinic.server.url);
    await page.getByRole("heading", { name: "Daily check-in" }).waitFor();
    await page.getByLabel("Day", { exact: true }).fill(isoDaysAgo(1));
    await page.waitForFunction(
      (note) => (document.querySelector("textarea") as HTMLTextAreaElement | null)?.value === note,
      CORRECTED_NOTE.replace(/\r\n?/g, "\n"),
    );
    await expectInert(page, dialogs, [CLINIC, hostile("Corrected")]);
    await page.goto(`${clinic.server.url}/schedule`);
    await page.getByRole("heading", { name: /LDN schedule for/ }).waitFor();
    await expectInert(page, dialogs, [PATIENT_NAME]);
  });
});
