/**
 * Stored XSS (issue 13), the printed and exported files: the schedule PDF (server) and the
 * pharmacy order PDF (`ldn print order`) are read back with pdf.js and hold the hostile text
 * literally; the cohort report of `ldn analyze --out`, from a hostile cohort file, opens inert
 * in chromium. The server offers no iCalendar or CSV export; the CLI's (`ldn schedule --format
 * ics|csv`) carry no free text, refuse hostile times and settings, and write only well-formed
 * lines. The pages are in stored-xss-pages.e2e.test.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../src/documents/read-pdf.testing.ts";
import { isoDaysAgo, type Clinic } from "./clinic.ts";
import {
  CLINIC,
  CLINICIAN,
  CLINIC_PHONE,
  HTML,
  ICAL_BREAK,
  OPIOID_PATIENT_NAME,
  PATIENT_NAME,
  expectInert,
  hostile,
  ldn,
  squeeze,
  startHostileClinic,
  watchedPage,
} from "./stored-xss-clinic.ts";

describe("stored XSS through every free-text field, in chromium: the files", { timeout: 60_000 }, () => {
  let clinic: Clinic;
  let staff: BrowserContext;
  let opioidPatientId = "";

  beforeAll(async () => {
    ({ clinic, staff, opioidPatientId } = await startHostileClinic());
  }, 120_000);

  afterAll(async () => {
    await clinic?.stop();
  });

  it("prints the hostile text literally in the schedule PDF and the pharmacy order PDF", async () => {
    const res = await staff.request.get(
      clinic.api(
        `/api/patients/${opioidPatientId}/schedule.pdf?clinicPhone=${encodeURIComponent(CLINIC_PHONE)}`,
      ),
    );
    expect(res.status(), res.status() === 200 ? "" : await res.text()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    const schedule = squeeze((await readPdf(new Uint8Array(await res.body()))).text.join(" "));
    for (const literal of [OPIOID_PATIENT_NAME, CLINIC, CLINIC_PHONE])
      expect(schedule).toContain(squeeze(literal));

    const out = join(clinic.dir, "order.pdf");
    const order = await ldn([
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
    const csv = join(clinic.dir, "cohort.csv");
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
    const run = await ldn(["analyze", csv, "--out", join(clinic.dir, "report")]);
    expect(run.status, run.stderr).toBe(0);
    const context = await clinic.browser.newContext();
    const { page, dialogs } = await watchedPage(context);
    await page.goto(`file://${join(clinic.dir, "report", "cohort-report.html")}`);
    await page.getByRole("heading", { name: /Rows left out/ }).waitFor();
    await expectInert(page, dialogs, [JSON.stringify(HTML)]);
    await context.close();
  });

  // Eight CLI runs, each a Node start-up with tsx: run side by side, and given the time a busy
  // machine needs for them.
  it(
    "writes iCalendar and CSV schedules of well-formed lines only, refusing hostile times and settings",
    { timeout: 180_000 },
    async () => {
      const schedule = (...more: string[]) =>
        ldn(["schedule", "--protocol", "micro-titration", "--start", "2027-01-04", ...more]);
      const refusals = [
        ["--times", `08:00${ICAL_BREAK}`],
        ["--times", "=HYPERLINK(1)"],
        ["--set", `dose=${hostile("Set")}`],
      ].flatMap((args) => ["ics", "csv"].map((format) => [...args, "--format", format]));
      const [ics, csv, ...refused] = await Promise.all([
        schedule("--format", "ics"),
        schedule("--format", "csv"),
        ...refusals.map((args) => schedule(...args)),
      ]);
      expect(refused).toHaveLength(6);
      for (const run of refused) {
        expect(run!.status).not.toBe(0);
        expect(run!.stdout).toBe("");
      }
      expect(ics!.status, ics!.stderr).toBe(0);
      const lines = ics!.stdout.split("\r\n").filter((l) => l !== "");
      expect(lines.length).toBeGreaterThan(10);
      // Each line a content line (NAME:value or NAME;params:value) or a folded continuation.
      for (const line of lines) expect(line).toMatch(/^([A-Z][A-Z0-9-]*[;:]| )/);
      expect(lines.filter((l) => l.startsWith("ATTENDEE"))).toEqual([]);
      expect(csv!.status, csv!.stderr).toBe(0);
      for (const cell of csv!.stdout.split("\r\n").flatMap((l) => l.split(",")))
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    },
  );
});
