import { describe, expect, it } from "vitest";
import { decideAccess, mayReachPatient } from "./access.ts";
import type { Principal } from "./principal.ts";

const clinician: Principal = {
  kind: "staff",
  id: "s1",
  clinicId: "c1",
  role: "clinician",
  displayName: "",
  sessionId: "",
};
const pharmacist: Principal = { ...clinician, id: "s2", role: "pharmacist" };
const patient: Principal = { kind: "patient", id: "p1", clinicId: "c1", sessionId: "" };

describe("access decisions", () => {
  it("asks anonymous callers to sign in, except on public routes", () => {
    expect(decideAccess({ kind: "public" }, null)).toBe("allow");
    expect(decideAccess({ kind: "signed-in" }, null)).toBe("unauthenticated");
    expect(decideAccess({ kind: "patient", roles: ["clinician"], self: true }, null)).toBe("unauthenticated");
  });

  it("keeps clinic routes to the listed staff roles", () => {
    const rule = { kind: "clinic", roles: ["administrator"] } as const;
    expect(decideAccess(rule, clinician)).toBe("forbidden");
    expect(decideAccess(rule, patient)).toBe("forbidden");
    expect(decideAccess(rule, { ...clinician, role: "administrator" })).toBe("allow");
  });

  it("checks the patient named in the path for patient routes", () => {
    const rule = { kind: "patient", roles: ["clinician"], self: true } as const;
    expect(decideAccess(rule, clinician)).toBe("check-patient");
    expect(decideAccess(rule, patient)).toBe("check-patient");
    expect(decideAccess(rule, pharmacist)).toBe("forbidden");
    expect(decideAccess({ ...rule, self: false }, patient)).toBe("forbidden");
  });

  it("lets a patient reach only themself and staff only their clinic", () => {
    expect(mayReachPatient(patient, { id: "p1", clinicId: "c1" })).toBe(true);
    expect(mayReachPatient(patient, { id: "p2", clinicId: "c1" })).toBe(false);
    expect(mayReachPatient(clinician, { id: "p2", clinicId: "c1" })).toBe(true);
    expect(mayReachPatient(clinician, { id: "p3", clinicId: "c2" })).toBe(false);
    expect(mayReachPatient(clinician, undefined)).toBe(false);
  });
});
