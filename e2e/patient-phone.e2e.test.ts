/**
 * The patient's app on a phone (390x844) in a real chromium against the real server process
 * (issue 12): each check-in error at its question, in view; past days listed and opened with
 * their values to correct; the patient's own trends with the dose; why the dose is what it is;
 * questionnaires answered with buttons, a warning before saving one that cannot be scored, and
 * a notice while one is due.
 */
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./browser.ts";
import { isoDaysAgo, send } from "./clinic.ts";
import { phonePatient, type PhonePatient } from "./phone-patient.ts";

const shots = process.env.LDN_SCREENSHOTS;

/** As the app writes a date: "2027-01-04" -> "Mon 4 Jan". */
const shortDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });

/** Whether the element is on screen, not scrolled out of sight. */
const inView = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });

/** Pain before LDN on two days before the plan, then six days on it (pain, mood, energy, clarity). */
const DAYS = [
  { ago: 8, pain: 7, mood: 4, energy: 3, clarity: 5 },
  { ago: 7, pain: 7, mood: 4, energy: 3, clarity: 5 },
  { ago: 6, pain: 7, mood: 4, energy: 4, clarity: 5 },
  { ago: 5, pain: 6, mood: 5, energy: 4, clarity: 6 },
  { ago: 4, pain: 6, mood: 5, energy: 5, clarity: 6 },
  { ago: 3, pain: 5, mood: 6, energy: 5, clarity: 7 },
  { ago: 2, pain: 5, mood: 6, energy: 6, clarity: 7, sideEffects: ["vivid-dreams"] },
  { ago: 1, pain: 4, mood: 7, energy: 6, clarity: 8 },
];

