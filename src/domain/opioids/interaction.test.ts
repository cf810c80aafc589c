import { describe, expect, it } from "vitest";
import { checkOpioidInteraction } from "./interaction.ts";

const microTitration = { id: "micro-titration", withOpioids: false, unit: "mg" as const };
const uldn = { id: "uldn-with-opioids", withOpioids: true, unit: "mcg" as const };

describe("checkOpioidInteraction", () => {
  it("says nothing when no opioid is active", () => {
    expect(checkOpioidInteraction(microTitration, [])).toBeNull();
    expect(checkOpioidInteraction(uldn, [])).toBeNull();
  });

  it("warns on a mg-range plan with an active opioid and requires a recorded decision", () => {
    const warning = checkOpioidInteraction(microTitration, [{ drug: "oxycodone" }, { drug: "oxycodone" }]);
    expect(warning).toMatchObject({
      code: "naltrexone-blocks-opioids",
      severity: "warning",
      protocolId: "micro-titration",
      opioids: ["oxycodone"],
      requiresClinicianDecision: true,
    });
    expect(warning!.message).toMatch(/can block opioid analgesia or precipitate withdrawal/);
    expect(warning!.source).toMatch(/clinical reference, section 3/);
  });

  it("still alerts on ULDN with an active opioid, as a caution", () => {
    expect(checkOpioidInteraction(uldn, [{ drug: "morphine" }])).toMatchObject({
      code: "uldn-alongside-opioids",
      severity: "caution",
      requiresClinicianDecision: true,
    });
  });

  it("treats a plan as ultra-low-dose only when it is both made for opioids and dosed in mcg", () => {
    const odd = [
      { id: "a", withOpioids: true, unit: "mg" as const },
      { id: "b", withOpioids: false, unit: "mcg" as const },
    ];
    for (const p of odd) expect(checkOpioidInteraction(p, [{ drug: "tramadol" }])?.severity).toBe("warning");
  });
});
