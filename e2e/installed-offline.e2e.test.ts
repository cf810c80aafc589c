/**
 * The installed patient app offline, in a real chromium on a phone-sized screen against the
 * real server process (issue 12): the manifest is served and valid, the service worker
 * registers and keeps the app shell and today's doses, so with the phone offline a reload
 * still shows them with an offline banner; a check-in backdated while offline keeps its date,
 * shows as waiting, and is sent when the phone is back online.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./browser.ts";
import { CLINICIAN, isoDaysAgo } from "./clinic.ts";
import { phonePatient, type PhonePatient } from "./phone-patient.ts";

const shots = process.env.LDN_SCREENSHOTS;
const PENDING = "ldn.pendingCheckIns";
/** The banner's words (the check-in's own "You are offline: ..." status is another thing). */
const BANNER = "Offline: today’s doses are kept on this phone";

/** As the app writes a date: "2027-01-04" -> "Mon 4 Jan". */
const shortDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });

/** The width and height a PNG says it has (its IHDR chunk). */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe("the installed app offline", { timeout: 120_000 }, () => {
  let app: PhonePatient;
  let page: Page;

  beforeAll(async () => {
    app = await phonePatient("O. Ffline", isoDaysAgo(4));
    page = await app.phone.newPage();
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it("serves a web app manifest that chromium reads without errors, with its icons", async () => {
    const res = await app.phone.request.get(`${app.server.url}/manifest.webmanifest`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/manifest+json");
    const manifest = (await res.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).toMatchObject({ short_name: "ldn", start_url: "/", display: "standalone" });
    for (const icon of manifest.icons.filter((i) => i.type === "image/png")) {
      const png = await app.phone.request.get(`${app.server.url}${icon.src}`);
      expect(png.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await png.body()).join("x")).toBe(icon.sizes);
    }
    await page.goto(app.server.url);
    await page.getByRole("heading", { name: "Daily check-in" }).waitFor();
    const cdp = await app.phone.newCDPSession(page);
    const parsed = (await cdp.send("Page.getAppManifest")) as { url: string; errors: unknown[] };
    expect(parsed.url).toBe(`${app.server.url}/manifest.webmanifest`);
    expect(parsed.errors).toEqual([]);
  });

  it("registers the service worker, and offline a reload shows the app, today's doses and an offline banner", async () => {
    const state = await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active!;
      // Ready once it is activating; activated once its cache of the app shell is in place.
      if (worker.state !== "activated")
        await new Promise((done) => worker.addEventListener("statechange", done, { once: true }));
      return worker.state;
    });
    expect(state).toBe("activated");
    // Once the worker controls the page, the answers it reads are kept.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const doses = page.getByRole("list", { name: `Doses for ${shortDate(isoDaysAgo(0))}` });
    await doses.getByRole("checkbox").first().waitFor();
    const online = await doses.getByRole("listitem").allTextContents();
    expect(online.length).toBeGreaterThan(0);
    expect(await page.getByText(BANNER).count()).toBe(0);

    await app.phone.setOffline(true);
    // Today's doses come from the copy kept on the phone, as the network cannot be reached.
    const todayRead = page.waitForResponse((r) => r.url().includes("/today?"));
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    expect((await todayRead).headers()["x-ldn-kept"]).toBe("1");
    await page.getByRole("heading", { name: "Daily check-in" }).waitFor();
    await page.getByRole("status").getByText(BANNER).waitFor();
    await doses.getByRole("checkbox").first().waitFor();
    expect(await doses.getByRole("listitem").allTextContents()).toEqual(online);
    expect(await axeViolations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, "installed-offline.png") });
  });

  it("keeps a backdated offline check-in on its day, shows it waiting, and sends it once back online", async () => {
    const day = isoDaysAgo(2);
    await page.getByLabel("Day", { exact: true }).fill(day);
    // A day not kept on the phone says it cannot load, instead of "Loading…" for ever.
    await page.getByText(`The doses for ${shortDate(day)} cannot be loaded without a connection`).waitFor();
    await page
      .getByRole("radiogroup", { name: /Pain/ })
      .getByRole("radio", { name: "6", exact: true })
      .check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page
      .getByRole("status")
      .getByText(`your check-in for ${shortDate(day)} is kept on this phone`)
      .waitFor();
    const waiting = page.getByRole("listitem").filter({ hasText: "waiting to be sent" });
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain(shortDate(day));
    expect(await page.getByText("Pain before LDN").count()).toBe(0);
    const kept = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? "[]") as { body: { date: string } }[],
      PENDING,
    );
    expect(kept.map((k) => k.body.date)).toEqual([day]);

    await app.phone.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.waitForFunction((key) => (localStorage.getItem(key) ?? "[]") === "[]", PENDING);
    await page.getByRole("button", { name: `Edit ${shortDate(day)}` }).waitFor();
    expect(await page.getByText("waiting to be sent").count()).toBe(0);
    const diary = (await page.evaluate(
      async (id) => (await fetch(`/api/patients/${id}/check-ins`)).json(),
      app.patientId,
    )) as { date: string; checkIn: { pain: number } }[];
    expect(diary.map((e) => [e.date, e.checkIn.pain])).toEqual([[day, 6]]);
    expect(await page.getByText("Pain before LDN").count()).toBe(0);
    expect(await page.getByText(BANNER).count()).toBe(0);
  });

  it("forgets the patient's kept answers when they sign out, and keeps nothing of a clinician's", async () => {
    const kept = () =>
      page.evaluate(async () =>
        (await (await caches.open("ldn-data")).keys()).map((r) => new URL(r.url).pathname),
      );
    expect(await kept()).toEqual(expect.arrayContaining(["/api/me", `/api/patients/${app.patientId}/today`]));
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(await kept()).toEqual([]);

    // The clinician signs in on the same browser and opens this patient: nothing is kept.
    await page.getByLabel("Email or login code").fill(CLINICIAN.email);
    await page.getByLabel("Password").fill(CLINICIAN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const chartRead = page.waitForResponse((r) =>
      r.url().includes(`/api/patients/${app.patientId}/check-ins`),
    );
    await page.getByRole("link", { name: "O. Ffline" }).click();
    await page.getByRole("heading", { name: "O. Ffline" }).first().waitFor();
    expect((await chartRead).status()).toBe(200);
    expect(await kept()).toEqual([]);
  });
});
