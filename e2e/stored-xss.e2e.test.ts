/**
 * Stored XSS (issue 13) in a real browser against the real server process: hostile text is
 * stored through every free-text field a user can fill (the clinic's and every staff member's
 * name, the patient's name, the opioid interaction reason, the diary note and its correction,
 * an override reason; screening's opioids and risk factors, a check-in's side effects and a
 * flag's code are read against catalogues and refuse it, and the refusal quoting it is shown) and then every page that shows it is opened as each
 * role. Nothing runs (`window.__pwned` stays unset, no dialog opens, no injected element or
 * `javascript:` link exists) and the text is shown as text. The schedule PDF (server) and the
 * pharmacy order PDF (`ldn print order`) are read back with pdf.js and hold the text literally;
 * the cohort report of `ldn analyze --out`, from a hostile cohort file, opens inert.
 * The server offers no iCalendar or CSV export; the CLI's (`ldn schedule --format ics|csv`)
 * carry no free text, refuse hostile times and settings, and write only well-formed lines.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb } from "../scripts/build-web.ts";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { readPdf } from "../src/documents/read-pdf.testing.ts";
import { scryptHasher } from "../src/crypto/scrypt-hasher.ts";
import { freePort, startServerProcess, type ServerProcess } from "../src/http/testing/server-process.ts";
import { openStore } from "../src/store/sql-store.ts";
import { launchChromium } from "./browser.ts";
import { isoDaysAgo } from "./clinic.ts";

/** Script that sets `window.__pwned` if any part of it is ever run as markup or a URL. */
const HTML = `<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>"><svg onload=window.__pwned=1>`;
/** A link target, a spreadsheet formula and a command cell, for any export that writes them. */
const EXTRA = `javascript:window.__pwned=1 =HYPERLINK("http://evil.example","x") +cmd|'/C calc'!A0`;
/** One line of hostile text, tagged by the field it went into. */
const hostile = (field: string) => `${field} ${HTML} ${EXTRA}`;
/** An iCalendar line break with a forged attendee, for the multi-line fields. */
const ICAL_BREAK = `\r\nATTENDEE:mailto:evil@example.com\r\n`;

const CLINIC = hostile("Clinic");
const ADMIN = { email: "admin@riverside.example", password: "admin password 1", name: hostile("Admin") };
const CLINICIAN = {
  email: "lee@riverside.example",
  password: "clinician password 1",
  name: hostile("Clinician"),
};
const PHARMACIST = {
  email: "ash@riverside.example",
  password: "pharmacist password 1",
  name: hostile("Pharmacist"),
};
const ADDED = { email: "new@riverside.example", password: "added password 1", name: hostile("Added") };
const PATIENT_NAME = hostile("Patient");
const OPIOID_PATIENT_NAME = hostile("OpioidPatient");
const INTERACTION_REASON = `${hostile("Interaction")}${ICAL_BREAK}second line`;
const NOTE = `${hostile("Note")}${ICAL_BREAK}second line`;
const CORRECTED_NOTE = `${hostile("Corrected")}${ICAL_BREAK}second line`;
const OVERRIDE_REASON = `${hostile("Override")}${ICAL_BREAK}second line`;
const CLINIC_PHONE = `555 <script>x</script>`;
const PATIENT_PASSWORD = "patient password 1";

/** Text without white space: a PDF wraps long text, and pdf.js joins the lines with spaces. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

/** The clinic (its name hostile) with an administrator, a clinician and a pharmacist, all named with hostile text. */
async function seedClinic(db: string): Promise<void> {
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    const hasher = scryptHasher(10);
    const staff = [
      { ...ADMIN, role: "administrator" as const },
      { ...CLINICIAN, role: "clinician" as const },
      { ...PHARMACIST, role: "pharmacist" as const },
    ];
    const hashes = await Promise.all(staff.map((s) => hasher.hash(s.password)));
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinics.create({ name: CLINIC });
      for (const [i, s] of staff.entries())
        await tx.staff.create({
          clinicId: clinic.id,
          email: s.email,
          displayName: s.name,
          role: s.role,
          passwordHash: hashes[i]!,
        });
    });
  } finally {
    await store.close();
  }
}

