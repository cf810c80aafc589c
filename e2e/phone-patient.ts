/**
 * A clinic server with one patient on a plan, signed in on a phone-sized browser context
 * (390x844): what the patient-app browser tests start from.
 */
import type { Browser, BrowserContext } from "playwright-core";
import type { ServerProcess } from "../src/http/testing/server-process.ts";
import { enrolPatient, joinOnPhone, startClinic } from "./clinic.ts";

export interface PhonePatient {
  readonly server: ServerProcess;
  readonly browser: Browser;
  readonly phone: BrowserContext;
  readonly patientId: string;
  /** Signs the clinician in on a fresh context (closed by `stop`). */
  clinician(): Promise<BrowserContext>;
  stop(): Promise<void>;
}

/** @example const app = await phonePatient("R. Phone", isoDaysAgo(6)); ... await app.stop(); */
export async function phonePatient(name: string, planStart: string): Promise<PhonePatient> {
  const clinic = await startClinic("phone");
  const clinician = () => clinic.signIn();
  const staff = await clinician();
  const { patientId, token } = await enrolPatient(clinic, staff.request, name, planStart);
  const { phone } = await joinOnPhone(clinic, token);
  return { server: clinic.server, browser: clinic.browser, phone, patientId, clinician, stop: clinic.stop };
}
