/**
 * The cohort page in chromium against the real server and the demo clinic (issue 12): with two
 * patients answering before and after, the tests say they cannot be computed (never "p < 0.001");
 * the protocol and start-date filters change the number of patients, as the CSV's rows say; the
 * CSV downloads with one row per patient shown.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./browser.ts";
import { shot, startedBeforeAll } from "./clinic.ts";
import { signInAsClinician, startDemoClinic } from "./demo-clinic.ts";

/** The CSV's data rows as cells (no cell of this export holds a comma or a quote). */
async function downloadCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const text = readFileSync((await download.path())!, "utf8");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]!.split(",").slice(0, 7)).toEqual([
    "patient_id",
    "protocol",
    "start_date",
    "med_mg",
    "days_to_med",
    "dropped_out",
    "responder",
  ]);
  return lines.slice(1).map((l) => l.split(","));
}

/** The number in "N patients on a plan". */
async function patientsShown(page: Page): Promise<number> {
  const text = (await page.getByText(/\d+ patients on a plan/).textContent()) ?? "";
  return Number(/(\d+) patients on a plan/.exec(text)![1]);
}

describe("the cohort page in a real browser", { timeout: 120_000 }, () => {
  const clinic = startedBeforeAll(startDemoClinic, (c) => c.stop());

  it("says a small group cannot be tested, filters by protocol and start date, and exports the rows shown", async () => {
    const page = await clinic.browser.newPage({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    await page.goto(`${clinic.server.url}/cohort`);
    await signInAsClinician(page);
    await page.getByRole("heading", { name: "Cohort analysis" }).waitFor();

    // The demo clinic: 23 patients on a plan, two with BPI before and 4 weeks after the MED.
    const all = await downloadCsv(page);
    expect(await patientsShown(page)).toBe(all.length);
    const painRow = page.getByRole("row", { name: /BPI pain severity/ });
    expect(await painRow.textContent()).toContain("Cannot be computed: 2 of the at least 5 patients");
    const table2 = (await page.getByRole("table").last().textContent()) ?? "";
    expect(table2).not.toContain("< 0.001");
    await page.getByText("Responders (pain 30% lower after the MED)").waitFor();
    const dropOuts = all.filter((r) => r[5] === "yes").length;
    expect(await page.getByRole("row", { name: /Stopped before a MED/ }).textContent()).toContain(
      `${dropOuts} of ${all.length}`,
    );
    expect(await axeViolations(page)).toEqual([]);

    // One protocol: the patients on it, and the CSV with the same filter has exactly them.
    await page.getByLabel("Protocol").selectOption({ label: "Micro-titration" });
    const micro = all.filter((r) => r[1] === "micro-titration").length;
    expect(micro).toBeLessThan(all.length);
    await page.getByText(`${micro} patients on a plan`).waitFor();
    expect((await downloadCsv(page)).every((r) => r[1] === "micro-titration")).toBe(true);

    // And started on or after the middle start date among them.
    const starts = all
      .filter((r) => r[1] === "micro-titration")
      .map((r) => r[2]!)
      .sort();
    const from = starts[Math.floor(starts.length / 2)]!;
    await page.getByLabel("Started from").fill(from);
    const expected = starts.filter((s) => s >= from).length;
    await page.getByText(`${expected} patients on a plan`).waitFor();
    const filtered = await downloadCsv(page);
    expect(filtered).toHaveLength(expected);
    expect(filtered.every((r) => r[1] === "micro-titration" && r[2]! >= from)).toBe(true);
    await shot(page, "cohort-filters");

    // A start range that matches nobody says so, and the filters stay to widen it again.
    await page.getByLabel("Started from").fill("2099-01-01");
    await page.getByText("No patient on a plan matches these filters.").waitFor();
    await page.getByLabel("Started from").fill("");
    await page.getByText(`${micro} patients on a plan`).waitFor();
    await page.close();
  });
});
