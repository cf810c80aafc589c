/**
 * The demo clinic (`ldn serve --demo`'s 23 patients: titrating, in the window, MEDs found, a
 * drop-out) written into a fresh SQLite file, and the real server process and chromium started
 * on it, for the browser tests of the clinician's screens and the cohort page.
 */
import type { Page } from "playwright-core";
import { DEMO_ACCOUNTS, fillDemoClinic } from "../src/cli/demo/fill-demo-clinic.ts";
import { openStore } from "../src/store/sql-store.ts";
import { signInOnPage } from "./browser.ts";
import { startClinic, type Clinic } from "./clinic.ts";

export const DEMO_CLINICIAN = DEMO_ACCOUNTS.find((a) => a.role === "clinician")!;

async function seedDemoClinic(db: string): Promise<void> {
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    await fillDemoClinic(store);
  } finally {
    await store.close();
  }
}

/** @example const clinic = await startDemoClinic(); ... await clinic.stop(); */
export function startDemoClinic(): Promise<Clinic> {
  return startClinic("demo", { seed: seedDemoClinic });
}

/** Signs in on the sign-in page as the demo clinician. */
export function signInAsClinician(page: Page): Promise<void> {
  return signInOnPage(page, DEMO_CLINICIAN.email, DEMO_CLINICIAN.password);
}
