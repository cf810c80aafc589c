/**
 * The clinician's screens in chromium against the real server and the demo clinic (issue 12):
 * protocol keys and citations only behind "Source"; a not-eligible patient has no plan form and
 * no invitation, until screening is edited, and the page shows the screening's history; the
 * invitation box gives the link to copy, a QR code of it and its expiry; an ended session goes
 * to sign-in and back to the same page; the chart on a 390 x 844 phone fits and its labels do
 * not overlap.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { generate } from "lean-qr/nano";
import { toSvgPath } from "lean-qr/extras/svg";
import { describe, expect, it } from "vitest";
import type { PatientSummaryDto } from "../src/http/api/patients.ts";
import { axeViolations } from "./browser.ts";
import { shot, startedBeforeAll } from "./clinic.ts";
import { DEMO_CLINICIAN, signInAsClinician, startDemoClinic } from "./demo-clinic.ts";

/** What a reader sees of the page (closed <details> contribute only their summary). */
const visibleText = (page: Page) => page.locator("main").innerText();

/** Internal words that must not show unless a "Source" is opened. */
const INTERNAL = [/[a-z]+-[a-z-]+@\d+/, /\bdetector\b/, /\b00[0-9]\b/];

async function patients(page: Page): Promise<PatientSummaryDto[]> {
  return (await page.evaluate(async () => (await fetch("/api/patients")).json())) as PatientSummaryDto[];
}

interface Box {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The pairs of labels whose boxes overlap by more than a pixel, as "a / b". */
function overlaps(boxes: readonly Box[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) pairs.push(`${a.text} / ${b.text}`);
    }
  return pairs;
}

