/**
 * SMART App Launch v2 end to end against a real authorization server (oidc-provider, its own
 * login and consent pages) and a real FHIR server (Medplum's FhirRouter): the EHR launch, PKCE
 * S256, `state` bound to the clinician's session, the token kept on the server, and the
 * enrolment answers prefilled from the EHR's patient and opioid order.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SMART_SCOPES } from "./smart/smart-settings.ts";
import { seedEhrPatient, startSmartEhr, type SmartEhr } from "./testing/smart-ehr.ts";
import { LDN, throughEhr } from "./testing/through-ehr.ts";
import { seedClinic, startTestServer, type TestClient, type TestServer } from "./testing/test-server.ts";

/** Every answer ldn gave the browser, to look for the EHR's tokens in. */
const seenByBrowser: string[] = [];

async function ldnGet(client: TestClient, path: string) {
  const res = await client.get<unknown>(path);
  seenByBrowser.push(JSON.stringify([...res.headers.entries()]), JSON.stringify(res.body));
  return res;
}

describe("SMART App Launch v2 from a real EHR", () => {
  let ehr: SmartEhr;
  let plainOnly: Server;
  let plainIss: string;
  let server: TestServer;
  let clinician: TestClient;
  let patientId: string;

  beforeAll(async () => {
    ehr = await startSmartEhr();
    ehr.register(`${LDN}/smart/callback`);
    ({ patientId } = await seedEhrPatient(ehr.repo));
    // An EHR that offers only `plain` PKCE, which SMART v2 forbids.
    plainOnly = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          authorization_endpoint: "http://127.0.0.1:9/auth",
          token_endpoint: "http://127.0.0.1:9/token",
          code_challenge_methods_supported: ["plain"],
        }),
      );
    });
    await new Promise<void>((r) => plainOnly.listen(0, "127.0.0.1", r));
    plainIss = `http://127.0.0.1:${(plainOnly.address() as AddressInfo).port}/fhir`;
    server = await startTestServer("sqlite", {
      smart: { clientId: "ldn", allowedIss: [ehr.iss, plainIss], scopes: DEFAULT_SMART_SCOPES },
    });
    const north = await seedClinic(server.store, "north");
    clinician = server.client();
    expect((await clinician.login(north.staff.clinician.email)).status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await ehr?.close();
    await new Promise((r) => plainOnly?.close(r));
  });

  const launchEvents = async () =>
    (
      await server.database.db
        .selectFrom("audit_events")
        .select("id")
        .where("action", "=", "smart.launch")
        .execute()
    ).length;

  it("launches from the EHR with PKCE S256 and prefills the patient's name and opioid with its MME", async () => {
    const launch = ehr.launchFor(patientId);
    const start = await ldnGet(
      clinician,
      `/smart/launch?iss=${encodeURIComponent(ehr.iss)}&launch=${launch}`,
    );
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get("location")!);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get("launch")).toBe(launch);
    expect(authorize.searchParams.get("aud")).toBe(ehr.iss);

    const callback = await throughEhr(authorize.toString());
    expect(callback).toMatch(/^\/smart\/callback\?code=/);
    const back = await ldnGet(clinician, callback);
    expect(back.status, JSON.stringify(back.body)).toBe(302);
    const next = back.headers.get("location")!;
    expect(next).toMatch(/^\/patients\/new\?smart=[0-9a-f]{32}$/);

    const prefill = await ldnGet(clinician, `/api/smart/prefill/${next.split("=")[1]}`);
    expect(prefill.status).toBe(200);
    expect(prefill.body).toMatchObject({
      iss: ehr.iss,
      displayName: "Rosa Delgado",
      answers: { ageYears: 55, opioids: ["oxycodone 10mg x3"] },
      // Oxycodone 30 mg a day x 1.5 (CDC 2022 conversion factor, src/domain/opioids).
      mmeText: "45",
      mayWriteObservations: false,
    });
    expect(await launchEvents()).toBe(1);

    // Replaying the same callback finds no state: each is used once.
    expect((await ldnGet(clinician, callback)).status).toBe(400);
    // No answer to the browser ever carried the EHR's access token.
    expect(ehr.issuedTokens.length).toBe(1);
    for (const token of ehr.issuedTokens) expect(seenByBrowser.join("\n")).not.toContain(token);
  }, 60_000);

  it("launches standalone (no EHR context): asks for launch/patient and prefills the EHR's chosen patient", async () => {
    const start = await ldnGet(clinician, `/smart/launch?iss=${encodeURIComponent(ehr.iss)}`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get("location")!);
    expect(authorize.searchParams.get("launch")).toBeNull();
    expect(authorize.searchParams.get("scope")!.split(" ")).toContain("launch/patient");
    expect(authorize.searchParams.get("scope")!.split(" ")).not.toContain("launch");
    const back = await ldnGet(clinician, await throughEhr(authorize.toString()));
    expect(back.status, JSON.stringify(back.body)).toBe(302);
    const prefill = await ldnGet(
      clinician,
      `/api/smart/prefill/${back.headers.get("location")!.split("=")[1]}`,
    );
    expect(prefill.body).toMatchObject({ displayName: "Rosa Delgado", mmeText: "45" });
    for (const token of ehr.issuedTokens) expect(seenByBrowser.join("\n")).not.toContain(token);
  }, 60_000);

  it("refuses a callback with a wrong state, or another session's, and stores nothing", async () => {
    const before = await launchEvents();
    const wrong = await ldnGet(clinician, "/smart/callback?code=anything&state=not-the-state");
    expect(wrong.status).toBe(400);
    expect(String(wrong.body)).toContain("state");

    // A real state, but brought back on another clinician session.
    const start = await ldnGet(
      clinician,
      `/smart/launch?iss=${encodeURIComponent(ehr.iss)}&launch=${ehr.launchFor(patientId)}`,
    );
    const state = new URL(start.headers.get("location")!).searchParams.get("state")!;
    const other = server.client();
    expect((await other.login("clinician@north.example")).status).toBe(200);
    expect((await ldnGet(other, `/smart/callback?code=anything&state=${state}`)).status).toBe(400);
    expect(await launchEvents()).toBe(before);
  }, 60_000);

  it("refuses an EHR that offers only plain PKCE, an EHR not allowed, and sends a launch without an ldn session to sign in first", async () => {
    const plain = await ldnGet(clinician, `/smart/launch?iss=${encodeURIComponent(plainIss)}`);
    expect(plain.status).toBe(502);
    expect(String(plain.body)).toContain("S256");
    const elsewhere = await ldnGet(
      clinician,
      `/smart/launch?iss=${encodeURIComponent("https://evil.example/fhir")}`,
    );
    expect(elsewhere.status).toBe(400);
    expect(String(elsewhere.body)).toContain("iss");
    // Without an ldn session: to sign-in, which brings the browser back to this same launch.
    const launchPath = `/smart/launch?iss=${encodeURIComponent(ehr.iss)}&launch=launch-9`;
    const anonymous = await server.client().get(launchPath);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe(`/?after-sign-in=${encodeURIComponent(launchPath)}`);
  });

  it("keeps a prefill to the session that launched it", async () => {
    const other = server.client();
    expect((await other.login("clinician@north.example")).status).toBe(200);
    const res = await other.get(`/api/smart/prefill/${"0".repeat(32)}`);
    expect(res.status).toBe(404);
  });
});