describe("the patient's app on a phone", { timeout: 120_000 }, () => {
  let app: PhonePatient;
  let page: Page;

  beforeAll(async () => {
    app = await phonePatient("P. Hone", isoDaysAgo(6));
    const api = (path: string) => `${app.server.url}/api/patients/${app.patientId}${path}`;
    for (const { ago, ...ratings } of DAYS) {
      const date = isoDaysAgo(ago);
      const today = (await (await app.phone.request.get(api(`/today?today=${date}`))).json()) as {
        today: { doses: { time: string; ug: number }[] } | null;
      };
      await send(
        app.phone.request,
        api("/check-ins"),
        {
          date,
          doses: (today.today?.doses ?? []).map((x) => ({ time: x.time, ug: x.ug })),
          sideEffects: [],
          ...ratings,
        },
        { "idempotency-key": `seed-${date}` },
      );
    }
    page = await app.phone.newPage();
    await page.goto(app.server.url);
    await page.getByRole("heading", { name: "Daily check-in" }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it("shows each check-in error at its question, in view of Save", async () => {
    // The page loaded, as a patient sees it: today's doses drawn above the form while Save is
    // pressed would move the question after it was scrolled to (it failed 1 run in 3 so).
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Save check-in" }).click();
    const pain = page.getByRole("group", { name: /^Pain/ });
    const error = pain.getByRole("alert");
    await error.waitFor();
    expect(await error.textContent()).toBe("Choose your pain, 0 to 10, before saving.");
    // Scrolled to once the error has drawn: poll rather than race the scroll.
    await expect.poll(() => inView(error)).toBe(true);
    // Only pain is required; why the other three are worth rating is said in plain words.
    expect(
      await page.getByText(/optional, but rating them each day helps your clinic see sooner/).count(),
    ).toBe(1);

    // The server's refusal of a day too far back is shown under the day.
    await page.getByLabel("Day", { exact: true }).fill(isoDaysAgo(200));
    await pain.getByRole("radio", { name: "5", exact: true }).check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    const dayError = page.locator("form.checkin label:has(input[type=date]) + p[role=alert]");
    await dayError.waitFor();
    // The server's words name the value it refused and why, beside the field (not its API path).
    expect(await dayError.textContent()).toMatch(new RegExp(`^${isoDaysAgo(200)} is too early`));
    await expect.poll(() => inView(dayError)).toBe(true);
    expect(await pain.getByRole("alert").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Day", { exact: true }).fill(isoDaysAgo(0));
  });

  it("lists past check-ins and opens one with its values filled in, to correct it", async () => {
    const history = page.locator(".card:has(#history-title)");
    const day = isoDaysAgo(3);
    await history.getByText(shortDate(day)).waitFor();
    expect(await history.getByRole("button", { name: /^Edit / }).count()).toBe(DAYS.length);
    await history.getByRole("button", { name: `Edit ${shortDate(day)}` }).click();
    expect(await page.getByLabel("Day", { exact: true }).inputValue()).toBe(day);
    const checked = (name: RegExp) =>
      page.getByRole("radiogroup", { name }).locator("input:checked").getAttribute("value");
    expect(await checked(/^Pain/)).toBe("5");
    expect(await checked(/^Mood/)).toBe("6");
    expect(await checked(/^Energy/)).toBe("5");
    expect(await checked(/^Mental clarity/)).toBe("7");
    await page
      .getByRole("radiogroup", { name: /^Pain/ })
      .getByRole("radio", { name: "4", exact: true })
      .check();
    await page.getByRole("button", { name: "Save correction" }).click();
    await page
      .getByRole("status")
      .getByText(`Saved your correction for ${shortDate(day)}`)
      .waitFor();
    const item = history.getByRole("listitem").filter({ hasText: shortDate(day) });
    await item.getByText("corrected").waitFor();
    expect(await item.textContent()).toContain("pain 4 · mood 6 · energy 5 · clarity 7");
    if (shots) await history.screenshot({ path: join(shots, "patient-history.png") });
  });

  it("shows the patient's own trends with the dose, and why the dose is what it is", async () => {
    const trends = page.locator(".card:has(h2:text('Your trends'))");
    const chart = trends.getByRole("img", { name: /over 6 days/ });
    await chart.waitFor();
    for (const series of ["pain", "mood", "energy", "clarity"])
      expect(await trends.locator(`path.series.${series}`).getAttribute("d")).toMatch(/^M[\d.]+,[\d.]+ L/);
    expect(await trends.locator("path.dose-steps").getAttribute("d")).toMatch(/^M/);
    expect(await trends.locator(".side-effect circle").count()).toBe(1);
    await trends.getByText("Pain before LDN").waitFor();
    // The patient can hide a line to see the others.
    await trends.getByRole("checkbox", { name: "Mood" }).uncheck();
    expect(await trends.locator("path.series.mood").count()).toBe(0);
    await trends.getByRole("checkbox", { name: "Mood" }).check();
    if (shots) await trends.screenshot({ path: join(shots, "patient-trends.png") });

    const reason = page.locator(".card:has(#dose-reason-title)");
    expect(await reason.textContent()).toMatch(/Your dose (goes up|stays|goes down)|Your pain has eased/);
    expect(await reason.textContent()).toMatch(/clinician/);
    expect(await reason.textContent()).not.toMatch(/MED|window|hormesis|004/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("asks for the questionnaires while they are due, with the check-in's buttons, and warns before saving one that cannot be scored", async () => {
    const card = page.locator(".card:has(#questionnaires-title)");
    await card.getByText("Please answer the questionnaires below").waitFor();
    await card.getByRole("button", { name: "Answer: Pain questionnaire (BPI)" }).click();
    const form = card.getByRole("form", { name: "Pain questionnaire (BPI)" });
    expect(await form.getByRole("radiogroup").count()).toBe(11);
    expect(await form.locator("input[type=number]").count()).toBe(0);
    // Three of the four pain questions and all seven interference questions.
    const groups = await form.getByRole("radiogroup").all();
    for (const [i, group] of groups.entries())
      if (i !== 3) await group.getByRole("radio", { name: String(i % 10), exact: true }).check();
    await form.getByRole("button", { name: "Save answers" }).click();
    const warning = form.getByRole("alert");
    await warning.waitFor();
    expect(await warning.textContent()).toContain("pain severity");
    expect(await warning.textContent()).not.toContain("pain interference");
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Save anyway" }).click();
    const row = card.getByRole("row").filter({ hasText: "Pain questionnaire (BPI)" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Pain severity: not scored");
    expect(await row.textContent()).toMatch(/Pain interference: \d/);
    // Answered: no longer due.
    await page.waitForFunction(
      () => !document.body.textContent?.includes("Please answer the questionnaires below"),
    );

    // PROMIS Global-10 and Physical Function 4a on the same buttons, 1 to 5 (pain 0 to 10).
    await card.getByRole("button", { name: /^Answer: What you can do/ }).click();
    const pf = card.getByRole("form", { name: /What you can do/ });
    for (const group of await pf.getByRole("radiogroup").all()) {
      expect(await group.getByRole("radio").count()).toBe(5);
      await group.getByRole("radio", { name: "3", exact: true }).check();
    }
    await pf.getByRole("button", { name: "Save answers" }).click();
    await card
      .getByRole("row")
      .filter({ hasText: "What you can do" })
      .getByText("Physical Function T: 36.7")
      .waitFor();
    await card.getByRole("button", { name: /^Answer: Your health in general/ }).click();
    const global = card.getByRole("form", { name: /Your health in general/ });
    expect(await global.getByRole("radiogroup").count()).toBe(10);
  });
});