describe("the clinician's screens in a real browser", { timeout: 150_000 }, () => {
  const clinic = startedBeforeAll(startDemoClinic, (c) => c.stop());

  it("keeps keys and citations behind Source, edits screening with its history, and gives no plan or invitation to a not-eligible patient", async () => {
    const desk = await clinic.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await desk.grantPermissions(["clipboard-read", "clipboard-write"], { origin: clinic.server.url });
    const page = await desk.newPage();
    await page.goto(clinic.server.url);
    await signInAsClinician(page);
    await page.getByRole("heading", { name: "Patients" }).waitFor();
    await page.getByRole("table").waitFor();
    const dashboard = await visibleText(page);
    for (const word of INTERNAL) expect(dashboard).not.toMatch(word);
    expect(dashboard).toContain("Micro-titration");

    // A patient with a plan: the protocol's name; its key and detector only behind Source.
    const onPlan = (await patients(page)).find((p) => p.state === "med")!;
    await page.getByRole("link", { name: onPlan.displayName, exact: true }).click();
    await page.getByRole("heading", { name: "Titration" }).waitFor();
    const chart = await visibleText(page);
    for (const word of INTERNAL) expect(chart).not.toMatch(word);
    const planCard = page.locator(".card", { has: page.getByRole("heading", { name: "Plan" }) });
    await planCard.getByText("Source", { exact: true }).click();
    expect(await planCard.innerText()).toMatch(
      /Protocol [a-z-]+@\d+; response judged by the [\w-]+ detector/,
    );

    // Enrolled pregnant: not eligible, so no plan form and no invitation, and the reason shown.
    await page.getByRole("link", { name: "Enrol" }).click();
    await page.getByLabel("Name as shown to staff").fill("P. Regnant");
    await page.getByLabel("Age (years)").fill("31");
    await page.getByLabel("Pain for (months)").fill("24");
    await page.getByLabel("Pregnant").selectOption("yes");
    await page.getByRole("button", { name: "Screen and enrol" }).click();
    await page.getByText("No plan can start: screening rules LDN out.").waitFor();
    expect(await page.getByRole("button", { name: "Start plan" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Invite to join|New invitation/ }).count()).toBe(0);
    expect(await page.locator(".eligibility").textContent()).toBe("Not eligible");
    const screeningText = await visibleText(page);
    for (const word of INTERNAL) expect(screeningText).not.toMatch(word);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "clinician-not-eligible");

    // Pregnancy ruled out later: screening is edited, the plan form and invitation come back,
    // and the history says who changed what.
    await page.getByRole("button", { name: "Edit screening" }).click();
    const form = page.getByRole("form", { name: "Screen again" });
    await form.getByLabel("Pregnant").selectOption("no");
    await form.getByRole("button", { name: "Screen again" }).click();
    await page.getByRole("button", { name: "Start plan" }).waitFor();
    const history = page.locator(".screening-history");
    await history.getByText("Pregnant: yes → no").waitFor();
    expect(await history.textContent()).toContain(
      `${DEMO_CLINICIAN.name}: Pregnant: yes → no (Not eligible →`,
    );
    expect(await page.locator(".eligibility").textContent()).not.toBe("Not eligible");

    // The invitation: a box with the link, a QR code of exactly that link, the expiry, and Copy.
    await page.getByRole("button", { name: "Invite to join" }).click();
    const box = page.getByRole("group", { name: "Invitation for the patient" });
    const link = await box.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(new RegExp(`^${clinic.server.url}/join#[\\w-]{43}$`));
    const drawn = await box.locator("svg.qr path").getAttribute("d");
    expect(drawn).toBe(toSvgPath(generate(link)));
    expect(await box.locator(".expires").textContent()).toMatch(/\w{3} \d{1,2} \w{3}, \d{2}:\d{2}/);
    await box.getByRole("button", { name: "Copy link" }).click();
    await box.getByText("Copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "clinician-invitation");

    // The session ends (cookie gone): the next action goes to sign-in, then back to this page.
    const here = page.url();
    await desk.clearCookies();
    await page.getByRole("button", { name: "Edit screening" }).click();
    await page
      .getByRole("form", { name: "Screen again" })
      .getByRole("button", { name: "Screen again" })
      .click();
    await page
      .getByText("Your session has ended. Sign in again to go back to the page you were on.")
      .waitFor();
    expect(page.url()).toBe(here);
    await signInAsClinician(page);
    await page.getByRole("heading", { name: "P. Regnant" }).waitFor();
    expect(page.url()).toBe(here);
    await desk.close();
  });

  it("draws the chart to fit a 390 x 844 phone, labels apart and full size", async () => {
    const phone = await clinic.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const page = await phone.newPage();
    await page.goto(clinic.server.url);
    await signInAsClinician(page);
    await page.getByRole("heading", { name: "Patients" }).waitFor();
    const withMed = (await patients(page)).find((p) => p.state === "med")!;
    await page.goto(`${clinic.server.url}/patients/${withMed.id}`);
    const svg = page.locator("figure.chart svg");
    await svg.waitFor();
    // Drawn at the width it is given (no scaling down): wait for the measured layout.
    await page.waitForFunction(() => {
      const s = document.querySelector<SVGSVGElement>("figure.chart svg");
      return s !== null && Math.abs(s.getBoundingClientRect().width - s.viewBox.baseVal.width) < 1;
    });
    const fit = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      svgRight: document.querySelector("figure.chart svg")!.getBoundingClientRect().right,
    }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.viewport);
    expect(fit.svgRight).toBeLessThanOrEqual(fit.viewport);
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll("figure.chart svg text")].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? "", x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    expect(labels.length).toBeGreaterThan(5);
    // Every label inside the picture (the dose scale's "0.75 mg" was cut off at the right).
    const frame = await svg.boundingBox();
    const outside = labels.filter(
      (l) => l.x < frame!.x - 0.5 || l.x + l.width > frame!.x + frame!.width + 0.5,
    );
    expect(outside.map((l) => l.text)).toEqual([]);
    expect(overlaps(labels)).toEqual([]);
    // Every label at least 12 px tall as drawn (a 860-wide chart squeezed to 360 drew them at 5).
    expect(labels.reduce((least, l) => Math.min(least, l.height), Infinity)).toBeGreaterThanOrEqual(12);
    await svg.scrollIntoViewIfNeeded();
    if (process.env.LDN_SCREENSHOTS)
      await page.locator("figure.chart").screenshot({
        path: join(process.env.LDN_SCREENSHOTS, "clinician-phone-chart.png"),
      });
    await phone.close();
  });
});
