/**
 * Daily use in a real browser against the real server process: what the pharmacist, the
 * clinician and the patient see is the record itself. The pharmacist's "Today" is the engine's
 * dose for each patient, with their state; a patient who corrects a day on their phone leaves
 * one entry for it, and the clinician sees who changed what, and when; a dose ticked is saved
 * at once and still shows taken after the check-in; a decision is recorded once and shown with
 * who made it, when, and what an override set; dates outside the clinic's window are refused,
 * and the chart stays quick with a day stored far ahead before they were; the plan form offers
 * what screening suggests; a flag acknowledged leaves the work to do until something new. axe-core stays clean on
 * every screen touched.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb } from "../scripts/build-web.ts";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { scryptHasher } from "../src/crypto/scrypt-hasher.ts";
import { freePort, startServerProcess, type ServerProcess } from "../src/http/testing/server-process.ts";
import { openStore } from "../src/store/sql-store.ts";
import { CLINICIAN, PATIENT_PASSWORD, isoDaysAgo, shot } from "./clinic.ts";
import { axeViolations, launchChromium } from "./browser.ts";

const PHARMACIST = { email: "ash@riverside.example", password: "pharmacist password 1" };
const SCREENING = {
  ageYears: 52,
  painMonths: 60,
  pregnancy: "no",
  opioids: [] as string[],
  mustStayOnOpioids: false,
  riskFactors: ["centralized-pain"],
};

/** As the app writes a date: "2027-01-04" -> "Mon 4 Jan". */
function shortDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}

/** A clinic with a clinician and a pharmacist, written into the SQLite file before the server starts. */
async function seedStaff(db: string): Promise<void> {
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    const hasher = scryptHasher(10);
    const clinicianHash = await hasher.hash(CLINICIAN.password);
    const pharmacistHash = await hasher.hash(PHARMACIST.password);
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinics.create({ name: "Riverside Pain Clinic" });
      await tx.staff.create({
        clinicId: clinic.id,
        email: CLINICIAN.email,
        displayName: CLINICIAN.name,
        role: "clinician",
        passwordHash: clinicianHash,
      });
      await tx.staff.create({
        clinicId: clinic.id,
        email: PHARMACIST.email,
        displayName: "A. Ash",
        role: "pharmacist",
        passwordHash: pharmacistHash,
      });
    });
  } finally {
    await store.close();
  }
}

