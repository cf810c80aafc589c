/**
 * The dashboard with a thousand patients, in the real browser: the built app is served from
 * web/dist and the API answers pages of a thousand synthetic summaries, searched, filtered,
 * sorted and counted by the server's own functions (`dashboard-lines.ts`; the server's speed
 * at network size is bench/dashboard.ts). Draws, filters, sorts and pages must stay quick on a
 * clinic PC, and the browser never holds more than a page.
 */
import { readFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/http/api/common.ts";
import type { PatientPageDto, PatientSummaryDto } from "../src/http/api/patients.ts";
import { countLines, selectLines, type SortKey } from "../src/app/use-cases/dashboard-lines.ts";
import { buildWeb } from "../scripts/build-web.ts";
import { axeViolations, launchChromium } from "./browser.ts";

const DIST = resolve(import.meta.dirname, "../web/dist");
const ORIGIN = "http://clinic.test";
const N = 1000;
const STATES = ["titrating", "window", "med", "paused", "stopped", "maintenance"] as const;

const ME: Me = {
  kind: "staff",
  id: "s1",
  displayName: "Dr K. Lee",
  role: "clinician",
  clinicId: "c1",
  clinicName: "Riverside Pain Clinic",
};

/** Every 17th patient has an engine alert (59 of the thousand). */
const alerted = (i: number) => i % 17 === 0;
const ALERT: PatientSummaryDto["alerts"][number] = {
  code: "titrating-on-opioids",
  label: "titrating on opioids",
  date: "2026-11-20",
  message: "oxycodone (60 MME a day) recorded at screening: ...",
};

function patients(): PatientSummaryDto[] {
  return Array.from({ length: N }, (_, i) => {
    const ug = 100 * (1 + (i % 45));
    return {
      id: `p${i}`,
      displayName: `Patient ${String(i).padStart(4, "0")}`,
      enrolledAt: "2026-09-01T09:00:00.000Z",
      joined: i % 3 !== 0,
      protocolKey: "micro-titration@2",
      protocolName: "Micro-titration",
      startDate: "2026-09-02",
      state: STATES[i % STATES.length]!,
      medUg: null,
      todayUg: ug,
      today: `${ug / 1000} mg`,
      lastCheckIn: "2026-11-20",
      daysSinceCheckIn: i % 11,
      alerts: alerted(i) ? [ALERT] : [],
      attention: [
        ...(alerted(i)
          ? [
              {
                code: "engine-alert",
                priority: 0,
                message: "Alert: titrating on opioids",
                facts: ["titrating-on-opioids on 2026-11-20"],
                acknowledgeable: true,
              },
            ]
          : []),
        ...(i % 7 === 0
          ? [
              {
                code: "recommendation",
                priority: 1,
                message: "New recommendation to review: in the window from 0.6 mg",
                facts: [],
                acknowledgeable: false,
              },
            ]
          : i % 13 === 0
            ? [
                {
                  code: "missed-week",
                  priority: 4,
                  message: "No check-in for 9 days",
                  facts: ["last check-in: 2026-11-20", "weeks: 1"],
                  acknowledgeable: true,
                },
              ]
            : []),
      ],
      acknowledged: [],
    };
  });
}

const TYPES: Record<string, string> = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html" };

/** What the server answers for `GET /api/patients?...`, made by the server's functions. */
function pageOf(list: readonly PatientSummaryDto[], params: URLSearchParams): PatientPageDto {
  const lines = list.map((p) => ({ ...p, attention: p.attention.map((a) => a.code) }));
  const filters = {
    ...(params.get("q") ? { q: params.get("q")! } : {}),
    ...(params.get("state") ? { state: params.get("state")! } : {}),
    ...(params.get("attention") ? { attention: params.get("attention") as "any" } : {}),
    ...(params.get("sort") ? { sort: params.get("sort") as SortKey } : {}),
  };
  const matching = selectLines(lines, filters, "2026-11-21");
  const page = Number(params.get("page") ?? 1);
  const pageSize = Number(params.get("pageSize") ?? 50);
  const byId = new Map(list.map((p) => [p.id, p]));
  return {
    patients: matching.slice((page - 1) * pageSize, page * pageSize).map((l) => byId.get(l.id)!),
    total: matching.length,
    page,
    pageSize,
    counts: countLines(lines),
  };
}

async function serveApp(page: Page, list: PatientSummaryDto[]) {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const path = url.pathname;
    if (path === "/api/me") return route.fulfill({ json: ME });
    if (path === "/api/patients") return route.fulfill({ json: pageOf(list, url.searchParams) });
    const file = extname(path) ? path : "/index.html";
    return route.fulfill({
      body: readFileSync(join(DIST, file)),
      contentType: TYPES[extname(file)] ?? "application/octet-stream",
    });
  });
}

