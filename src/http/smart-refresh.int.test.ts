/**
 * SMART refresh tokens (issue 15, item 5) through the real oidc-provider: ldn asks for
 * `online_access`, keeps the refresh token on the server, and when the access token has expired
 * by the time the clinician sends scores back, renews it at the EHR's token endpoint and sends.
 * A launch whose token expired with no refresh token is refused (409) and nothing is sent.
 */
import { parseSearchRequest } from "@medplum/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../app/ports/actor.ts";
import type { Clock } from "../app/ports/clock.ts";
import { parseCheckIn, recordCheckIn } from "../app/use-cases/record-check-in.ts";
import { DEFAULT_SMART_SCOPES } from "./smart/smart-settings.ts";
import { seedEhrPatient, startSmartEhr, type SmartEhr } from "./testing/smart-ehr.ts";
import { seedClinic, startTestServer, type TestServer } from "./testing/test-server.ts";
import { throughEhr } from "./testing/through-ehr.ts";

const WRITE = `${DEFAULT_SMART_SCOPES} patient/Observation.write`;
/** Past the EHR's 1-hour access tokens (oidc-provider's default), within ldn's 12-hour refresh window. */
const TWO_HOURS = 2 * 3600_000;

describe("SMART refresh before write-back", () => {
  let ehr: SmartEhr;
  let ehrPatientId: string;
  let offset = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  const servers: TestServer[] = [];

  /** A server asking `scopes`, a signed-in clinician, and a patient enrolled from a launch with one check-in. */
  async function launched(scopes: string, name: string) {
    const server = await startTestServer("sqlite", {
      clock,
      settings: { sessionIdleMinutes: 600 },
      smart: { clientId: "ldn", allowedIss: [ehr.iss], scopes },
    });
    servers.push(server);
    const client = server.client();
    expect((await client.login((await seedClinic(server.store, name)).staff.clinician.email)).status).toBe(
      200,
    );
    const start = await client.get(
      `/smart/launch?iss=${encodeURIComponent(ehr.iss)}&launch=${ehr.launchFor(ehrPatientId)}`,
    );
    const back = await client.get(await throughEhr(start.headers.get("location")!));
    const launch = new URL(back.headers.get("location")!, "http://x").searchParams.get("smart")!;
    const prefill = await client.get<Record<string, unknown>>(`/api/smart/prefill/${launch}`);
    const enrolled = await client.post<{ id: string }>("/api/patients", {
      displayName: prefill.body.displayName,
      screening: prefill.body.answers,
    });
    const patientId = enrolled.body.id;
    expect((await client.post(`/api/patients/${patientId}/ehr-link`, { launch })).status).toBe(200);
    await server.store.transaction(SYSTEM_ACTOR, (tx) =>
      recordCheckIn(
        tx,
        patientId,
        `check-in-${name}`,
        parseCheckIn({ date: "2026-10-01", doses: [], pain: 6, sideEffects: [] }),
      ),
    );
    const token = async () =>
      await server.database.db
        .selectFrom("smart_launches")
        .select(["access_token", "refresh_token"])
        .where("id", "=", launch)
        .executeTakeFirstOrThrow();
    return { client, launch, patientId, token };
  }

  beforeAll(async () => {
    ehr = await startSmartEhr();
    ehr.register("http://ldn.test/smart/callback");
    ({ patientId: ehrPatientId } = await seedEhrPatient(ehr.repo));
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) await server.close();
    await ehr?.close();
  });

  it("renews an expired access token with the refresh token, keeps the new one, and sends", async () => {
    offset = 0;
    const { client, launch, patientId, token } = await launched(`${WRITE} online_access`, "north");
    const before = await token();
    expect(before.refresh_token).not.toBeNull();
    offset = TWO_HOURS;
    const sent = await client.post<Record<string, unknown>>(`/api/patients/${patientId}/ehr-send`, {
      launch,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.created).toEqual({ "pain ratings": 1 });
    const after = await token();
    expect(after.access_token).not.toBe(before.access_token);
    expect(ehr.issuedTokens).toContain(after.access_token);
    expect(JSON.stringify(sent.body)).not.toContain(after.access_token);
  }, 60_000);

  it("refuses (409) a launch whose token expired without a refresh token, and sends nothing", async () => {
    offset = 0;
    const { client, launch, patientId, token } = await launched(WRITE, "south");
    expect((await token()).refresh_token).toBeNull();
    offset = TWO_HOURS;
    const onEhr = async () =>
      (await ehr.repo.search(parseSearchRequest("Observation", { subject: `Patient/${ehrPatientId}` }))).entry
        ?.length ?? 0;
    const before = await onEhr();
    const refused = await client.post<{ error: { message: string } }>(`/api/patients/${patientId}/ehr-send`, {
      launch,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("no live SMART launch");
    expect(await onEhr()).toBe(before);
  }, 60_000);
});
