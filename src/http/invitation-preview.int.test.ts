/**
 * The join page names the clinic before the patient chooses a password (issue 12): a working
 * link answers its clinic's name; a link unknown or already used answers 404 as joining would,
 * audited as a failure.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DIALECTS } from "../store/testing/test-databases.ts";
import {
  ELIGIBLE_SCREENING,
  TEST_PASSWORD,
  seedClinic,
  startTestServer,
  type TestServer,
} from "./testing/test-server.ts";

for (const dialect of DIALECTS) {
  describe(`invitation preview on ${dialect}`, () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startTestServer(dialect);
    });
    afterEach(() => server.close());

    it("names the clinic of a working link, and refuses a used or unknown one as joining would", async () => {
      const north = await seedClinic(server.store, "north");
      const clinician = server.client();
      await clinician.login(north.staff.clinician.email);
      const enrolled = await clinician.post<{ id: string }>("/api/patients", {
        displayName: "P. Preview",
        screening: ELIGIBLE_SCREENING,
      });
      const invite = await clinician.post<{ token: string }>(
        `/api/patients/${enrolled.body.id}/invitations`,
        {},
      );
      const visitor = server.client();
      const preview = await visitor.post("/api/invitations/clinic", { token: invite.body.token });
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual({ clinicName: "north clinic" });

      await visitor.post("/api/invitations/accept", { token: invite.body.token, password: TEST_PASSWORD });
      const used = await visitor.post<{ error: { message: string } }>("/api/invitations/clinic", {
        token: invite.body.token,
      });
      expect(used.status).toBe(404);
      expect(used.body.error.message).toContain("not valid");
      expect((await visitor.post("/api/invitations/clinic", { token: "z".repeat(43) })).status).toBe(404);

      const events = await server.database.db
        .selectFrom("audit_events")
        .select(["outcome", "patient_id"])
        .where("action", "=", "invitation.preview")
        .orderBy("id")
        .execute();
      expect(events).toEqual([
        { outcome: "success", patient_id: enrolled.body.id },
        { outcome: "failure", patient_id: enrolled.body.id },
        { outcome: "failure", patient_id: null },
      ]);
    });
  });
}
