/**
 * SMART EHR launch in a real browser: the clinician opens ldn from the EHR's launch link, signs
 * in to ldn and is brought back to the launch; the EHR's own authorization server (oidc-provider)
 * signs them in and asks for consent; back in ldn the enrolment form is filled from the EHR's
 * patient (name, age, chronic pain, oxycodone with its MME) and nothing is enrolled until the
 * clinician presses the button. With a write scope the chart then sends the patient's pain ratings
 * and BPI scores to the EHR (Medplum's FhirRouter), once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSearchRequest } from "@medplum/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb } from "../scripts/build-web.ts";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { parseCheckIn, recordCheckIn } from "../src/app/use-cases/record-check-in.ts";
import { recordQuestionnaire } from "../src/app/use-cases/record-questionnaire.ts";
import { DEFAULT_SMART_SCOPES } from "../src/http/smart/smart-settings.ts";
import { openStore } from "../src/store/sql-store.ts";
import { freePort, startServerProcess, type ServerProcess } from "../src/http/testing/server-process.ts";
import {
  seedEhrPatient,
  startSmartEhr,
  EHR_CLIENT_ID,
  type SmartEhr,
} from "../src/http/testing/smart-ehr.ts";
import { CLINICIAN, seedClinician, shot } from "./clinic.ts";
import { axeViolations, launchChromium } from "./browser.ts";

describe("SMART EHR launch in a real browser", { timeout: 90_000 }, () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let ehr: SmartEhr;
  let patientId: string;
  let db: string;

  beforeAll(async () => {
    await buildWeb();
    dir = mkdtempSync(join(tmpdir(), "ldn-e2e-smart-"));
    db = join(dir, "ldn.sqlite");
    await seedClinician(db);
    const port = await freePort();
    ehr = await startSmartEhr();
    ehr.register(`http://127.0.0.1:${port}/smart/callback`);
    ({ patientId } = await seedEhrPatient(ehr.repo));
    server = await startServerProcess(db, port, {
      LDN_SMART_CLIENT_ID: EHR_CLIENT_ID,
      LDN_SMART_ISS: ehr.iss,
      LDN_SMART_SCOPES: `${DEFAULT_SMART_SCOPES} patient/Observation.write`,
    });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill("SIGTERM");
    await server?.exited;
    await ehr?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("goes from the EHR's launch link through ldn's sign-in and the EHR's consent to a prefilled enrolment form, and sends scores back", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // The EHR opens ldn's launch URL with its FHIR base and a launch context; not yet signed in
    // to ldn, the clinician signs in and is brought back to the same launch.
    const launch = ehr.launchFor(patientId);
    await page.goto(`${server.url}/smart/launch?iss=${encodeURIComponent(ehr.iss)}&launch=${launch}`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByLabel("Email or login code").fill(CLINICIAN.email);
    await page.getByLabel("Password").fill(CLINICIAN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The EHR's sign-in page (oidc-provider's), then its consent page.
    await page.waitForURL((url) => !url.toString().startsWith(server.url));
    await page.locator('input[name="login"]').fill("dr-ehr");
    await page.locator('input[name="password"]').fill("any");
    await page.locator('button[type="submit"]').click();
    await page
      .getByText(/patient\/Patient\.read|Authorize|Continue/)
      .first()
      .waitFor();
    await shot(page, "smart-launch-1-consent");
    await page.locator('button[type="submit"]').click();

    await page.getByRole("heading", { name: "Enrol a patient" }).waitFor();
    await page.getByText(/Filled from the EHR/).waitFor();
    expect(new URL(page.url()).pathname).toBe("/patients/new");
    expect(await page.getByLabel("Name as shown to staff").inputValue()).toBe("Rosa Delgado");
    expect(await page.getByLabel(/Opioids now/).inputValue()).toContain("oxycodone 10mg x3");
    expect(await page.getByLabel("Pain for (months)").inputValue()).not.toBe("");
    await expect(page.getByText(/45 MME a day/).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "smart-launch-2-prefilled");

    // Nothing is enrolled until the clinician confirms.
    const before = await page.evaluate(
      async () => (await (await fetch("/api/patients")).json()) as unknown[],
    );
    expect(before).toEqual([]);
    await page.getByRole("button", { name: "Screen and enrol" }).click();
    await page.getByRole("heading", { name: "Rosa Delgado" }).waitFor();

    // The chart opened from the launch offers to send to the EHR; the patient's diary and BPI
    // are written here as the phone would have over the weeks.
    const ldnPatient = new URL(page.url()).pathname.split("/")[2]!;
    await seedDiary(db, ldnPatient);
    await page.reload();
    const button = page.getByRole("button", { name: "Send to the health record" });
    await button.waitFor();
    await button.click();
    await page.getByText(`Sent 23 pain ratings and 2 BPI scores to ${ehr.iss}; 0 already there`).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "smart-launch-3-sent");
    const onEhr = await ehr.repo.search(
      parseSearchRequest("Observation", { subject: `Patient/${patientId}` }),
    );
    expect(onEhr.entry ?? []).toHaveLength(25);
    // Pressed again: the EHR already holds every one.
    await button.click();
    await page.getByText(`Sent nothing new to ${ehr.iss}; 25 already there`).waitFor();
    await context.close();
  });
});

/** 23 days of pain ratings and two BPI forms for the patient, written to the server's database. */
async function seedDiary(db: string, patientId: string): Promise<void> {
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      for (let day = 1; day <= 23; day++) {
        const date = `2026-10-${String(day).padStart(2, "0")}`;
        await recordCheckIn(
          tx,
          patientId,
          `check-in-${day}`,
          parseCheckIn({ date, doses: [], pain: 6 - (day % 3), sideEffects: [] }),
        );
      }
      await recordQuestionnaire(tx, patientId, "bpi", "2026-10-01", {
        worst: 8,
        least: 3,
        average: 6,
        now: 5,
      });
      await recordQuestionnaire(tx, patientId, "bpi", "2026-10-22", {
        worst: 6,
        least: 2,
        average: 4,
        now: 3,
      });
    });
  } finally {
    await store.close();
  }
}