async function send<T>(
  request: APIRequestContext,
  method: "get" | "post",
  url: string,
  data?: unknown,
  headers = {},
): Promise<T> {
  const res =
    method === "get" ? await request.get(url) : await request.post(url, { data: data ?? {}, headers });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Runs `ldn ...` as a clinic runs it. */
function ldn(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "" },
  });
}

/** A page that fails the test on any dialog; `window.__pwned` is read after each screen. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; dialogs: string[] }> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, dialogs };
}

/**
 * Nothing of the hostile text ran or became markup, and each of `shown` is on the page as text
 * (in the document's text or in a form field's value).
 */
async function expectInert(page: Page, dialogs: string[], shown: string[]) {
  // Give an injected image's error or an svg's load event the time to fire.
  await page.waitForTimeout(150);
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes("__pwned")).length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length,
    text: document.body.textContent ?? "",
    values: [...document.querySelectorAll("input, textarea")].map((e) => (e as HTMLInputElement).value),
  }));
  expect(state.pwned).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(state.injected).toBe(0);
  expect(state.scripts).toBe(0);
  expect(state.jsLinks).toBe(0);
  for (const text of shown)
    expect(
      state.text.includes(text) || state.values.some((v) => v.includes(text)),
      `shown as text: ${text}`,
    ).toBe(true);
}

