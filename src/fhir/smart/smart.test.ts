import { describe, expect, it } from "vitest";
import { newPkce, s256Challenge } from "./pkce.ts";
import { authorizeUrl, mayWrite, readSmartConfiguration } from "./smart-configuration.ts";

const ISS = "https://ehr.example/fhir";
const CONFIG = {
  authorization_endpoint: "https://ehr.example/authorize",
  token_endpoint: "https://ehr.example/token",
  code_challenge_methods_supported: ["S256"],
  capabilities: ["launch-ehr", "launch-standalone"],
};

describe("SMART App Launch v2 client pieces", () => {
  it("makes the S256 challenge of RFC 7636's own example, and fresh verifiers of the minimum length", () => {
    expect(s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe(
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
    const a = newPkce();
    const b = newPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(s256Challenge(a.verifier));
  });

  it("refuses a server that offers only plain PKCE, or none, and names a missing endpoint", () => {
    expect(() =>
      readSmartConfiguration({ ...CONFIG, code_challenge_methods_supported: ["plain"] }, ISS),
    ).toThrow(/does not advertise PKCE S256/);
    expect(() =>
      readSmartConfiguration({ ...CONFIG, code_challenge_methods_supported: undefined }, ISS),
    ).toThrow(/does not advertise PKCE S256/);
    expect(() => readSmartConfiguration({ ...CONFIG, token_endpoint: undefined }, ISS)).toThrow(
      /smart-configuration: token_endpoint/,
    );
  });

  it("builds the EHR launch's authorize URL with aud, launch, state and an S256 challenge", () => {
    const url = new URL(
      authorizeUrl(readSmartConfiguration(CONFIG, ISS), {
        clientId: "ldn",
        redirectUri: "https://ldn.example/smart/callback",
        scope: "launch openid fhirUser patient/Patient.rs patient/MedicationRequest.rs",
        state: "st-1",
        challenge: "ch-1",
        aud: ISS,
        launch: "xyz",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://ehr.example/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "ldn",
      redirect_uri: "https://ldn.example/smart/callback",
      scope: "launch openid fhirUser patient/Patient.rs patient/MedicationRequest.rs",
      state: "st-1",
      aud: ISS,
      code_challenge: "ch-1",
      code_challenge_method: "S256",
      launch: "xyz",
    });
  });

  it("sees write access only where a create scope was granted for that type", () => {
    expect(mayWrite("launch patient/Observation.cru", "Observation")).toBe(true);
    expect(mayWrite("patient/Observation.write", "Observation")).toBe(true);
    expect(mayWrite("patient/*.cruds", "Observation")).toBe(true);
    expect(mayWrite("patient/Observation.rs", "Observation")).toBe(false);
    expect(mayWrite("patient/Patient.cru", "Observation")).toBe(false);
  });
});
