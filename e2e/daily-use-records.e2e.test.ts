/**
 * Daily use in a real browser against the real server process, the record itself: the
 * pharmacist's "Today" is the engine's dose for each patient, with their state; a patient who
 * corrects a day on their phone leaves one entry for it, and the clinician sees who changed
 * what, and when; a dose ticked is saved at once and still shows taken after the check-in; a
 * flag acknowledged leaves the work to do until something new. axe-core stays clean on every
 * screen touched. The clinician's decisions and plans are in daily-use-plans.e2e.test.ts.
 */
import { describe, expect, it } from "vitest";
import { axeViolations, signInOnPage } from "./browser.ts";
import { get, isoDaysAgo, send, shot, shortDate, startedBeforeAll } from "./clinic.ts";
import { PHARMACIST, startDailyClinic } from "./daily-use-clinic.ts";

describe("daily use in a real browser: the record", { timeout: 120_000 }, () => {
  const daily = startedBeforeAll(startDailyClinic, (d) => d.clinic.stop(), 180_000);

  it("shows the pharmacist each patient's dose today as the clinician sees it, and who has stopped", async () => {
    const clinicianList = await get<{ displayName: string; today: string | null }[]>(
      daily.staff.request,
      daily.clinic.api("/api/patients"),
    );
    const expected = clinicianList.find((p) => p.displayName === "T. Titrating")!.today!;
    expect(expected).not.toBe("0.1 mg");
    const pharmacy = await daily.clinic.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await pharmacy.newPage();
    await page.goto(daily.clinic.server.url);
    await signInOnPage(page, PHARMACIST.email, PHARMACIST.password);
    await page.getByRole("heading", { name: "Patients" }).waitFor();
    await page.getByRole("columnheader", { name: "State" }).waitFor();
    const titrating = page.getByRole("row").filter({ hasText: "T. Titrating" });
    expect(await titrating.getByRole("cell").nth(2).textContent()).toBe("Titrating");
    expect(await titrating.getByRole("cell").nth(3).textContent()).toBe(expected);
    const stopped = page.getByRole("row").filter({ hasText: "S. Stopped" });
    expect(await stopped.getByRole("cell").nth(2).textContent()).toBe("Stopped");
    expect(await stopped.getByRole("cell").nth(3).textContent()).toBe("none");
    await page.getByRole("combobox", { name: /^State/ }).selectOption("stopped");
    expect(await page.locator(".patients tbody tr").count()).toBe(1);
    await shot(page, "pharmacist-dashboard");
    expect(await axeViolations(page)).toEqual([]);
    await pharmacy.close();
  });

  it("keeps one entry for a day the patient corrects on the phone, and shows the clinician who changed what", async () => {
    const token = await daily.enrolWithPlan("C. Corrects", 3);
    const phone = await daily.phoneFor(token);
    const page = await phone.newPage();
    await page.goto(daily.clinic.server.url);
    const day = isoDaysAgo(1);
    await page.getByLabel("Day", { exact: true }).fill(day);
    await page.getByRole("list", { name: `Doses for ${shortDate(day)}` }).waitFor();
    const pain = page.getByRole("radiogroup", { name: /Pain/ });
    await pain.getByRole("radio", { name: "7" }).check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page
      .getByRole("status")
      .getByText(`Saved your check-in for ${shortDate(day)}`)
      .waitFor();
    // The day opens with what was saved; changing it and saving again corrects it.
    await page.getByText("You have checked in for this day").waitFor();
    expect(await pain.getByRole("radio", { name: "7" }).isChecked()).toBe(true);
    await pain.getByRole("radio", { name: "4" }).check();
    await page.getByRole("button", { name: "Save correction" }).click();
    await page
      .getByRole("status")
      .getByText(`Saved your correction for ${shortDate(day)}`)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "phone-correction");
    await page.reload();
    await page.getByLabel("Day", { exact: true }).fill(day);
    await page.getByText("You have checked in for this day").waitFor();
    expect(await pain.getByRole("radio", { name: "4" }).isChecked()).toBe(true);
    await phone.close();

    const chart = await daily.staff.newPage();
    await chart.goto(`${daily.clinic.server.url}/patients/${daily.ids.get("C. Corrects")}`);
    await chart.getByText("Diary (1 day)").click();
    const row = chart.getByRole("row").filter({ hasText: shortDate(day) });
    await row.getByText("corrected once").click();
    await row.getByText(/Corrected .* by the patient: Pain 7 → 4/).waitFor();
    await row.getByText(/First recorded .* by the patient/).waitFor();
    expect(await row.getByRole("cell").nth(2).textContent()).toBe("4");
    expect(await axeViolations(chart)).toEqual([]);
    await shot(chart, "diary-correction");
    await chart.close();
  });

  it("saves a dose the moment it is ticked, and after the check-in still shows it taken", async () => {
    const token = await daily.enrolWithPlan("D. Doses", 4);
    const phone = await daily.phoneFor(token);
    const id = daily.ids.get("D. Doses")!;
    await daily.checkInDays(phone.request, id, 4);
    const page = await phone.newPage();
    await page.goto(daily.clinic.server.url);
    const doses = page.getByRole("list", { name: `Doses for ${shortDate(isoDaysAgo(0))}` });
    await doses.waitFor();
    const first = doses.getByRole("checkbox").first();
    expect(await first.isChecked()).toBe(false);
    await first.check();
    await doses
      .getByText(/^taken \d\d:\d\d$/)
      .first()
      .waitFor();
    // Saved at once: a reload shows it taken before any check-in.
    await page.reload();
    await doses.waitFor();
    await doses
      .getByText(/^taken \d\d:\d\d$/)
      .first()
      .waitFor();
    expect(await doses.getByRole("checkbox").first().isChecked()).toBe(true);
    const pain = page.getByRole("radiogroup", { name: /Pain/ });
    await pain.getByRole("radio", { name: "5" }).check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByRole("status").getByText("Saved your check-in").waitFor();
    // After saving, the dose taken is still shown taken: nothing invites a second one.
    await page.reload();
    await doses.waitFor();
    expect(await doses.getByRole("checkbox").first().isChecked()).toBe(true);
    await doses
      .getByText(/^taken \d\d:\d\d$/)
      .first()
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "phone-dose-ticked");
    const today = await get<{ today: { doses: { takenAt: string | null }[] } }>(
      phone.request,
      daily.clinic.api(`/api/patients/${id}/today`),
    );
    expect(today.today.doses[0]!.takenAt).not.toBeNull();
    await phone.close();
  });

  it("lets the clinician acknowledge a flag, shows who and when, and raises it again on something new", async () => {
    const token = await daily.enrolWithPlan("S. Sidefx", 3);
    const phone = await daily.phoneFor(token);
    const id = daily.ids.get("S. Sidefx")!;
    const report = (ago: number, effect: string) =>
      send(
        phone.request,
        daily.clinic.api(`/api/patients/${id}/check-ins`),
        { date: isoDaysAgo(ago), doses: [], pain: 6, sideEffects: [effect] },
        { "idempotency-key": `sidefx-${ago}-${effect}` },
      );
    await report(1, "insomnia");
    const page = await daily.staff.newPage();
    await page.goto(daily.clinic.server.url);
    const row = page.getByRole("row").filter({ hasText: "S. Sidefx" });
    const flag = row.locator(".attention.side-effect");
    await flag.waitFor();
    const sideEffects = page.getByRole("button", { name: /^Side effects \d+$/ });
    const before = Number((await sideEffects.textContent())!.replace(/\D+/g, ""));
    await row.getByRole("button", { name: /^Acknowledge for S\. Sidefx: Side effects/ }).click();
    await row
      .getByText(/✓ Side effects in the last 3 days: trouble sleeping: acknowledged by Dr K\. Lee, /)
      .waitFor();
    expect(await flag.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "dashboard-acknowledged");
    // Kept: the flag stays acknowledged on the next visit, and the count means work to do.
    await page.reload();
    await row.getByText(/acknowledged by Dr K\. Lee/).waitFor();
    expect(await flag.count()).toBe(0);
    const after =
      (await sideEffects.count()) === 0 ? 0 : Number((await sideEffects.textContent())!.replace(/\D+/g, ""));
    expect(after).toBe(before - 1);
    // Something new: a headache today raises it again.
    await report(0, "headache");
    await page.reload();
    await flag.waitFor();
    expect(await flag.textContent()).toContain("headache");
    await page.close();
    await phone.close();
  });
});
