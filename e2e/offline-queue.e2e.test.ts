/**
 * The phone's offline queue in a real browser against the real server process (issue 13, item
 * 2): a check-in waiting on the phone survives the server's 5xx answers (a full disk, a fault)
 * and is sent once the server takes it; only the server's definite refusal of that check-in
 * drops it, and then the patient is told which day and why.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrolPatient, isoDaysAgo, joinOnPhone, startClinic, type Clinic } from "./clinic.ts";
import { axeViolations } from "./browser.ts";

const PENDING = "ldn.pendingCheckIns";
/** What the server answers when its disk is full: a 500 with its generic message. */
const SERVER_FAULT = {
  status: 500,
  contentType: "application/json",
  body: JSON.stringify({
    error: { code: "internal", message: "Something went wrong on the server; it has been logged" },
  }),
};

const pending = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "[]") as unknown[], PENDING);

/** Sends what waits, as the app does when the phone comes back online; resolves on the server's answer. */
async function comeOnline(page: Page): Promise<number> {
  const answered = page.waitForResponse(
    (r) => r.url().endsWith("/check-ins") && r.request().method() === "POST",
  );
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  const status = (await answered).status();
  // The queue is written once the answer is read: let the app finish with it.
  await page.waitForFunction(() => true);
  await page.waitForTimeout(100);
  return status;
}

describe("the offline queue in a real browser", { timeout: 90_000 }, () => {
  let clinic: Clinic;
  let phone: BrowserContext;
  let patientId = "";

  beforeAll(async () => {
    clinic = await startClinic("queue");
    const staff = await clinic.signIn();
    const invite = await enrolPatient(clinic, staff.request, "Q. Ueue", isoDaysAgo(3));
    patientId = invite.patientId;
    await staff.close();
    // The queue itself, with the server's answers faked by page.route, which a service worker
    // would bypass (e2e/installed-offline.e2e.test.ts tests the worker).
    ({ phone } = await joinOnPhone(clinic, invite.token, { serviceWorkers: "block" }));
  }, 120_000);

  afterAll(async () => {
    await clinic?.stop();
  });

  const diary = async (page: Page) =>
    (await page.evaluate(async (id) => (await fetch(`/api/patients/${id}/check-ins`)).json(), patientId)) as {
      date: string;
      checkIn: { pain: number };
    }[];

  it("keeps a waiting check-in through the server's 500s and sends it once the server takes it", async () => {
    const page = await phone.newPage();
    await page.goto(clinic.server.url);
    await page.getByRole("heading", { name: "Daily check-in" }).waitFor();
    const day = isoDaysAgo(1);
    await page.getByLabel("Day", { exact: true }).fill(day);
    await page.getByRole("radiogroup", { name: /Pain/ }).getByRole("radio", { name: "6" }).check();
    await phone.setOffline(true);
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByRole("status").getByText("You are offline", { exact: false }).waitFor();
    expect(await pending(page)).toHaveLength(1);

    // Back online, but the server's disk is full: every check-in is answered 500.
    let faults = 0;
    await page.route("**/check-ins", async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      faults++;
      await route.fulfill(SERVER_FAULT);
    });
    await phone.setOffline(false);
    expect(await comeOnline(page)).toBe(500);
    expect(await comeOnline(page)).toBe(500);
    expect(faults).toBe(2);
    expect(await pending(page)).toHaveLength(1);
    expect(await page.getByText("was not saved").count()).toBe(0);

    // A new check-in made while the server fails is kept too, and the patient is told so.
    await page.getByLabel("Day", { exact: true }).fill(isoDaysAgo(0));
    await page.getByRole("radiogroup", { name: /Pain/ }).getByRole("radio", { name: "5" }).check();
    await page.getByRole("button", { name: /^Save/ }).click();
    await page
      .getByRole("status")
      .getByText("The clinic server could not save your check-in", { exact: false })
      .waitFor();
    expect(await pending(page)).toHaveLength(2);

    // The disk has room again: both are sent, once each.
    await page.unroute("**/check-ins");
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.waitForFunction((key) => (localStorage.getItem(key) ?? "[]") === "[]", PENDING);
    const saved = await diary(page);
    expect(saved.map((e) => [e.date, e.checkIn.pain])).toEqual([
      [day, 6],
      [isoDaysAgo(0), 5],
    ]);
    await page.close();
  });

  it("drops a waiting check-in only when the server refuses it, and tells the patient which day and why", async () => {
    const page = await phone.newPage();
    await page.goto(clinic.server.url);
    await page.getByRole("heading", { name: "Daily check-in" }).waitFor();
    const day = isoDaysAgo(2);
    // A check-in kept on the phone by an older version of the app, which the server now refuses.
    await page.evaluate(([key, item]) => localStorage.setItem(key, JSON.stringify([item])), [
      PENDING,
      {
        patientId,
        key: "kept-by-an-older-app-1",
        body: { date: day, doses: [], pain: 11, sideEffects: [] },
      },
    ] as const);
    expect(await comeOnline(page)).toBe(400);
    expect(await pending(page)).toHaveLength(0);
    const told = page.getByRole("alert").filter({ hasText: "A check-in was not saved" });
    await told.waitFor();
    const shown = new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
    expect(await told.textContent()).toContain(`Your check-in for ${shown} waited on this phone`);
    // The field in the patient's words, not the API's ("body.pain").
    expect(await told.textContent()).toMatch(/Pain: [^.]*11/);
    expect(await told.textContent()).not.toContain("body.");
    expect(await axeViolations(page)).toEqual([]);
    // Still there after a reload, until the patient says they have read it.
    await page.reload();
    await told.waitFor();
    await told.getByRole("button", { name: "I have read this" }).click();
    expect(await page.getByText("A check-in was not saved").count()).toBe(0);
    expect((await diary(page)).some((e) => e.date === day)).toBe(false);
    await page.close();
  });
});
