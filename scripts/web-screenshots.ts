/**
 * The README's screenshots of the web app, taken in Debian's chromium against the real server
 * filled with the demo clinic (`ldn serve --demo`): the clinician's dashboard, a patient's chart
 * (a MED found, with its window) and the phone check-in of a patient who joined by invitation.
 * Run: `npm run screenshots` (writes docs/images/web-*.png).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "../e2e/browser.ts";
import { freePort } from "../src/http/testing/server-process.ts";
import type { PatientSummaryDto } from "../src/http/api/patients.ts";
import { buildWeb } from "./build-web.ts";

const root = resolve(import.meta.dirname, "..");
const images = join(root, "docs/images");

async function startDemo(db: string, port: number) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "serve", "--db", db, "--port", String(port), "--demo"],
    { cwd: root, env: { ...process.env, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((done, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("ldn clinic server on")) {
        clearTimeout(timer);
        done();
      }
    });
  });
  return child;
}

async function signIn(page: Page, login: string, password: string) {
  await page.getByLabel("Email or login code").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const dir = mkdtempSync(join(tmpdir(), "ldn-shots-"));
const port = await freePort();
await buildWeb();
const server = await startDemo(join(dir, "demo.sqlite"), port);
const url = `http://127.0.0.1:${port}`;
const browser = await launchChromium();
try {
  const desk = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await desk.goto(url);
  await signIn(desk, "clinician@demo.example", "demo-clinician-1");
  await desk.getByRole("heading", { name: "Patients" }).waitFor();
  await desk.getByRole("table").waitFor();
  await desk.screenshot({ path: join(images, "web-dashboard.png"), fullPage: true });
  console.log("docs/images/web-dashboard.png");

  await desk.getByRole("link", { name: "Cohort" }).click();
  await desk.getByRole("heading", { name: "Cohort analysis" }).waitFor();
  await desk.screenshot({ path: join(images, "web-cohort.png"), fullPage: true });
  console.log("docs/images/web-cohort.png");
  await desk.getByRole("link", { name: "Patients" }).click();

  const patients = (await desk.evaluate(async () =>
    (await fetch("/api/patients")).json(),
  )) as PatientSummaryDto[];
  const withMed = patients.find((p) => p.state === "med") ?? patients.find((p) => p.state === "window");
  if (!withMed) throw new Error("the demo clinic has no patient with a MED or a window");
  await desk.goto(`${url}/patients/${withMed.id}`);
  await desk.getByRole("img", { name: /Daily dose steps/ }).waitFor();
  await desk.getByText(/^Why \(/).click();
  await desk.screenshot({ path: join(images, "web-patient-chart.png"), fullPage: true });
  console.log(`docs/images/web-patient-chart.png (${withMed.displayName})`);

  await desk.getByRole("link", { name: "Schedule and instructions" }).click();
  await desk.getByRole("table").waitFor();
  await desk.emulateMedia({ media: "print" });
  await desk.setViewportSize({ width: 800, height: 1000 });
  await desk.screenshot({ path: join(images, "web-schedule-print.png") });
  console.log("docs/images/web-schedule-print.png");

  // A titrating patient joins on a phone (the invitation made as the clinician would).
  const titrating = patients.find((p) => p.state === "titrating" && p.daysSinceCheckIn !== null);
  if (!titrating) throw new Error("the demo clinic has no titrating patient");
  const invitation = (await desk.evaluate(
    async (id) =>
      (
        await fetch(`/api/patients/${id}/invitations`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        })
      ).json(),
    titrating.id,
  )) as { path: string };
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const page = await phone.newPage();
  await page.goto(`${url}${invitation.path}`);
  await page.getByLabel("Password", { exact: true }).fill("phone password 1");
  await page.getByLabel("The same password again").fill("phone password 1");
  await page.getByRole("button", { name: "Join" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  const doses = page.getByRole("list", { name: /^Doses for/ });
  await doses.waitFor();
  const boxes = await doses.getByRole("checkbox").all();
  for (const box of boxes.slice(0, Math.max(1, boxes.length - 1))) await box.check();
  await page.getByRole("radiogroup", { name: /Pain/ }).getByRole("radio", { name: "4" }).check();
  await page.getByRole("radiogroup", { name: "Mood" }).getByRole("radio", { name: "7" }).check();
  await page.getByRole("radiogroup", { name: "Energy" }).getByRole("radio", { name: "6" }).check();
  await page.getByText("Vivid dreams").click();
  await page.getByRole("heading", { name: "Daily check-in" }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(images, "web-phone-check-in.png") });
  await page.getByRole("heading", { name: "Your progress" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(images, "web-phone-progress.png") });
  console.log(`docs/images/web-phone-check-in.png, web-phone-progress.png (${titrating.displayName})`);
} finally {
  await browser.close();
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
}
