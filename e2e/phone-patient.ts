/**
 * A clinic server with one patient on a plan, signed in on a phone-sized browser context
 * (390x844): what the patient-app browser tests start from.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext, Browser, BrowserContext } from "playwright-core";
import { buildWeb } from "../scripts/build-web.ts";
import { freePort, startServerProcess, type ServerProcess } from "../src/http/testing/server-process.ts";
import { launchChromium } from "./browser.ts";
import { CLINICIAN, PATIENT_PASSWORD, seedClinician } from "./clinic.ts";

export interface PhonePatient {
  readonly server: ServerProcess;
  readonly browser: Browser;
  readonly phone: BrowserContext;
  readonly patientId: string;
  /** Signs the clinician in on a fresh context (closed by `stop`). */
  clinician(): Promise<BrowserContext>;
  stop(): Promise<void>;
}

export async function send<T>(
  request: APIRequestContext,
  url: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await request.post(url, { data, headers });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** @example const app = await phonePatient("R. Phone", isoDaysAgo(6)); ... await app.stop(); */
export async function phonePatient(name: string, planStart: string): Promise<PhonePatient> {
  await buildWeb();
  // The browser first: without one, no server is left running.
  const browser = await launchChromium();
  const dir = mkdtempSync(join(tmpdir(), "ldn-e2e-phone-"));
  const db = join(dir, "ldn.sqlite");
  await seedClinician(db);
  const server = await startServerProcess(db, await freePort());
  const api = (path: string) => `${server.url}${path}`;
  const contexts: BrowserContext[] = [];
  const clinician = async () => {
    const staff = await browser.newContext();
    contexts.push(staff);
    await send(staff.request, api("/api/session"), { login: CLINICIAN.email, password: CLINICIAN.password });
    return staff;
  };
  const staff = await clinician();
  const patientId = (
    await send<{ id: string }>(staff.request, api("/api/patients"), {
      displayName: name,
      screening: {
        ageYears: 52,
        painMonths: 60,
        pregnancy: "no",
        opioids: [],
        mustStayOnOpioids: false,
        riskFactors: ["centralized-pain"],
      },
    })
  ).id;
  await send(staff.request, api(`/api/patients/${patientId}/plans`), {
    protocolId: "micro-titration",
    startDate: planStart,
  });
  const invite = await send<{ token: string }>(
    staff.request,
    api(`/api/patients/${patientId}/invitations`),
    {},
  );
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await send(phone.request, api("/api/invitations/accept"), {
    token: invite.token,
    password: PATIENT_PASSWORD,
  });
  return {
    server,
    browser,
    phone,
    patientId,
    clinician,
    async stop() {
      await browser.close();
      server.child.kill("SIGTERM");
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
