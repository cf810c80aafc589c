/**
 * What the browser tests share: the demo clinician and patient password, a clinic seeded into
 * the SQLite file before the server starts, local dates, and screenshots when
 * LDN_SCREENSHOTS names a folder.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { scryptHasher } from "../src/crypto/scrypt-hasher.ts";
import { openStore } from "../src/store/sql-store.ts";

export const CLINICIAN = {
  email: "lee@riverside.example",
  password: "clinician password 1",
  name: "Dr K. Lee",
};
export const PATIENT_PASSWORD = "patient password 1";
const shots = process.env.LDN_SCREENSHOTS;

/** The local date `n` days ago, YYYY-MM-DD (the server's "today" is the machine's). */
export function isoDaysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  const pad = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Saves a full-page screenshot as `name`.png when LDN_SCREENSHOTS is set. */
export async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

export async function seedClinician(db: string): Promise<void> {
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    const passwordHash = await scryptHasher(10).hash(CLINICIAN.password);
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinics.create({ name: "Riverside Pain Clinic" });
      await tx.staff.create({
        clinicId: clinic.id,
        email: CLINICIAN.email,
        displayName: "Dr K. Lee",
        role: "clinician",
        passwordHash,
      });
    });
  } finally {
    await store.close();
  }
}
