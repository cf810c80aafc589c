/**
 * Daily use in a real browser against the real server process, the clinician's decisions and
 * plans: a decision is recorded once and shown with who made it, when, and what an override
 * set; dates outside the clinic's window are refused, and the chart stays quick with a day
 * stored far ahead before they were; the plan form offers what screening suggests. axe-core
 * stays clean on every screen touched. What each person sees of the record is in
 * daily-use-records.e2e.test.ts.
 */
import { describe, expect, it } from "vitest";
import { openStore } from "../src/store/sql-store.ts";
import { axeViolations } from "./browser.ts";
import { get, isoDaysAgo, send, shot, shortDate, startedBeforeAll } from "./clinic.ts";
import { SCREENING, startDailyClinic } from "./daily-use-clinic.ts";

describe("daily use in a real browser: decisions and plans", { timeout: 120_000 }, () => {
  const daily = startedBeforeAll(startDailyClinic, (d) => d.clinic.stop(), 180_000);

  it("records the clinician's decision once, and shows who decided, when, and what an override set", async () => {
    const page = await daily.staff.newPage();
    await page.goto(`${daily.clinic.server.url}/patients/${daily.ids.get("T. Titrating")}`);
    const card = page.locator(".recommendation");
    const accept = card.getByRole("button", { name: "Accept recommendation" });
    await accept.waitFor();
    // A double click records one decision.
    await accept.dblclick();
    await card
      .getByRole("status")
      .getByText(/^Accepted by Dr K\. Lee, /)
      .waitFor();
    expect(await accept.count()).toBe(0);
    const decisions = page.getByRole("heading", { name: "Decisions" }).locator("..").getByRole("listitem");
    await decisions.first().waitFor();
    expect(await decisions.count()).toBe(1);
    expect(await decisions.first().textContent()).toMatch(/Accepted by Dr K\. Lee/);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "decision-accepted");

    await card.getByRole("button", { name: "Override…" }).click();
    await card.getByLabel("Instead").selectOption("set-dose");
    await card.getByLabel("Daily dose (mg)").fill("0.1");
    await card.getByLabel(/Reason/).fill("Travelling next week: hold the dose");
    await card.getByRole("button", { name: "Record override" }).click();
    await card
      .getByRole("status")
      .getByText(/^Overridden by Dr K\. Lee, .*: set the daily dose to 0\.1 mg/)
      .waitFor();
    await card.getByText("“Travelling next week: hold the dose”").waitFor();
    await decisions.nth(1).waitFor();
    expect(await decisions.count()).toBe(2);
    expect(await page.getByText("instead.totalUg").count()).toBe(0);
    await page.reload();
    await card
      .getByRole("status")
      .getByText(/^Overridden by Dr K\. Lee/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("draws the chart promptly with a day stored far ahead, and refuses such dates now", async () => {
    await daily.enrolWithPlan("F. Far", 3);
    const id = daily.ids.get("F. Far")!;
    await daily.checkInDays(daily.staff.request, id, 3);
    // An entry stored before dates were checked (the API refuses it now), written as it was.
    const store = await openStore({ kind: "sqlite", path: daily.clinic.db });
    try {
      await store.transaction({ kind: "patient", id }, (tx) =>
        tx.diary.record({
          patientId: id,
          date: "9999-12-31",
          idempotencyKey: "stored-before-the-window",
          body: { date: "9999-12-31", doses: [], pain: 5, sideEffects: [] },
        }),
      );
    } finally {
      await store.close();
    }
    const refused = await daily.staff.request.post(daily.clinic.api(`/api/patients/${id}/check-ins`), {
      data: { date: "9999-12-30", doses: [], pain: 5, sideEffects: [] },
      headers: { "idempotency-key": "far-future-now-refused" },
    });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { error: { field: string } }).error.field).toBe("body.date");

    const page = await daily.staff.newPage();
    const opened = Date.now();
    await page.goto(`${daily.clinic.server.url}/patients/${id}`);
    await page.getByRole("img", { name: /Daily dose steps and pain/ }).waitFor({ timeout: 10_000 });
    expect(Date.now() - opened).toBeLessThan(10_000);
    expect(await page.locator(".chart line.tick").count()).toBeLessThanOrEqual(12);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("refuses a plan start date far ahead in the plan form, with the reason at hand", async () => {
    const { id } = await send<{ id: string }>(daily.staff.request, daily.clinic.api("/api/patients"), {
      displayName: "P. Planned",
      screening: SCREENING,
    });
    const page = await daily.staff.newPage();
    await page.goto(`${daily.clinic.server.url}/patients/${id}`);
    await page.getByLabel("Start date").fill("9999-12-20");
    await page.getByRole("button", { name: "Start plan" }).click();
    await page.getByText(/Start date: 9999-12-20 is too late: the last day allowed is/).waitFor();
    expect(await page.getByRole("link", { name: "Print schedule (PDF)" }).count()).toBe(0);
    await page.getByLabel("Start date").fill(isoDaysAgo(0));
    await page.getByRole("button", { name: "Start plan" }).click();
    await page.getByRole("link", { name: "Print schedule (PDF)" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("offers the protocol screening suggests, lists the unsuitable ones with why, and waits for nothing before day 1", async () => {
    // No opioids: the ULDN protocols are not suitable, and say why.
    const { id: plain } = await send<{ id: string }>(daily.staff.request, daily.clinic.api("/api/patients"), {
      displayName: "N. Noopioids",
      screening: SCREENING,
    });
    const page = await daily.staff.newPage();
    await page.goto(`${daily.clinic.server.url}/patients/${plain}`);
    const protocol = page.getByLabel("Protocol");
    await protocol.locator("option").nth(1).waitFor({ state: "attached" });
    expect(await protocol.inputValue()).toBe("micro-titration");
    expect(await page.locator('option[value="uldn-with-opioids"]').isDisabled()).toBe(true);
    await page.getByText(/protocols not suitable for this patient, and why/).click();
    await page
      .getByText(/ULDN is made to run alongside opioid therapy/)
      .first()
      .waitFor();
    // A refusal is about the choice it was made on: changing the choice clears it.
    await page.getByLabel("Start date").fill("9999-12-20");
    await page.getByRole("button", { name: "Start plan" }).click();
    const refusal = page.getByText(/Start date: 9999-12-20 is too late/);
    await refusal.waitFor();
    await protocol.selectOption("conventional-titration");
    expect(await refusal.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    // Must stay on opioids: screening suggests ULDN, and the form offers it first.
    const { id } = await send<{ id: string }>(daily.staff.request, daily.clinic.api("/api/patients"), {
      displayName: "U. Uldn",
      screening: { ...SCREENING, opioids: ["oxycodone 10mg x3"], mustStayOnOpioids: true },
    });
    const chart = await daily.staff.newPage();
    await chart.goto(`${daily.clinic.server.url}/patients/${id}`);
    const offered = chart.getByLabel("Protocol");
    await offered.locator("option").nth(1).waitFor({ state: "attached" });
    expect(await offered.inputValue()).toMatch(/^uldn-/);
    expect(await chart.locator(`option[value="${await offered.inputValue()}"]`).textContent()).toContain(
      "suggested by screening",
    );
    await chart.getByLabel("Start date").fill(isoDaysAgo(0));
    await chart.getByLabel(/Why you go on/).fill("Must stay on oxycodone; ULDN alongside, as planned");
    await chart.getByRole("button", { name: "Start plan" }).click();
    // Started a moment ago: nothing waits for a decision, and no dose of 0 is shown.
    await chart.getByText(`The plan starts on ${shortDate(isoDaysAgo(0))}`).waitFor();
    expect(await chart.getByText("waiting for you").count()).toBe(0);
    expect(await chart.getByText(/at 0 mcg/).count()).toBe(0);
    expect(await axeViolations(chart)).toEqual([]);
    await shot(chart, "plan-just-started");
    await chart.close();
    const line = (
      await get<{ id: string; attention: { code: string }[] }[]>(
        daily.staff.request,
        daily.clinic.api("/api/patients"),
      )
    ).find((p) => p.id === id)!;
    expect(line.attention.map((a) => a.code)).not.toContain("recommendation");
  });
});
