/**
 * The engine's alerts in a real browser against the real server process: a patient screened on
 * oxycodone 40 mg a day (60 MME) titrates micro-titration. The clinician's dashboard marks them
 * and filters on it, their chart lists the alert with the recommendation, and the patient's
 * phone shows the plain message written for them, never the clinician's. axe-core stays clean.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext, Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb } from "../scripts/build-web.ts";
import { freePort, startServerProcess, type ServerProcess } from "../src/http/testing/server-process.ts";
import { CLINICIAN, PATIENT_PASSWORD, isoDaysAgo, seedClinician, shot } from "./clinic.ts";
import { axeViolations, launchChromium } from "./browser.ts";

const SCREENING = {
  ageYears: 52,
  painMonths: 60,
  pregnancy: "no",
  opioids: [] as string[],
  mustStayOnOpioids: false,
  riskFactors: ["centralized-pain"],
};
/** Words only the clinician's message has (the patient's says "You also take oxycodone"). */
const CLINICIAN_WORDS = /recorded at screening/;

/** A clinic with one clinician, written into the SQLite file before the server starts. */
async function post<T>(request: APIRequestContext, url: string, data: unknown, headers = {}): Promise<T> {
  const res = await request.post(url, { data, headers });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

describe("the engine's alerts in a real browser", { timeout: 90_000 }, () => {
  let dir: string;
  let server: ServerProcess;
  let browser: Browser;
  let staff: BrowserContext;
  let phone: BrowserContext;

  beforeAll(async () => {
    await buildWeb();
    dir = mkdtempSync(join(tmpdir(), "ldn-e2e-alerts-"));
    const db = join(dir, "ldn.sqlite");
    await seedClinician(db);
    server = await startServerProcess(db, await freePort());
    browser = await launchChromium();

    // The clinician enrols, plans and invites through the API; the patient joins and checks in.
    staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const api = (path: string) => `${server.url}${path}`;
    await post(staff.request, api("/api/session"), { login: CLINICIAN.email, password: CLINICIAN.password });
    const onOxycodone = await post<{ id: string }>(staff.request, api("/api/patients"), {
      displayName: "O. Xycodone",
      screening: { ...SCREENING, opioids: ["oxycodone 40mg/day"] },
    });
    await post(staff.request, api("/api/patients"), {
      displayName: "N. Oopioids",
      screening: SCREENING,
    });
    const id = onOxycodone.id;
    await post(staff.request, api(`/api/patients/${id}/plans`), {
      protocolId: "micro-titration",
      startDate: isoDaysAgo(3),
      interactionReason: "Tapering oxycodone with the pain team",
    });
    const invite = await post<{ token: string }>(staff.request, api(`/api/patients/${id}/invitations`), {});
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await post(phone.request, api("/api/invitations/accept"), {
      token: invite.token,
      password: PATIENT_PASSWORD,
    });
    for (const ago of [3, 2, 1]) {
      const date = isoDaysAgo(ago);
      await post(
        phone.request,
        api(`/api/patients/${id}/check-ins`),
        { date, doses: [{ time: "08:00", ug: 100 }], pain: 6, sideEffects: [] },
        { "idempotency-key": `alerts-${date}` },
      );
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill("SIGTERM");
    await server?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it("marks the patient on the dashboard, filters on alerts and lists the alert with the recommendation", async () => {
    const page = await staff.newPage();
    await page.goto(server.url);
    const row = page.getByRole("row").filter({ hasText: "O. Xycodone" });
    await row.getByText("Alert: titrating on opioids").waitFor();
    // The alert leads what needs attention: that patient is first.
    expect(await page.locator(".patients tbody tr").first().textContent()).toContain("O. Xycodone");
    const alerts = page.getByRole("button", { name: /^Alerts/ });
    expect(await alerts.textContent()).toBe("Alerts 1");
    expect(await page.locator(".patients tbody tr").count()).toBe(2);
    await alerts.click();
    expect(await alerts.getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator(".patients tbody tr").count()).toBe(1);
    await shot(page, "alerts-dashboard");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "O. Xycodone" }).click();
    const recommendation = page.locator(".recommendation");
    const list = recommendation.getByRole("region", { name: "Alert" });
    await list.waitFor();
    expect(await list.getByText("Titrating on opioids").count()).toBe(1);
    expect(await list.textContent()).toContain("oxycodone (60 MME a day) recorded at screening");
    // Raised on the last check-in's day, shown as the app writes dates.
    const yesterday = new Date(`${isoDaysAgo(1)}T12:00:00Z`).toLocaleDateString("en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
    expect(await list.textContent()).toContain(`(${yesterday})`);
    await shot(page, "alerts-patient-chart");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("shows the patient the plain message written for them, never the clinician's", async () => {
    const page = await phone.newPage();
    await page.goto(server.url);
    const note = page.getByRole("region", { name: "Please read" });
    await note.getByText(/You also take oxycodone\. If you feel unwell after a dose of LDN/).waitFor();
    await page.getByRole("heading", { name: "Daily check-in" }).waitFor();
    expect(await page.getByText(CLINICIAN_WORDS).count()).toBe(0);
    await shot(page, "alerts-phone");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
