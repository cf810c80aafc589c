/**
 * The hostile clinic the stored-XSS browser tests (issue 13) open: every free-text field a user
 * can fill holds hostile text (the clinic's and every staff member's name, two patients' names,
 * the opioid interaction reason, a diary note and its correction, an override reason), and the
 * checks that nothing of it ran and that it is shown as text.
 */
import { spawn } from "node:child_process";
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { scryptHasher } from "../src/crypto/scrypt-hasher.ts";
import { openStore } from "../src/store/sql-store.ts";
import { get, isoDaysAgo, send, startClinic, type Clinic } from "./clinic.ts";

/** Script that sets `window.__pwned` if any part of it is ever run as markup or a URL. */
export const HTML = `<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>"><svg onload=window.__pwned=1>`;
/** A link target, a spreadsheet formula and a command cell, for any export that writes them. */
export const EXTRA = `javascript:window.__pwned=1 =HYPERLINK("http://evil.example","x") +cmd|'/C calc'!A0`;
/** One line of hostile text, tagged by the field it went into. */
export const hostile = (field: string) => `${field} ${HTML} ${EXTRA}`;
/** An iCalendar line break with a forged attendee, for the multi-line fields. */
export const ICAL_BREAK = `\r\nATTENDEE:mailto:evil@example.com\r\n`;

export const CLINIC = hostile("Clinic");
export const ADMIN = {
  email: "admin@riverside.example",
  password: "admin password 1",
  name: hostile("Admin"),
};
export const CLINICIAN = {
  email: "lee@riverside.example",
  password: "clinician password 1",
  name: hostile("Clinician"),
};
export const PHARMACIST = {
  email: "ash@riverside.example",
  password: "pharmacist password 1",
  name: hostile("Pharmacist"),
};
export const ADDED = { email: "new@riverside.example", password: "added password 1", name: hostile("Added") };
export const PATIENT_NAME = hostile("Patient");
export const OPIOID_PATIENT_NAME = hostile("OpioidPatient");
export const INTERACTION_REASON = `${hostile("Interaction")}${ICAL_BREAK}second line`;
export const NOTE = `${hostile("Note")}${ICAL_BREAK}second line`;
export const CORRECTED_NOTE = `${hostile("Corrected")}${ICAL_BREAK}second line`;
export const OVERRIDE_REASON = `${hostile("Override")}${ICAL_BREAK}second line`;
export const CLINIC_PHONE = `555 <script>x</script>`;
export const PATIENT_PASSWORD = "patient password 1";

/** Text without white space: a PDF wraps long text, and pdf.js joins the lines with spaces. */
export const squeeze = (text: string) => text.replace(/\s+/g, "");

/** The clinic (its name hostile) with an administrator, a clinician and a pharmacist, all named with hostile text. */
async function seedHostileClinic(db: string): Promise<void> {
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

/**
 * Runs `ldn ...` as a clinic runs it. Not spawnSync: a blocked worker cannot answer vitest, and
 * on a busy machine the ten runs of a test would outlast its heartbeat.
 */
export function ldn(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((done, fail) => {
    child.once("error", fail);
    child.once("close", (status) => done({ status, stdout, stderr }));
  });
}

/** A page that fails the test on any dialog; `window.__pwned` is read after each screen. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; dialogs: string[] }> {
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
export async function expectInert(page: Page, dialogs: string[], shown: string[]) {
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

export interface HostileClinic {
  readonly clinic: Clinic;
  /** The clinician, signed in on a desk-sized context. */
  readonly staff: BrowserContext;
  /** The patient who checks in, signed in on a phone-sized context. */
  readonly phone: BrowserContext;
  readonly patientId: string;
  readonly opioidPatientId: string;
}

/** Starts the server on the hostile clinic and stores hostile text through every free-text field. */
export async function startHostileClinic(): Promise<HostileClinic> {
  const clinic = await startClinic("xss", { seed: seedHostileClinic });
  // The administrator adds a staff member by the API, named with hostile text.
  const admin = await clinic.browser.newContext();
  await send(admin.request, clinic.api("/api/session"), { login: ADMIN.email, password: ADMIN.password });
  await send(admin.request, clinic.api("/api/staff"), {
    email: ADDED.email,
    displayName: ADDED.name,
    role: "clinician",
    password: ADDED.password,
  });
  await admin.close();

  const staff = await clinic.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await send(staff.request, clinic.api("/api/session"), {
    login: CLINICIAN.email,
    password: CLINICIAN.password,
  });
  // A patient on opioids: the interaction reason is free text.
  const { id: opioidPatientId } = await send<{ id: string }>(staff.request, clinic.api("/api/patients"), {
    displayName: OPIOID_PATIENT_NAME,
    screening: {
      ageYears: 58,
      painMonths: 120,
      pregnancy: "not-applicable",
      opioids: ["oxycodone 10mg x3"],
      mustStayOnOpioids: false,
      riskFactors: [],
    },
  });
  await send(staff.request, clinic.api(`/api/patients/${opioidPatientId}/plans`), {
    protocolId: "micro-titration",
    startDate: isoDaysAgo(0),
    interactionReason: INTERACTION_REASON,
  });
  // The patient who checks in, with a hostile note, and whose recommendation is overridden.
  const { id: patientId } = await send<{ id: string }>(staff.request, clinic.api("/api/patients"), {
    displayName: PATIENT_NAME,
    screening: {
      ageYears: 44,
      painMonths: 36,
      pregnancy: "no",
      opioids: [],
      mustStayOnOpioids: false,
      riskFactors: ["centralized-pain"],
    },
  });
  await send(staff.request, clinic.api(`/api/patients/${patientId}/plans`), {
    protocolId: "micro-titration",
    startDate: isoDaysAgo(6),
  });
  const { token } = await send<{ token: string }>(
    staff.request,
    clinic.api(`/api/patients/${patientId}/invitations`),
    {},
  );
  const phone = await clinic.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  await send(phone.request, clinic.api("/api/invitations/accept"), { token, password: PATIENT_PASSWORD });
  for (let ago = 6; ago >= 1; ago--) {
    const date = isoDaysAgo(ago);
    const today = await get<{ today: { doses: { time: string; ug: number }[] } }>(
      phone.request,
      clinic.api(`/api/patients/${patientId}/today?today=${date}`),
    );
    await send(
      phone.request,
      clinic.api(`/api/patients/${patientId}/check-ins`),
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
  const doses = await get<{ today: { doses: { time: string; ug: number }[] } }>(
    phone.request,
    clinic.api(`/api/patients/${patientId}/today?today=${yesterday}`),
  );
  await send(
    phone.request,
    clinic.api(`/api/patients/${patientId}/check-ins`),
    {
      date: yesterday,
      doses: doses.today.doses.map((d) => ({ time: d.time, ug: d.ug })),
      pain: 5,
      sideEffects: [],
      note: CORRECTED_NOTE,
    },
    { "idempotency-key": `xss-corrected-${yesterday}` },
  );
  await send(staff.request, clinic.api(`/api/patients/${patientId}/decisions`), {
    decision: "override",
    reason: OVERRIDE_REASON,
    instead: { kind: "stop" },
  });
  return { clinic, staff, phone, patientId, opioidPatientId };
}
