/**
 * The daily-use integration tests' clinic: a server whose "today" is fixed (noon on 2027-01-10),
 * the north clinic with its clinician and pharmacist signed in, and the shapes the tests read.
 */
import { afterEach, beforeEach } from "vitest";
import {
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "./test-server.ts";
import type { DialectName } from "../../store/migrations/dialect-name.ts";

/** Noon on 2027-01-10 in the server's zone: the tests' "today". */
export const NOW = new Date(2027, 0, 10, 12);
const clock = { now: () => NOW };

/** A line of the patient list, as the tests read it. */
export interface Summary {
  id: string;
  state: string | null;
  todayUg: number | null;
  today: string | null;
  lastCheckIn: string | null;
  alerts: unknown[];
}

export type ErrorBody = { error: { code: string; message: string; field?: string } };

/** A check-in of one morning dose of `ug` micrograms, and the pain that day. */
export const day = (date: string, ug: number, pain: number) => ({
  date,
  doses: [{ time: "08:00", ug }],
  pain,
  sideEffects: [],
});

export interface DailyServer {
  server: TestServer;
  north: ClinicFixture;
  clinician: TestClient;
  pharmacist: TestClient;
}

/** @example ({ server, north, clinician, pharmacist } = await startDailyServer(dialect)); */
export async function startDailyServer(dialect: DialectName): Promise<DailyServer> {
  const server = await startTestServer(dialect, { clock });
  const north = await seedClinic(server.store, "north");
  const clinician = server.client();
  await clinician.login(north.staff.clinician.email);
  const pharmacist = server.client();
  await pharmacist.login(north.staff.pharmacist.email);
  return { server, north, clinician, pharmacist };
}

/**
 * A fresh daily-use server for each test, closed after it: read its fields inside the tests
 * (they are set once beforeEach has run).
 */
export function dailyServerEachTest(dialect: DialectName): DailyServer {
  const daily = {} as DailyServer;
  beforeEach(async () => {
    Object.assign(daily, await startDailyServer(dialect));
  });
  afterEach(() => daily.server.close());
  return daily;
}
