/**
 * The pharmacist's day in a real browser against the real server process: the queue shows a
 * patient's next fill from their real path (whose, from when to when, prescriber, capsules per
 * dose, overdue), the order PDF downloads and names the patient and prescriber, a fill is
 * dispensed after a confirmation, and the next fill date moves on by the fill's 28 days.
 * Saves docs/images/pharmacist-queue.png. axe-core stays clean on both screens.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { readPdf } from "../src/documents/read-pdf.testing.ts";
import { openStore } from "../src/store/sql-store.ts";
import { axeViolations, signInOnPage } from "./browser.ts";
import {
  CLINICIAN,
  get,
  isoDaysAgo,
  seedClinician,
  send,
  shortDate,
  startClinic,
  type Clinic,
} from "./clinic.ts";

const PHARMACIST = { email: "ash@riverside.example", name: "A. Ash" };
const IMAGES = resolve(import.meta.dirname, "../docs/images");

/**
 * Adds the pharmacist to the seeded clinic, with the clinician's password hash (so the same
 * password): no second hash to make, and nothing of the accounts code to import.
 */
async function seedPharmacist(db: string): Promise<void> {
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const lee = (await tx.staff.findByEmail(CLINICIAN.email))!;
      await tx.staff.create({
        clinicId: lee.clinicId,
        email: PHARMACIST.email,
        displayName: PHARMACIST.name,
        role: "pharmacist",
        passwordHash: lee.passwordHash,
      });
    });
  } finally {
    await store.close();
  }
}

describe("the pharmacist's queue in a real browser", { timeout: 120_000 }, () => {
  let clinic: Clinic;
  let patientId: string;
  const api = (path: string) => clinic.api(path);

  beforeAll(async () => {
    clinic = await startClinic("pharmacy", {
      seed: async (db) => {
        await seedClinician(db);
        await seedPharmacist(db);
      },
    });
    // The clinician enrols a patient on micro-titration six days ago, checked in every day since,
    // and another whose plan starts in three days (a fill due within the 7 days' notice).
    const desk = await clinic.signIn();
    const enrol = async (displayName: string, startDaysAgo: number) => {
      const { id } = await send<{ id: string }>(desk.request, api("/api/patients"), {
        displayName,
        screening: {
          ageYears: 50,
          painMonths: 40,
          pregnancy: "no",
          opioids: [],
          mustStayOnOpioids: false,
          riskFactors: ["centralized-pain"],
        },
      });
      await send(desk.request, api(`/api/patients/${id}/plans`), {
        protocolId: "micro-titration",
        startDate: isoDaysAgo(startDaysAgo),
      });
      return id;
    };
    patientId = await enrol("Q. Queue", 6);
    await enrol("D. Due", -3);
    for (let ago = 6; ago >= 1; ago--) {
      const date = isoDaysAgo(ago);
      const today = await get<{ today: { doses: { time: string; ug: number }[] } }>(
        desk.request,
        api(`/api/patients/${patientId}/today?today=${date}`),
      );
      await send(
        desk.request,
        api(`/api/patients/${patientId}/check-ins`),
        { date, doses: today.today.doses.map((d) => ({ time: d.time, ug: d.ug })), pain: 6, sideEffects: [] },
        { "idempotency-key": `pharmacy-${date}` },
      );
    }
    await desk.close();
  }, 180_000);

  afterAll(async () => {
    await clinic?.stop();
  });

  it("shows the fill due, downloads its order, dispenses it after a confirmation, and moves the next fill on", async () => {
    const context = await clinic.browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(clinic.server.url);
    await signInOnPage(page, PHARMACIST.email, CLINICIAN.password);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Queue", exact: true })
      .click();
    await page.getByRole("heading", { name: "Pharmacy queue" }).waitFor();

    // No fill recorded yet: needed since the plan's first day, so it is made from today.
    const row = page.getByRole("row").filter({ hasText: "Q. Queue" });
    const cells = row.getByRole("cell");
    await row.waitFor();
    expect(await cells.nth(1).textContent()).toBe(`Overdue since ${shortDate(isoDaysAgo(6))}`);
    expect(await cells.nth(2).textContent()).toBe(
      `${shortDate(isoDaysAgo(0))} to ${shortDate(isoDaysAgo(-27))}28 days`,
    );
    expect(await cells.nth(3).textContent()).toMatch(/^(\d+ x \d\.\d+ mg)+$/);
    expect(await cells.nth(4).textContent()).toMatch(/mg: .* \([12] capsules?\), \d+ doses?/);
    expect(await cells.nth(5).textContent()).toBe(CLINICIAN.name);
    // The most pressing first: the overdue fill, then the one due in three days.
    const due = page.getByRole("row").filter({ hasText: "D. Due" });
    expect(await due.getByRole("cell").nth(1).textContent()).toBe(`Due ${shortDate(isoDaysAgo(-3))}`);
    expect(await page.locator("table.queue tbody tr td:first-child a").allTextContents()).toEqual([
      "Q. Queue",
      "D. Due",
    ]);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync(IMAGES, { recursive: true });
    await page.screenshot({ path: join(IMAGES, "pharmacist-queue.png"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      row.getByRole("link", { name: "Order PDF for Q. Queue" }).click(),
    ]);
    const pdfPath = join(clinic.dir, "order.pdf");
    await download.saveAs(pdfPath);
    const text = (await readPdf(new Uint8Array(readFileSync(pdfPath)))).text.join(" ");
    expect(text).toContain("Compounding order");
    expect(text).toContain("Patient: Q. Queue");
    expect(text).toContain(`Prescriber: ${CLINICIAN.name}`);
    expect(text).toContain("(28 days)");

    await row.getByRole("button", { name: "Dispense Q. Queue's fill" }).click();
    const confirm = page.getByRole("group", { name: "Confirm dispensing for Q. Queue" });
    await confirm.getByText(/Record as dispensed now, by you: .* x .* mg/).waitFor();
    await confirm.getByRole("button", { name: "Confirm dispensed" }).click();
    await page
      .getByRole("status")
      .getByText(/Dispensed Q\. Queue's fill/)
      .waitFor();
    // The next fill follows on from the one dispensed: 28 days on, not due for three weeks.
    await row.getByText(`Upcoming ${shortDate(isoDaysAgo(-28))}`).waitFor();
    expect(await cells.nth(2).textContent()).toBe(
      `${shortDate(isoDaysAgo(-28))} to ${shortDate(isoDaysAgo(-55))}28 days`,
    );

    await row.getByRole("link", { name: "Q. Queue", exact: true }).click();
    await page.getByRole("heading", { name: "Compounding for Q. Queue" }).waitFor();
    await page.getByText(`Prescriber: ${CLINICIAN.name}`).waitFor();
    await page.getByRole("heading", { name: "Dispensed (1)" }).waitFor();
    await page.getByText(new RegExp(`dispensed by ${PHARMACIST.name} on`)).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
