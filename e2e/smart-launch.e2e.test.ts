/**
 * SMART EHR launch in a real browser: the clinician, signed in to ldn, opens ldn from the EHR's
 * launch link; the EHR's own authorization server (oidc-provider) signs them in and asks for
 * consent; back in ldn the enrolment form is filled from the EHR's patient (name, age, chronic
 * pain, oxycodone with its MME) and nothing is enrolled until the clinician presses the button.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb } from "../scripts/build-web.ts";
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

  beforeAll(async () => {
    await buildWeb();
    dir = mkdtempSync(join(tmpdir(), "ldn-e2e-smart-"));
    const db = join(dir, "ldn.sqlite");
    await seedClinician(db);
    const port = await freePort();
    ehr = await startSmartEhr();
    ehr.register(`http://127.0.0.1:${port}/smart/callback`);
    ({ patientId } = await seedEhrPatient(ehr.repo));
    server = await startServerProcess(db, port, {
      LDN_SMART_CLIENT_ID: EHR_CLIENT_ID,
      LDN_SMART_ISS: ehr.iss,
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

  it("goes from the EHR's launch link through its consent to a prefilled enrolment form", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByLabel("Email or login code").fill(CLINICIAN.email);
    await page.getByLabel("Password").fill(CLINICIAN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Patients" }).waitFor();

    // The EHR opens ldn's launch URL with its FHIR base and a launch context.
    const launch = ehr.launchFor(patientId);
    await page.goto(`${server.url}/smart/launch?iss=${encodeURIComponent(ehr.iss)}&launch=${launch}`);
    // The EHR's sign-in page (oidc-provider's), then its consent page.
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
    await context.close();
  });
});
