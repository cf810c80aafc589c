import { describe, expect, it } from "vitest";
import { checkOpioidInteraction } from "./interaction.ts";

const microTitration = {
  id: "micro-titration",
  name: "Micro-titration",
  withOpioids: false,
  unit: "mg" as const,
};
const uldn = {
  id: "uldn-with-opioids",
  name: "Ultra-low-dose naltrexone with opioids",
  withOpioids: true,
  unit: "mcg" as const,
};
const sub1mg = {
  id: "uldn-sub-1mg",
  name: "Ultra-low-dose naltrexone below 1 mg",
  withOpioids: true,
  unit: "mcg" as const,
};

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
    expect(warning!.message).toContain("knocking opioids off their receptors and worsening pain");
    // The protocol by its name, the sources only in `source` (shown when a clinician asks).
    expect(warning!.message).toMatch(/^Micro-titration is naltrexone in the mg range/);
    expect(warning!.message).not.toMatch(/\b00[0-4]\b/);
    expect(warning!.source).toMatch(/clinical reference, section 3/);
    expect(warning!.source).toMatch(/000/);
    expect(warning!.source).toMatch(/002/);
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
      { id: "a", name: "A", withOpioids: true, unit: "mg" as const },
      { id: "b", name: "B", withOpioids: false, unit: "mcg" as const },
    ];
    for (const p of odd) expect(checkOpioidInteraction(p, [{ drug: "tramadol" }])?.severity).toBe("warning");
  });

  it("gives 000's 'no increased risk of withdrawal' only for 000's 1 mcg twice daily, citing 000 first", () => {
    const caution = checkOpioidInteraction(uldn, [{ drug: "morphine" }])!;
    expect(caution.message).toContain("1 mcg twice daily (000)");
    expect(caution.message).toContain(
      '000 reports "no increased risk of withdrawal or opioid antagonism" at 1 mcg',
    );
    // The conflict is shown: 002's "ultra-low" reaches about 1 mg and comes with a withdrawal warning.
    expect(caution.message).toContain("002 calls up to about 1 mg ultra-low too");
    expect(caution.source).toMatch(
      /^000 \(Accurate Clinic.*\), ULDN side effects \(1 mcg twice daily\); 002/,
    );
  });

  it("gives 002's withdrawal warning for 0.5-1 mg and never 000's reassurance as if said of those doses", () => {
    const caution = checkOpioidInteraction(sub1mg, [{ drug: "oxycodone" }])!;
    expect(caution).toMatchObject({
      code: "uldn-alongside-opioids",
      severity: "caution",
      protocolId: "uldn-sub-1mg",
    });
    expect(caution.message).toContain("0.5 to under 1 mg a day (002)");
    expect(caution.message).toContain(
      "002 warns that naltrexone can knock opioids off their receptors, inducing withdrawal and worsening pain",
    );
    expect(caution.message).toContain('"around 1 mg or less"');
    // 000's words appear only as the other side of the conflict, scoped to 1 mcg twice daily.
    expect(caution.message).toContain(
      '000\'s "no increased risk of withdrawal" was said of 1 mcg twice daily, 250 to 500 times less, not of these doses',
    );
    expect(caution.message).not.toMatch(/000 reports no increased risk/);
    expect(caution.source).toMatch(/^002 \(Liptan/);
  });

  it("states the conflict, and claims nothing, for an ultra-low-dose protocol it has no source for", () => {
    const caution = checkOpioidInteraction(
      { id: "uldn-new", name: "New ULDN", withOpioids: true, unit: "mcg" },
      [{ drug: "morphine" }],
    )!;
    expect(caution.severity).toBe("caution");
    expect(caution.message).toContain('the sources disagree on what "ultra-low" means');
  });
});
