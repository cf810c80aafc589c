/**
 * The demo clinic (`ldn serve --demo`'s 23 patients: titrating, in the window, MEDs found, a
 * drop-out) written into a fresh SQLite file, and the real server process started on it, for the
 * browser tests of the clinician's screens and the cohort page.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { DEMO_ACCOUNTS, fillDemoClinic } from "../src/cli/demo/fill-demo-clinic.ts";
import { freePort, startServerProcess, type ServerProcess } from "../src/http/testing/server-process.ts";
import { openStore } from "../src/store/sql-store.ts";

export const DEMO_CLINICIAN = DEMO_ACCOUNTS.find((a) => a.role === "clinician")!;

export interface DemoServer extends ServerProcess {
  /** Stops the server and removes its database. */
  stop(): Promise<void>;
}

/** @example const server = await startDemoServer(); ... await server.stop(); */
export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), "ldn-e2e-demo-"));
  const db = join(dir, "ldn.sqlite");
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    await fillDemoClinic(store);
  } finally {
    await store.close();
  }
  const server = await startServerProcess(db, await freePort());
  return {
    ...server,
    async stop() {
      server.child.kill("SIGTERM");
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in on the sign-in page as the demo clinician and waits for the dashboard. */
export async function signInAsClinician(page: Page): Promise<void> {
  await page.getByLabel("Email or login code").fill(DEMO_CLINICIAN.email);
  await page.getByLabel("Password").fill(DEMO_CLINICIAN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