describe("stored XSS through every free-text field, in chromium", { timeout: 60_000 }, () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let staff: BrowserContext;
  let phone: BrowserContext;
  let patientId = "";
  let opioidPatientId = "";
  const api = (path: string) => `${server.url}${path}`;

  beforeAll(async () => {
    await buildWeb();
    dir = mkdtempSync(join(tmpdir(), "ldn-e2e-xss-"));
    const db = join(dir, "ldn.sqlite");
    await seedClinic(db);
    server = await startServerProcess(db, await freePort());
    browser = await launchChromium();

    // The administrator adds a staff member by the API, named with hostile text.
    const admin = await browser.newContext();
    await send(admin.request, "post", api("/api/session"), { login: ADMIN.email, password: ADMIN.password });
    await send(admin.request, "post", api("/api/staff"), {
      email: ADDED.email,
      displayName: ADDED.name,
      role: "clinician",
      password: ADDED.password,
    });
    await admin.close();

    staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await send(staff.request, "post", api("/api/session"), {
      login: CLINICIAN.email,
      password: CLINICIAN.password,
    });
    // A patient on opioids: the interaction reason is free text.
    ({ id: opioidPatientId } = await send<{ id: string }>(staff.request, "post", api("/api/patients"), {
      displayName: OPIOID_PATIENT_NAME,
      screening: {
        ageYears: 58,
        painMonths: 120,
        pregnancy: "not-applicable",
        opioids: ["oxycodone 10mg x3"],
        mustStayOnOpioids: false,
        riskFactors: [],
      },
    }));
    await send(staff.request, "post", api(`/api/patients/${opioidPatientId}/plans`), {
      protocolId: "micro-titration",
      startDate: isoDaysAgo(0),
      interactionReason: INTERACTION_REASON,
    });
    // The patient who checks in, with a hostile note, and whose recommendation is overridden.
    ({ id: patientId } = await send<{ id: string }>(staff.request, "post", api("/api/patients"), {
      displayName: PATIENT_NAME,
      screening: {
        ageYears: 44,
        painMonths: 36,
        pregnancy: "no",
        opioids: [],
        mustStayOnOpioids: false,
        riskFactors: ["centralized-pain"],
      },
    }));
    await send(staff.request, "post", api(`/api/patients/${patientId}/plans`), {
      protocolId: "micro-titration",
      startDate: isoDaysAgo(6),
    });
    const { token } = await send<{ token: string }>(
      staff.request,
      "post",
      api(`/api/patients/${patientId}/invitations`),
    );
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    await send(phone.request, "post", api("/api/invitations/accept"), { token, password: PATIENT_PASSWORD });
    for (let ago = 6; ago >= 1; ago--) {
      const date = isoDaysAgo(ago);
      const today = await send<{ today: { doses: { time: string; ug: number }[] } }>(
        phone.request,
        "get",
        api(`/api/patients/${patientId}/today?today=${date}`),
      );
      await send(
        phone.request,
        "post",
        api(`/api/patients/${patientId}/check-ins`),
        {
          date,
          doses: today.today.doses.map((d) => ({ time: d.time, ug: d.ug })),
          pain: 6,
          sideEffects: [],
          ...(ago === 1 ? { note: NOTE } : {}),
        },
        { "idempotency-key": `xss-${date}` },
      );
    }
    // The patient corrects yesterday's note: the diary's history shows the old and the new.
    const yesterday = isoDaysAgo(1);
    const doses = await send<{ today: { doses: { time: string; ug: number }[] } }>(
      phone.request,
      "get",
      api(`/api/patients/${patientId}/today?today=${yesterday}`),
    );
    await send(
      phone.request,
      "post",
      api(`/api/patients/${patientId}/check-ins`),
      {
        date: yesterday,
        doses: doses.today.doses.map((d) => ({ time: d.time, ug: d.ug })),
        pain: 5,
        sideEffects: [],
        note: CORRECTED_NOTE,
      },
      { "idempotency-key": `xss-corrected-${yesterday}` },
    );
    await send(staff.request, "post", api(`/api/patients/${patientId}/decisions`), {
      decision: "override",
      reason: OVERRIDE_REASON,
      instead: { kind: "stop" },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill("SIGTERM");
    await server?.exited;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses hostile text where screening reads a catalogue, and stores it literally elsewhere", async () => {
    for (const screening of [
      { opioids: [hostile("Opioid")], riskFactors: [] },
      { opioids: [], riskFactors: [hostile("Risk")] },
    ]) {
      const res = await staff.request.post(api("/api/patients"), {
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
    const patients = await send<{ displayName: string }[]>(staff.request, "get", api("/api/patients"));
    expect(patients.map((p) => p.displayName).sort()).toEqual([OPIOID_PATIENT_NAME, PATIENT_NAME].sort());
    const entries = await send<{ checkIn: { note?: string } }[]>(
      staff.request,
      "get",
      api(`/api/patients/${patientId}/check-ins`),
    );
    expect(entries.map((e) => e.checkIn.note).filter(Boolean)).toEqual([CORRECTED_NOTE]);
    // Side effects and flags to acknowledge are read against catalogues: hostile text is refused.
    const sideEffect = await phone.request.post(api(`/api/patients/${patientId}/check-ins`), {
      data: { date: isoDaysAgo(2), doses: [], pain: 5, sideEffects: [hostile("SideEffect")] },
      headers: { "idempotency-key": "xss-side-effect" },
    });
    expect([400, 422]).toContain(sideEffect.status());
    const attention = await staff.request.post(api(`/api/patients/${patientId}/attention`), {
      data: { code: hostile("Code").slice(0, 50), facts: [hostile("Fact")] },
    });
    expect([400, 409, 422]).toContain(attention.status());
  });

  it("shows the clinician every page with the text as text: dashboard, chart, diary, screening, decisions, schedule, enrol", async () => {
    const { page, dialogs } = await watchedPage(staff);
    await page.goto(server.url);
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

    await page.goto(`${server.url}/patients/${patientId}/schedule`);
    await page.getByRole("heading", { name: /LDN schedule for/ }).waitFor();
    await expectInert(page, dialogs, [PATIENT_NAME]);

    // The opioid patient: screening card and the acknowledged interaction with its reason.
    await page.goto(`${server.url}/patients/${opioidPatientId}`);
    await page.getByText(/Opioid interaction acknowledged/).waitFor();
    await expectInert(page, dialogs, [OPIOID_PATIENT_NAME, hostile("Interaction"), CLINICIAN.name]);

    // The enrol form: hostile opioid text is refused, and the refusal quoting it is text.
    await page.goto(`${server.url}/patients/new`);
    await page.getByLabel("Name as shown to staff").fill(hostile("Enrol"));
    await page.getByLabel("Age (years)").fill("58");
    await page.getByLabel("Pain for (months)").fill("120");
    await page.getByLabel("Pregnant").selectOption("not-applicable");
    await page.getByLabel(/Opioids now/).fill(hostile("Opioid"));
    await page.getByRole("button", { name: "Screen and enrol" }).click();
    await page.getByRole("alert").first().waitFor();
    await expectInert(page, dialogs, [hostile("Enrol")]);

    await page.goto(`${server.url}/cohort`);
    await page.getByRole("heading", { name: "Cohort analysis" }).waitFor();
    await expectInert(page, dialogs, [CLINIC]);
    await page.close();
  });

  it("shows the pharmacist the list, the patient's compounding page and the queue with the text as text", async () => {
    const pharmacy = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await send(pharmacy.request, "post", api("/api/session"), {
      login: PHARMACIST.email,
      password: PHARMACIST.password,
    });
    const { page, dialogs } = await watchedPage(pharmacy);
    await page.goto(server.url);
    await page.getByRole("link", { name: PATIENT_NAME, exact: true }).waitFor();
    await expectInert(page, dialogs, [CLINIC, PHARMACIST.name, PATIENT_NAME, OPIOID_PATIENT_NAME]);
    await page.getByRole("link", { name: OPIOID_PATIENT_NAME, exact: true }).click();
    await page.getByRole("heading", { name: "Compounding for" }).waitFor();
    await page.getByRole("heading", { name: "Capsules per dose" }).waitFor();
    // The compounding page names the patient and the prescriber; the queue names every patient.
    await expectInert(page, dialogs, [CLINIC, PHARMACIST.name, OPIOID_PATIENT_NAME, CLINICIAN.name]);
    await page.goto(`${server.url}/queue`);
    await page.getByRole("heading", { name: "Pharmacy queue" }).waitFor();
    await page.getByRole("link", { name: OPIOID_PATIENT_NAME, exact: true }).waitFor();
    await expectInert(page, dialogs, [CLINIC, PHARMACIST.name, OPIOID_PATIENT_NAME, CLINICIAN.name]);
    await pharmacy.close();
  });

  it("shows the administrator the staff page with every name as text, and audit details as data", async () => {
    const admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await send(admin.request, "post", api("/api/session"), { login: ADMIN.email, password: ADMIN.password });
    const { page, dialogs } = await watchedPage(admin);
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Staff", exact: true }).waitFor();
    await page.getByRole("cell", { name: ADDED.email }).waitFor();
    await expectInert(page, dialogs, [CLINIC, ADMIN.name, CLINICIAN.name, PHARMACIST.name, ADDED.name]);
    // The audit trail has no page: it is JSON, served as JSON, never as HTML.
    const res = await admin.request.get(api("/api/audit"));
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    await admin.close();
  });

  it("shows the patient's phone home and schedule with the text as text", async () => {
    const { page, dialogs } = await watchedPage(phone);
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Daily check-in" }).waitFor();
    await page.getByLabel("Day", { exact: true }).fill(isoDaysAgo(1));
    await page.waitForFunction(
      (note) => (document.querySelector("textarea") as HTMLTextAreaElement | null)?.value === note,
      CORRECTED_NOTE.replace(/\r\n?/g, "\n"),
    );
    await expectInert(page, dialogs, [CLINIC, hostile("Corrected")]);
    await page.goto(`${server.url}/schedule`);
    await page.getByRole("heading", { name: /LDN schedule for/ }).waitFor();
    await expectInert(page, dialogs, [PATIENT_NAME]);
  });

  it("prints the hostile text literally in the schedule PDF and the pharmacy order PDF", async () => {
    const res = await staff.request.get(
      api(`/api/patients/${opioidPatientId}/schedule.pdf?clinicPhone=${encodeURIComponent(CLINIC_PHONE)}`),
    );
    expect(res.status(), res.status() === 200 ? "" : await res.text()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    const schedule = squeeze((await readPdf(new Uint8Array(await res.body()))).text.join(" "));
    for (const literal of [OPIOID_PATIENT_NAME, CLINIC, CLINIC_PHONE])
      expect(schedule).toContain(squeeze(literal));

    const out = join(dir, "order.pdf");
    const order = ldn([
      "print",
      "order",
      "--protocol",
      "micro-titration",
      "--start",
      isoDaysAgo(0),
      "--days",
      "28",
      "--patient",
      PATIENT_NAME,
      "--prescriber",
      CLINICIAN.name,
      "--prescriber-id",
      hostile("Id"),
      "--clinic-name",
      CLINIC,
      "--clinic-phone",
      CLINIC_PHONE,
      "--pharmacy",
      hostile("Pharmacy"),
      "--out",
      out,
    ]);
    expect(order.status, order.stderr).toBe(0);
    const text = squeeze((await readPdf(new Uint8Array(readFileSync(out)))).text.join(" "));
    for (const literal of [
      PATIENT_NAME,
      CLINICIAN.name,
      CLINIC,
      CLINIC_PHONE,
      hostile("Pharmacy"),
      hostile("Id"),
    ])
      expect(text).toContain(squeeze(literal));
  });

  it("writes the cohort report (`ldn analyze --out`) with a hostile cohort file's cells as text", async () => {
    const csv = join(dir, "cohort.csv");
    const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
    writeFileSync(
      csv,
      [
        `patient_id,sex,age,bmi,hypermobile,mcad,med_mg,hormesis,on_opioids,bpi_severity_pre,bpi_severity_post,${quote(`${HTML}_pre`)}`,
        `${quote(hostile("Id"))},F,40,22,no,no,4.5,no,no,6,4,3`,
        `p2,${quote(HTML)},41,22,no,no,3,no,no,6,3,3`,
        `p3,M,50,25,no,no,2,no,no,7,5,4`,
        `p4,F,30,20,no,no,1.5,no,no,5,5,2`,
      ].join("\n") + "\n",
    );
    const run = ldn(["analyze", csv, "--out", join(dir, "report")]);
    expect(run.status, run.stderr).toBe(0);
    const context = await browser.newContext();
    const { page, dialogs } = await watchedPage(context);
    await page.goto(`file://${join(dir, "report", "cohort-report.html")}`);
    await page.getByRole("heading", { name: /Rows left out/ }).waitFor();
    await expectInert(page, dialogs, [JSON.stringify(HTML)]);
    await context.close();
  });

  it("writes iCalendar and CSV schedules of well-formed lines only, refusing hostile times and settings", () => {
    for (const args of [
      ["--times", `08:00${ICAL_BREAK}`],
      ["--times", "=HYPERLINK(1)"],
      ["--set", `dose=${hostile("Set")}`],
    ])
      for (const format of ["ics", "csv"]) {
        const run = ldn([
          "schedule",
          "--protocol",
          "micro-titration",
          "--start",
          "2027-01-04",
          ...args,
          "--format",
          format,
        ]);
        expect(run.status).not.toBe(0);
        expect(run.stdout).toBe("");
      }
    const ics = ldn([
      "schedule",
      "--protocol",
      "micro-titration",
      "--start",
      "2027-01-04",
      "--format",
      "ics",
    ]);
    expect(ics.status, ics.stderr).toBe(0);
    const lines = ics.stdout.split("\r\n").filter((l) => l !== "");
    expect(lines.length).toBeGreaterThan(10);
    // Each line a content line (NAME:value or NAME;params:value) or a folded continuation.
    for (const line of lines) expect(line).toMatch(/^([A-Z][A-Z0-9-]*[;:]| )/);
    expect(lines.filter((l) => l.startsWith("ATTENDEE"))).toEqual([]);
    const csv = ldn([
      "schedule",
      "--protocol",
      "micro-titration",
      "--start",
      "2027-01-04",
      "--format",
      "csv",
    ]);
    expect(csv.status, csv.stderr).toBe(0);
    for (const cell of csv.stdout.split("\r\n").flatMap((l) => l.split(",")))
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
