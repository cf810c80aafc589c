/**
 * Common passwords are refused wherever a password is set (issue 12: "'password' was accepted"):
 * changing one's own, joining by invitation, and an administrator adding staff. Each refusal is
 * a 422 naming the field, the password is kept as it was, and a good password then succeeds.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  TEST_PASSWORD,
  enrolAndJoin,
  seedClinic,
  startTestServer,
  type ClinicFixture,
  type TestClient,
  type TestServer,
} from "./testing/test-server.ts";

type ErrorBody = { error: { code: string; message: string; field?: string } };

const expectCommon = (res: { status: number; body: unknown }, field: string) => {
  expect(res.status).toBe(422);
  const { error } = res.body as ErrorBody;
  expect(error.code).toBe("invalid_argument");
  expect(error.message).toMatch(new RegExp(`^(body\\.)?${field}: this password is too common`));
};

for (const dialect of DIALECTS) {
  describe(`common passwords on ${dialect}`, () => {
    let server: TestServer;
    let north: ClinicFixture;
    let clinician: TestClient;

    beforeEach(async () => {
      server = await startTestServer(dialect, { settings: { loginFailures: 1000 } });
      north = await seedClinic(server.store, "north");
      clinician = server.client();
      await clinician.login(north.staff.clinician.email);
    });
    afterEach(() => server.close());

    it("refuses 'password' as a new password, keeps the old one, then takes a good one", async () => {
      const { patient, loginCode } = await enrolAndJoin(server, clinician, "P. Change");
      for (const weak of ["password", "Password1", "iloveyou"]) {
        const res = await patient.post("/api/me/password", {
          currentPassword: TEST_PASSWORD,
          newPassword: weak,
        });
        expectCommon(res, "newPassword");
      }
      expect((await server.client().login(loginCode, TEST_PASSWORD)).status).toBe(200);
      const ok = await patient.post("/api/me/password", {
        currentPassword: TEST_PASSWORD,
        newPassword: "violet kettle harbour",
      });
      expect(ok.status).toBe(200);
      expect((await server.client().login(loginCode, "violet kettle harbour")).status).toBe(200);
    });

    it("refuses a common password when joining by invitation, and the link still works for a good one", async () => {
      const enrolled = await clinician.post<{ id: string }>("/api/patients", {
        displayName: "P. Join",
        screening: {
          ageYears: 45,
          painMonths: 36,
          pregnancy: "no",
          opioids: [],
          mustStayOnOpioids: false,
          riskFactors: ["centralized-pain"],
        },
      });
      const invite = await clinician.post<{ token: string }>(
        `/api/patients/${enrolled.body.id}/invitations`,
        {},
      );
      const joiner = server.client();
      expectCommon(
        await joiner.post("/api/invitations/accept", { token: invite.body.token, password: "12345678" }),
        "password",
      );
      const joined = await joiner.post("/api/invitations/accept", {
        token: invite.body.token,
        password: "violet kettle harbour",
      });
      expect(joined.status).toBe(201);
    });

    it("refuses a common password for a new staff member", async () => {
      const admin = server.client();
      await admin.login(north.staff.administrator.email);
      const body = {
        email: "new@north.example",
        displayName: "New Staff",
        role: "pharmacist",
        password: "qwertyuiop",
      };
      expectCommon(await admin.post("/api/staff", body), "password");
      expect((await admin.post("/api/staff", { ...body, password: "violet kettle harbour" })).status).toBe(
        201,
      );
    });
  });
}
