/**
 * SMART write-back (issue 15, item 4) against a real authorization server (oidc-provider) and a
 * real FHIR server (Medplum's FhirRouter): a patient enrolled from an EHR launch is linked to the
 * EHR patient, a later launch opens their chart, and with `patient/Observation.write` their pain
 * ratings and BPI scores are created on the EHR about the EHR's patient, once however often they
 * are sent. Without a write scope, a live launch, or a link to this EHR patient: 409.
 */
import { parseSearchRequest } from "@medplum/core";
import type { Observation } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../app/ports/actor.ts";
import { parseCheckIn, recordCheckIn } from "../app/use-cases/record-check-in.ts";
import { recordQuestionnaire } from "../app/use-cases/record-questionnaire.ts";
import { PAIN_SEVERITY } from "../fhir/codes.ts";
import { DEFAULT_SMART_SCOPES } from "./smart/smart-settings.ts";
import { seedEhrPatient, startSmartEhr, type SmartEhr } from "./testing/smart-ehr.ts";
import { seedClinic, startTestServer, type TestClient, type TestServer } from "./testing/test-server.ts";
import { throughEhr } from "./testing/through-ehr.ts";

/** Every answer ldn gave the browser, to look for the EHR's tokens in. */
const seenByBrowser: string[] = [];

async function call(client: TestClient, method: string, path: string, body?: unknown) {
  const res = await client.request<Record<string, unknown>>(method, path, body);
  seenByBrowser.push(JSON.stringify([...res.headers.entries()]), JSON.stringify(res.body));
  return res;
}

/** The plain reason of a refusal (docs/errors.md: `{ error: { code, message, field } }`). */
const messageOf = (body: Record<string, unknown>) =>
  (body.error as { message?: string } | undefined)?.message ?? "";

