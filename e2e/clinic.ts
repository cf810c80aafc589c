/**
 * What the browser tests share: the demo clinician and patient password, a clinic seeded into
 * the SQLite file before the server starts, the server process and chromium started on it
 * (`startClinic`), signing in and enrolling by the API, local dates, and screenshots when
 * LDN_SCREENSHOTS names a folder.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  APIRequestContext,
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Page,
} from "playwright-core";
import { buildWeb } from "../scripts/build-web.ts";
import { SYSTEM_ACTOR } from "../src/app/ports/actor.ts";
import { scryptHasher } from "../src/crypto/scrypt-hasher.ts";
import { freePort, startServerProcess, type ServerProcess } from "../src/http/testing/server-process.ts";
import { openStore } from "../src/store/sql-store.ts";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./browser.ts";

export const CLINICIAN = {
  email: "lee@riverside.example",
  password: "clinician password 1",
  name: "Dr K. Lee",
};
export const PATIENT_PASSWORD = "patient password 1";
const shots = process.env.LDN_SCREENSHOTS;

/** The local date `n` days ago, YYYY-MM-DD (the server's "today" is the machine's). */
export function isoDaysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  const pad = (x: number) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** As the app writes a date: "2027-01-04" -> "Mon 4 Jan". */
export function shortDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
}

/** Saves a full-page screenshot as `name`.png when LDN_SCREENSHOTS is set. */
export async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

export async function seedClinician(db: string): Promise<void> {
  const store = await openStore({ kind: "sqlite", path: db });
  try {
    const passwordHash = await scryptHasher(10).hash(CLINICIAN.password);
    await store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinic = await tx.clinics.create({ name: "Riverside Pain Clinic" });
      await tx.staff.create({
        clinicId: clinic.id,
        email: CLINICIAN.email,
        displayName: "Dr K. Lee",
        role: "clinician",
        passwordHash,
      });
    });
  } finally {
    await store.close();
  }
}

/** Gets JSON, failing on any status but 2xx. */
export async function get<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Posts JSON and returns the answer's JSON, failing on any status but 2xx. */
export async function send<T>(
  request: APIRequestContext,
  url: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await request.post(url, { data, headers });
  if (!res.ok()) throw new Error(`${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The screening answers of a patient who is eligible for LDN. */
export const ELIGIBLE_SCREENING = {
  ageYears: 52,
  painMonths: 60,
  pregnancy: "no",
  opioids: [],
  mustStayOnOpioids: false,
  riskFactors: ["centralized-pain"],
} as const;

export interface Clinic {
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** The temporary folder holding the database (removed by `stop`). */
  readonly dir: string;
  /** The SQLite file the server runs on. */
  readonly db: string;
  /** The server's URL of an API path. */
  api(path: string): string;
  /** A fresh browser context signed in by the API (the clinician unless told otherwise). */
  signIn(login?: string, password?: string, options?: BrowserContextOptions): Promise<BrowserContext>;
  stop(): Promise<void>;
}

/**
 * Builds the web app, launches chromium, seeds a fresh SQLite file (the clinician's clinic
 * unless `seed` says otherwise) and starts the real server process on it.
 * @example const clinic = await startClinic("alerts"); ... await clinic.stop();
 */
export async function startClinic(
  name: string,
  options: { seed?: (db: string) => Promise<void>; env?: NodeJS.ProcessEnv; port?: number } = {},
): Promise<Clinic> {
  await buildWeb();
  // The browser first: without one, no server is left running.
  const browser = await launchChromium();
  const dir = mkdtempSync(join(tmpdir(), `ldn-e2e-${name}-`));
  const db = join(dir, "ldn.sqlite");
  await (options.seed ?? seedClinician)(db);
  const server = await startServerProcess(db, options.port ?? (await freePort()), options.env);
  const api = (path: string) => `${server.url}${path}`;
  return {
    server,
    browser,
    dir,
    db,
    api,
    async signIn(login = CLINICIAN.email, password = CLINICIAN.password, contextOptions = {}) {
      const context = await browser.newContext(contextOptions);
      await send(context.request, api("/api/session"), { login, password });
      return context;
    },
    async stop() {
      await browser.close();
      server.child.kill("SIGTERM");
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Enrols an eligible patient by the API as the signed-in `staff`, on micro-titration from
 * `planStart`, and invites them: the patient's id and the invitation's token.
 */
export async function enrolPatient(
  clinic: Clinic,
  staff: APIRequestContext,
  name: string,
  planStart: string,
): Promise<{ patientId: string; token: string }> {
  const { id: patientId } = await send<{ id: string }>(staff, clinic.api("/api/patients"), {
    displayName: name,
    screening: ELIGIBLE_SCREENING,
  });
  await send(staff, clinic.api(`/api/patients/${patientId}/plans`), {
    protocolId: "micro-titration",
    startDate: planStart,
  });
  const { token } = await send<{ token: string }>(
    staff,
    clinic.api(`/api/patients/${patientId}/invitations`),
    {},
  );
  return { patientId, token };
}

/** A phone's screen: 390 x 844, touch. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

/**
 * A phone-sized context on which the patient accepts the invitation `token` with the patient
 * password, and so is signed in; `options` add to the phone's (a blocked service worker...).
 */
export async function joinOnPhone(
  clinic: Clinic,
  token: string,
  options: BrowserContextOptions = {},
): Promise<{ phone: BrowserContext; loginCode: string }> {
  const phone = await clinic.browser.newContext({ ...PHONE, ...options });
  const { loginCode } = await send<{ loginCode: string }>(
    phone.request,
    clinic.api("/api/invitations/accept"),
    {
      token,
      password: PATIENT_PASSWORD,
    },
  );
  return { phone, loginCode };
}

/**
 * Starts something before the file's tests and stops it after them; returns it, to be read
 * inside the tests (its fields are set once beforeAll has run).
 * @example const clinic = startedBeforeAll(startDemoClinic, (c) => c.stop());
 */
export function startedBeforeAll<T extends object>(
  start: () => Promise<T>,
  stop: (started: T) => Promise<void>,
  timeout = 150_000,
): T {
  const holder = {} as T;
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
    Object.assign(holder, started);
  }, timeout);
  afterAll(async () => {
    if (started) await stop(started);
  });
  return holder;
}