/** Milliseconds from `act` until `done` holds in the page. */
async function timed(page: Page, act: () => Promise<unknown>, done: string): Promise<number> {
  const start = Date.now();
  await act();
  await page.waitForFunction(done);
  return Date.now() - start;
}

describe("the dashboard with a thousand patients", { timeout: 60_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    await buildWeb();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("draws, searches, filters, sorts and pages in well under a second, a page at a time", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await serveApp(page, patients());
    const first = await timed(
      page,
      () => page.goto(ORIGIN),
      "document.querySelector('.patients tbody tr') !== null",
    );
    expect(await page.getByText("Showing 1–50 of 1,000 patients").count()).toBe(1);
    // Needs attention first: the engine's alerts lead (59, a page and more), then the
    // recommendations waiting.
    const firstRow = page.locator(".patients tbody tr").first();
    expect(await firstRow.getByText("Alert: titrating on opioids").count()).toBe(1);
    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText("Showing 51–100 of 1,000 patients").waitFor();
    expect(
      await page
        .locator(".patients tbody tr")
        .nth(9)
        .getByText(/New recommendation to review/)
        .count(),
    ).toBe(1);

    const search = await timed(
      page,
      () => page.getByLabel("Search").fill("Patient 0999"),
      "document.querySelectorAll('.patients tbody tr').length === 1",
    );
    await page.getByLabel("Search").fill("");
    const filter = await timed(
      page,
      () => page.getByRole("button", { name: /Missed check-ins/ }).click(),
      "document.querySelector('.page-count')?.textContent === 'Showing 1–50 of 66 patients'",
    );
    await page.getByRole("button", { name: /Missed check-ins/ }).click();
    const alerts = await timed(
      page,
      () => page.getByRole("button", { name: /^Alerts/ }).click(),
      "document.querySelector('.page-count')?.textContent === 'Showing 1–50 of 59 patients'",
    );
    await page.getByRole("button", { name: /^Alerts/ }).click();
    const sort = await timed(
      page,
      () => page.getByLabel("Sort by").selectOption("name"),
      "document.querySelector('.patients tbody tr a')?.textContent === 'Patient 0000'",
    );
    // A page of rows at a time; the next one click away.
    expect(await page.locator(".patients tbody tr").count()).toBe(50);
    const next = await timed(
      page,
      () => page.getByRole("button", { name: "Next page" }).click(),
      "document.querySelector('.patients tbody tr a')?.textContent === 'Patient 0050'",
    );
    expect(await page.locator(".patients tbody tr").count()).toBe(50);
    expect(await page.getByText("Showing 51–100 of 1,000 patients").count()).toBe(1);
    // The pages' buttons and the count read out as they change.
    expect(await axeViolations(page)).toEqual([]);

    console.log(
      `dashboard, ${N} patients: first draw ${first} ms, search ${search} ms, filter ${filter} ms, alerts ${alerts} ms, sort ${sort} ms, next page ${next} ms`,
    );
    expect(first).toBeLessThan(3000);
    for (const ms of [search, filter, alerts, sort, next]) expect(ms).toBeLessThan(1000);
    await page.close();
  });

  it("keeps the page moved to when the search box's pause ends", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The page's timers on Playwright's clock, run past the search box's first pause below:
    // its end used to send the page back to 1, undoing a "Next page" pressed before it.
    await page.clock.install();
    await serveApp(page, patients());
    await page.goto(ORIGIN);
    await page.getByText("Showing 1–50 of 1,000 patients").waitFor();
    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText("Showing 51–100 of 1,000 patients").waitFor();
    await page.clock.runFor(1000);
    expect(await page.locator(".page-count").textContent()).toBe("Showing 51–100 of 1,000 patients");
    await page.close();
  });
});