describe("SMART write-back to a real EHR", () => {
  let ehr: SmartEhr;
  let writer: TestServer;
  let reader: TestServer;
  let clinician: TestClient;
  let readOnly: TestClient;
  let ehrPatientId: string;
  let patientId: string;

  /** Launches ldn from the EHR for its patient; the address ldn sends the browser to after. */
  async function launch(client: TestClient): Promise<string> {
    const start = await call(
      client,
      "GET",
      `/smart/launch?iss=${encodeURIComponent(ehr.iss)}&launch=${ehr.launchFor(ehrPatientId)}`,
    );
    expect(start.status).toBe(302);
    const back = await call(client, "GET", await throughEhr(start.headers.get("location")!));
    expect(back.status, JSON.stringify(back.body)).toBe(302);
    return back.headers.get("location")!;
  }
  const launchIdOf = (location: string) => new URL(location, "http://x").searchParams.get("smart")!;

  /** Enrols the prefilled patient from a launch and links them, as the enrolment page does. */
  async function enrolFrom(client: TestClient, location: string): Promise<string> {
    const id = launchIdOf(location);
    const prefill = await call(client, "GET", `/api/smart/prefill/${id}`);
    const enrolled = await call(client, "POST", "/api/patients", {
      displayName: prefill.body.displayName,
      screening: prefill.body.answers,
    });
    expect(enrolled.status).toBe(201);
    const linked = await call(client, "POST", `/api/patients/${String(enrolled.body.id)}/ehr-link`, {
      launch: id,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    return String(enrolled.body.id);
  }

  const ehrObservations = async () =>
    (
      await ehr.repo.search(parseSearchRequest("Observation", { subject: `Patient/${ehrPatientId}` }))
    ).entry?.map((e) => e.resource as Observation) ?? [];

  beforeAll(async () => {
    ehr = await startSmartEhr();
    ehr.register("http://ldn.test/smart/callback");
    ({ patientId: ehrPatientId } = await seedEhrPatient(ehr.repo));
    const allowed = { allowedIss: [ehr.iss] };
    writer = await startTestServer("sqlite", {
      smart: { ...allowed, clientId: "ldn", scopes: `${DEFAULT_SMART_SCOPES} patient/Observation.write` },
    });
    reader = await startTestServer("sqlite", {
      smart: { ...allowed, clientId: "ldn", scopes: DEFAULT_SMART_SCOPES },
    });
    clinician = writer.client();
    readOnly = reader.client();
    expect(
      (await clinician.login((await seedClinic(writer.store, "north")).staff.clinician.email)).status,
    ).toBe(200);
    expect(
      (await readOnly.login((await seedClinic(reader.store, "south")).staff.clinician.email)).status,
    ).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await writer?.close();
    await reader?.close();
    await ehr?.close();
  });

  it("links the patient enrolled from a launch, so the next launch opens their chart", async () => {
    const first = await launch(clinician);
    expect(first).toMatch(/^\/patients\/new\?smart=[0-9a-f]{32}$/);
    patientId = await enrolFrom(clinician, first);
    const again = await launch(clinician);
    expect(again).toMatch(new RegExp(`^/patients/${patientId}\\?smart=[0-9a-f]{32}$`));
  }, 60_000);

  it("sends 23 pain ratings and 2 BPI scores about the EHR's patient, and nothing again on a second send", async () => {
    await writer.store.transaction(SYSTEM_ACTOR, async (tx) => {
      for (let day = 1; day <= 23; day++) {
        const date = `2026-10-${String(day).padStart(2, "0")}`;
        await recordCheckIn(
          tx,
          patientId,
          `check-in-${day}`,
          parseCheckIn({ date, doses: [], pain: 7 - (day % 4), sideEffects: [] }),
        );
      }
      await recordQuestionnaire(tx, patientId, "bpi", "2026-10-01", {
        worst: 8,
        least: 3,
        average: 6,
        now: 5,
      });
      await recordQuestionnaire(tx, patientId, "bpi", "2026-10-22", {
        worst: 6,
        least: 2,
        average: 4,
        now: 3,
      });
    });
    const location = await launch(clinician);
    const sent = await call(clinician, "POST", `/api/patients/${patientId}/ehr-send`, {
      launch: launchIdOf(location),
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toEqual({
      iss: ehr.iss,
      created: { "pain ratings": 23, "BPI scores": 2 },
      alreadyThere: 0,
      text: `Sent 23 pain ratings and 2 BPI scores to ${ehr.iss}; 0 already there`,
    });

    const onEhr = await ehrObservations();
    expect(onEhr).toHaveLength(25);
    expect(onEhr.filter((o) => o.code.coding?.some((c) => c.code === PAIN_SEVERITY.code))).toHaveLength(23);
    for (const o of onEhr) {
      expect(o.subject?.reference).toBe(`Patient/${ehrPatientId}`);
      expect(o.identifier?.[0]?.system).toBe("https://ldn.example.org/fhir/identifier/observation");
    }

    const again = await call(clinician, "POST", `/api/patients/${patientId}/ehr-send`, {
      launch: launchIdOf(location),
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: {}, alreadyThere: 25 });
    expect(String(again.body.text)).toBe(`Sent nothing new to ${ehr.iss}; 25 already there`);
    expect(await ehrObservations()).toHaveLength(25);

    const audited = await writer.database.db
      .selectFrom("audit_events")
      .select(["patient_id", "details"])
      .where("action", "=", "patient.ehr-send")
      .execute();
    expect(audited.map((a) => a.patient_id)).toEqual([patientId, patientId]);
    for (const token of ehr.issuedTokens) expect(seenByBrowser.join("\n")).not.toContain(token);
  }, 60_000);

  it("refuses to send without a live launch, for a patient not linked to the launch's EHR patient, or another clinic's patient", async () => {
    const noLaunch = await call(clinician, "POST", `/api/patients/${patientId}/ehr-send`, {
      launch: "0".repeat(32),
    });
    expect(noLaunch.status).toBe(409);
    expect(messageOf(noLaunch.body)).toContain("no live SMART launch");

    const other = await writer.store.transaction(SYSTEM_ACTOR, async (tx) => {
      const clinicId = (await tx.patients.get(patientId))!.clinicId;
      return (await tx.patients.create({ clinicId, displayName: "Not linked", screening: {} })).id;
    });
    const location = await launch(clinician);
    const unlinked = await call(clinician, "POST", `/api/patients/${other}/ehr-send`, {
      launch: launchIdOf(location),
    });
    expect(unlinked.status).toBe(409);
    expect(messageOf(unlinked.body)).toContain("another EHR patient");

    const elsewhere = writer.client();
    await seedClinic(writer.store, "west");
    expect((await elsewhere.login("clinician@west.example")).status).toBe(200);
    const foreign = await call(elsewhere, "POST", `/api/patients/${patientId}/ehr-send`, {
      launch: launchIdOf(location),
    });
    expect(foreign.status).toBe(404);
  }, 60_000);

  it("refuses to send (409, saying why) when the EHR granted only read scopes", async () => {
    const location = await launch(readOnly);
    const prefill = await call(readOnly, "GET", `/api/smart/prefill/${launchIdOf(location)}`);
    expect(prefill.body.mayWriteObservations).toBe(false);
    const id = await enrolFrom(readOnly, location);
    const before = (await ehrObservations()).length;
    const refused = await call(readOnly, "POST", `/api/patients/${id}/ehr-send`, {
      launch: launchIdOf(location),
    });
    expect(refused.status).toBe(409);
    expect(messageOf(refused.body)).toContain("no write access to Observations");
    expect(await ehrObservations()).toHaveLength(before);
  }, 60_000);
});
