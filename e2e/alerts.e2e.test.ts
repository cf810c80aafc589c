/**
 * The engine's alerts in a real browser against the real server process: a patient screened on
 * oxycodone 40 mg a day (60 MME) titrates micro-titration. The clinician's dashboard marks them
 * and filters on it, their chart lists the alert with the recommendation, and the patient's
 * phone shows the plain message written for them, never the clinician's. axe-core stays clean.
 */
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDaysAgo, joinOnPhone, send, shot, startClinic, type Clinic } from "./clinic.ts";
import { axeViolations } from "./browser.ts";

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

describe("the engine's alerts in a real browser", { timeout: 90_000 }, () => {
  let clinic: Clinic;
  let staff: BrowserContext;
  let phone: BrowserContext;

  beforeAll(async () => {
    clinic = await startClinic("alerts");

    // The clinician enrols, plans and invites through the API; the patient joins and checks in.
    staff = await clinic.signIn(undefined, undefined, { viewport: { width: 1280, height: 900 } });
    const api = clinic.api;
    const onOxycodone = await send<{ id: string }>(staff.request, api("/api/patients"), {
      displayName: "O. Xycodone",
      screening: { ...SCREENING, opioids: ["oxycodone 40mg/day"] },
    });
    await send(staff.request, api("/api/patients"), {
      displayName: "N. Oopioids",
      screening: SCREENING,
    });
    const id = onOxycodone.id;
    await send(staff.request, api(`/api/patients/${id}/plans`), {
      protocolId: "micro-titration",
      startDate: isoDaysAgo(3),
      interactionReason: "Tapering oxycodone with the pain team",
    });
    const invite = await send<{ token: string }>(staff.request, api(`/api/patients/${id}/invitations`), {});
    ({ phone } = await joinOnPhone(clinic, invite.token));
    for (const ago of [3, 2, 1]) {
      const date = isoDaysAgo(ago);
      await send(
        phone.request,
        api(`/api/patients/${id}/check-ins`),
        { date, doses: [{ time: "08:00", ug: 100 }], pain: 6, sideEffects: [] },
        { "idempotency-key": `alerts-${date}` },
      );
    }
  }, 120_000);

  afterAll(async () => {
    await clinic?.stop();
  });

  it("marks the patient on the dashboard, filters on alerts and lists the alert with the recommendation", async () => {
    const page = await staff.newPage();
    await page.goto(clinic.server.url);
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
    await page.goto(clinic.server.url);
    const note = page.getByRole("region", { name: "Please read" });
    await note.getByText(/You also take oxycodone\. If you feel unwell after a dose of LDN/).waitFor();
    await page.getByRole("heading", { name: "Daily check-in" }).waitFor();
    expect(await page.getByText(CLINICIAN_WORDS).count()).toBe(0);
    await shot(page, "alerts-phone");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