async function send<T>(
  request: APIRequestContext,
  method: "get" | "post",
  url: string,
  data?: unknown,
  headers = {},
): Promise<T> {
  const res =
    method === "get" ? await request.get(url) : await request.post(url, { data: data ?? {}, headers });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

async function signIn(page: Page, login: string, password: string) {
  await page.getByLabel("Email or login code").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("daily use in a real browser", { timeout: 120_000 }, () => {
  let dir: string;
  let db: string;
  let server: ServerProcess;
  let browser: Browser;
  let staff: BrowserContext;
  const api = (path: string) => `${server.url}${path}`;
  /** Patient ids by name. */
  const ids = new Map<string, string>();

  /** Enrols, plans (from `startDaysAgo`) and invites a patient; returns the invitation token. */
  async function enrolWithPlan(name: string, startDaysAgo: number): Promise<string> {
    const { id } = await send<{ id: string }>(staff.request, "post", api("/api/patients"), {
      displayName: name,
      screening: SCREENING,
    });
    ids.set(name, id);
    await send(staff.request, "post", api(`/api/patients/${id}/plans`), {
      protocolId: "micro-titration",
      startDate: isoDaysAgo(startDaysAgo),
    });
    const invite = await send<{ token: string }>(
      staff.request,
      "post",
      api(`/api/patients/${id}/invitations`),
    );
    return invite.token;
  }

  /** Check-ins from `from` days ago to yesterday, each with the doses the engine gave that day. */
  async function checkInDays(request: APIRequestContext, id: string, from: number) {
    for (let ago = from; ago >= 1; ago--) {
      const date = isoDaysAgo(ago);
      const today = await send<{ today: { doses: { time: string; ug: number }[] } }>(
        request,
        "get",
        api(`/api/patients/${id}/today?today=${date}`),
      );
      await send(
        request,
        "post",
        api(`/api/patients/${id}/check-ins`),
        {
          date,
          doses: today.today.doses.map((d) => ({ time: d.time, ug: d.ug })),
          pain: 6,
          sideEffects: [],
        },
        { "idempotency-key": `daily-${id}-${date}` },
      );
    }
  }

  beforeAll(async () => {
    await buildWeb();
    dir = mkdtempSync(join(tmpdir(), "ldn-e2e-daily-"));
    db = join(dir, "ldn.sqlite");
    await seedStaff(db);
    server = await startServerProcess(db, await freePort());
    browser = await launchChromium();
    staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await send(staff.request, "post", api("/api/session"), {
      login: CLINICIAN.email,
      password: CLINICIAN.password,
    });
    // Two patients ten days into micro-titration; the clinician stops one of them.
    for (const name of ["T. Titrating", "S. Stopped"]) {
      await enrolWithPlan(name, 10);
      await checkInDays(staff.request, ids.get(name)!, 10);
    }
    await send(staff.request, "post", api(`/api/patients/${ids.get("S. Stopped")}/decisions`), {
      decision: "override",
      reason: "Nausea every day; the patient wants to stop",
      instead: { kind: "stop" },
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill("SIGTERM");
    await server?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  /** A phone-sized context signed in as a patient who joined by the invitation `token`. */
  async function phoneFor(token: string): Promise<BrowserContext> {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await send(phone.request, "post", api("/api/invitations/accept"), { token, password: PATIENT_PASSWORD });
    return phone;
  }

  it("shows the pharmacist each patient's dose today as the clinician sees it, and who has stopped", async () => {
    const clinicianList = await send<{ displayName: string; today: string | null }[]>(
      staff.request,
      "get",
      api("/api/patients"),
    );
    const expected = clinicianList.find((p) => p.displayName === "T. Titrating")!.today!;
    expect(expected).not.toBe("0.1 mg");
    const pharmacy = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await pharmacy.newPage();
    await page.goto(server.url);
    await signIn(page, PHARMACIST.email, PHARMACIST.password);
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
    const token = await enrolWithPlan("C. Corrects", 3);
    const phone = await phoneFor(token);
    const page = await phone.newPage();
    await page.goto(server.url);
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

    const chart = await staff.newPage();
    await chart.goto(`${server.url}/patients/${ids.get("C. Corrects")}`);
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
    const token = await enrolWithPlan("D. Doses", 4);
    const phone = await phoneFor(token);
    const id = ids.get("D. Doses")!;
    await checkInDays(phone.request, id, 4);
    const page = await phone.newPage();
    await page.goto(server.url);
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
    const today = await send<{ today: { doses: { takenAt: string | null }[] } }>(
      phone.request,
      "get",
      api(`/api/patients/${id}/today`),
    );
    expect(today.today.doses[0]!.takenAt).not.toBeNull();
    await phone.close();
  });

  it("records the clinician's decision once, and shows who decided, when, and what an override set", async () => {
    const page = await staff.newPage();
    await page.goto(`${server.url}/patients/${ids.get("T. Titrating")}`);
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
    await enrolWithPlan("F. Far", 3);
    const id = ids.get("F. Far")!;
    await checkInDays(staff.request, id, 3);
    // An entry stored before dates were checked (the API refuses it now), written as it was.
    const store = await openStore({ kind: "sqlite", path: db });
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
    const refused = await staff.request.post(api(`/api/patients/${id}/check-ins`), {
      data: { date: "9999-12-30", doses: [], pain: 5, sideEffects: [] },
      headers: { "idempotency-key": "far-future-now-refused" },
    });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { error: { field: string } }).error.field).toBe("body.date");

    const page = await staff.newPage();
    const opened = Date.now();
    await page.goto(`${server.url}/patients/${id}`);
    await page.getByRole("img", { name: /Daily dose steps and pain/ }).waitFor({ timeout: 10_000 });
    expect(Date.now() - opened).toBeLessThan(10_000);
    expect(await page.locator(".chart line.tick").count()).toBeLessThanOrEqual(12);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("refuses a plan start date far ahead in the plan form, with the reason at hand", async () => {
    const { id } = await send<{ id: string }>(staff.request, "post", api("/api/patients"), {
      displayName: "P. Planned",
      screening: SCREENING,
    });
    const page = await staff.newPage();
    await page.goto(`${server.url}/patients/${id}`);
    await page.getByLabel("Start date").fill("9999-12-20");
    await page.getByRole("button", { name: "Start plan" }).click();
    await page.getByText(/startDate: 9999-12-20 is too late: the last day allowed is/).waitFor();
    expect(await page.getByRole("link", { name: "Print schedule (PDF)" }).count()).toBe(0);
    await page.getByLabel("Start date").fill(isoDaysAgo(0));
    await page.getByRole("button", { name: "Start plan" }).click();
    await page.getByRole("link", { name: "Print schedule (PDF)" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("offers the protocol screening suggests, lists the unsuitable ones with why, and waits for nothing before day 1", async () => {
    // No opioids: the ULDN protocols are not suitable, and say why.
    const { id: plain } = await send<{ id: string }>(staff.request, "post", api("/api/patients"), {
      displayName: "N. Noopioids",
      screening: SCREENING,
    });
    const page = await staff.newPage();
    await page.goto(`${server.url}/patients/${plain}`);
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
    const refusal = page.getByText(/startDate: 9999-12-20 is too late/);
    await refusal.waitFor();
    await protocol.selectOption("conventional-titration");
    expect(await refusal.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    // Must stay on opioids: screening suggests ULDN, and the form offers it first.
    const { id } = await send<{ id: string }>(staff.request, "post", api("/api/patients"), {
      displayName: "U. Uldn",
      screening: { ...SCREENING, opioids: ["oxycodone 10mg x3"], mustStayOnOpioids: true },
    });
    const chart = await staff.newPage();
    await chart.goto(`${server.url}/patients/${id}`);
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
      await send<{ id: string; attention: { code: string }[] }[]>(staff.request, "get", api("/api/patients"))
    ).find((p) => p.id === id)!;
    expect(line.attention.map((a) => a.code)).not.toContain("recommendation");
  });

  it("lets the clinician acknowledge a flag, shows who and when, and raises it again on something new", async () => {
    const token = await enrolWithPlan("S. Sidefx", 3);
    const phone = await phoneFor(token);
    const id = ids.get("S. Sidefx")!;
    const report = (ago: number, effect: string) =>
      send(
        phone.request,
        "post",
        api(`/api/patients/${id}/check-ins`),
        { date: isoDaysAgo(ago), doses: [], pain: 6, sideEffects: [effect] },
        { "idempotency-key": `sidefx-${ago}-${effect}` },
      );
    await report(1, "insomnia");
    const page = await staff.newPage();
    await page.goto(server.url);
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
