import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { OpioidRegimen } from "../opioids/regimen.ts";
import { PROTOCOLS } from "../protocols/catalogue.ts";
import { OIH_RISK_FACTOR_IDS } from "./risk-factors.ts";
import { eligibilityOf, screenPatient } from "./screen-patient.ts";
import { PREGNANCY_STATUSES, type ScreeningInput } from "./types.ts";

const base: ScreeningInput = {
  ageYears: 45,
  painMonths: 24,
  pregnancy: "no",
  opioids: [],
  mustStayOnOpioids: false,
  riskFactors: [],
};
const morphine = (mgPerDay: number): OpioidRegimen => ({
  drug: "morphine",
  amount: mgPerDay,
  unit: "mg",
  dosesPerDay: 1,
});
const screen = (overrides: Partial<ScreeningInput>) => screenPatient({ ...base, ...overrides });
const codes = (overrides: Partial<ScreeningInput>) => screen(overrides).reasons.map((r) => r.code);
const fits = (overrides: Partial<ScreeningInput>) =>
  Object.fromEntries(screen(overrides).protocols.map((p) => [p.protocolId, p.fit]));

const MG_RANGE = PROTOCOLS.filter((p) => p.unit === "mg").map((p) => p.id);
const ULDN = ["uldn-with-opioids", "uldn-sub-1mg"];

describe("screenPatient: the criteria of 004", () => {
  it("finds an adult with long-standing pain, not pregnant and off opioids, eligible with no reasons", () => {
    const result = screen({});
    expect(result.eligibility).toBe("eligible");
    expect(result.reasons).toEqual([]);
    expect(result.mme).toBeNull();
    expect(result.rules).toBe("screening@2");
  });

  it("excludes a 17-year-old and accepts an 18-year-old", () => {
    expect(screen({ ageYears: 17 }).eligibility).toBe("not-eligible");
    expect(codes({ ageYears: 17 })).toEqual(["under-18"]);
    expect(screen({ ageYears: 18 }).eligibility).toBe("eligible");
  });

  it("excludes pain of exactly 6 months and accepts 7 (004: more than 6 months)", () => {
    expect(codes({ painMonths: 6 })).toEqual(["pain-6-months-or-less"]);
    expect(screen({ painMonths: 6 }).eligibility).toBe("not-eligible");
    expect(screen({ painMonths: 7 }).eligibility).toBe("eligible");
  });

  it("excludes pregnancy and sends an unknown pregnancy status to review", () => {
    expect(screen({ pregnancy: "yes" }).eligibility).toBe("not-eligible");
    expect(screen({ pregnancy: "unknown" })).toMatchObject({
      eligibility: "needs-review",
      reasons: [{ code: "pregnancy-unknown", effect: "review" }],
    });
    expect(screen({ pregnancy: "not-applicable" }).eligibility).toBe("eligible");
  });

  it("gives every reason a source", () => {
    const result = screen({ ageYears: 17, painMonths: 3, pregnancy: "yes", opioids: [morphine(120)] });
    expect(result.reasons.length).toBeGreaterThan(3);
    for (const r of result.reasons) expect(r.source).not.toBe("");
  });

  it("makes every protocol unsuitable for a patient who is not eligible, naming why", () => {
    const result = screen({ pregnancy: "yes" });
    expect(new Set(result.protocols.map((p) => p.fit))).toEqual(new Set(["unsuitable"]));
    expect(result.protocols[0]!.why).toBe("not eligible (pregnant)");
  });
});

describe("screenPatient: opioids and MME", () => {
  it("stays eligible at 49.9 MME/day, with no MME note", () => {
    expect(codes({ opioids: [morphine(49.9)] })).toEqual(["active-opioids", "oih-risk-with-opioids"]);
  });

  it("notes the CDC 2016 threshold at exactly 50 MME/day", () => {
    expect(codes({ opioids: [morphine(50)] })).toContain("mme-cdc-50");
  });

  it("notes the CDC 90 threshold at exactly 90 MME/day but keeps the mg-range protocols (004 excluded more than 90)", () => {
    const result = screen({ opioids: [morphine(90)] });
    expect(result.reasons.map((r) => r.code)).toContain("mme-cdc-90");
    expect(result.reasons.map((r) => r.code)).not.toContain("mme-cdc-50");
    expect(result.reasons.map((r) => r.code)).not.toContain("mme-above-004-exclusion");
    expect(result.eligibility).toBe("eligible");
    expect(fits({ opioids: [morphine(90)] })["micro-titration"]).toBe("possible");
  });

  it("at 90.1 MME/day rules out the mg-range protocols, keeps ULDN and asks for review", () => {
    const result = screen({ opioids: [morphine(90.1)] });
    expect(result.eligibility).toBe("needs-review");
    expect(result.reasons.find((r) => r.code === "mme-above-004-exclusion")).toMatchObject({
      effect: "excludes",
      scope: "mg-range",
      message: expect.stringContaining("opioids total 90.1 MME/day, more than 90"),
    });
    const f = fits({ opioids: [morphine(90.1)] });
    for (const id of MG_RANGE) expect(f[id]).toBe("unsuitable");
    for (const id of ULDN) expect(f[id]).toBe("possible");
  });

  it("puts an interaction warning on every mg-range protocol and a caution on ULDN when an opioid is active", () => {
    const result = screen({ opioids: [{ drug: "oxycodone", amount: 10, unit: "mg", dosesPerDay: 3 }] });
    for (const p of result.protocols) {
      expect(p.interaction).toMatchObject({
        severity: ULDN.includes(p.protocolId) ? "caution" : "warning",
        opioids: ["oxycodone"],
        requiresClinicianDecision: true,
      });
    }
  });

  it("has no interaction warning when no opioid is active", () => {
    for (const p of screen({}).protocols) expect(p.interaction).toBeNull();
  });

  it("reports the MME of the opioids listed", () => {
    const result = screen({ opioids: [{ drug: "oxycodone", amount: 10, unit: "mg", dosesPerDay: 3 }] });
    expect(result.mme?.totalMmePerDay).toBe(45);
  });

  it("sends buprenorphine to review rather than refusing the screening, and still warns of the interaction", () => {
    const result = screen({ opioids: [{ drug: "Suboxone", amount: 8, unit: "mg", dosesPerDay: 1 }] });
    expect(result.eligibility).toBe("needs-review");
    expect(result.opioidsWithoutMme).toEqual(["Suboxone"]);
    expect(result.mme).toBeNull();
    expect(result.reasons.find((r) => r.code === "opioid-without-mme")?.message).toMatch(
      /Suboxone: buprenorphine has no MME factor/,
    );
    expect(result.protocols.find((p) => p.protocolId === "micro-titration")?.interaction?.severity).toBe(
      "warning",
    );
  });

  it("adds up convertible opioids beside buprenorphine", () => {
    const result = screen({ opioids: [{ drug: "buprenorphine", amount: 10, unit: "mcg/hr" }, morphine(30)] });
    expect(result.mme?.totalMmePerDay).toBe(30);
    expect(result.opioidsWithoutMme).toEqual(["buprenorphine"]);
  });
});

describe("screenPatient: which protocols fit", () => {
  it("suggests micro-titration to a patient off opioids and keeps ULDN out", () => {
    const f = fits({});
    expect(f["micro-titration"]).toBe("suggested");
    for (const id of MG_RANGE.filter((id) => id !== "micro-titration")) expect(f[id]).toBe("possible");
    for (const id of ULDN) expect(f[id]).toBe("unsuitable");
  });

  it("suggests ULDN to a patient who must stay on opioids, and leaves mg-range possible only with a decision", () => {
    const result = screen({ mustStayOnOpioids: true, opioids: [morphine(40)] });
    const suggested = result.protocols.filter((p) => p.fit === "suggested").map((p) => p.protocolId);
    expect(suggested).toEqual(ULDN);
    const micro = result.protocols.find((p) => p.protocolId === "micro-titration")!;
    expect(micro).toMatchObject({ fit: "possible", code: "mg-range-must-stay-on-opioids" });
    expect(micro.interaction?.requiresClinicianDecision).toBe(true);
  });

  it("gives each ULDN protocol its own source: 000's pearl for 1 mcg twice daily, 002's words for 0.5-1 mg", () => {
    const result = screen({ mustStayOnOpioids: true, opioids: [morphine(40)] });
    const [mcg, sub1mg] = ULDN.map((id) => result.protocols.find((p) => p.protocolId === id)!);
    expect(mcg!.why).toContain(
      "ULDN is preferred for OIH and OAT in patients who must remain on opioids (000",
    );
    expect(mcg!.source).toMatch(/^000 .*clinical pearls$/);
    expect(sub1mg!.why).toMatch(
      /^002: patients taking opioids may get the benefit of LDN as long as they take less than 1 mg/,
    );
    expect(sub1mg!.source).toMatch(/^002 /);
    expect(sub1mg!.interaction!.message).toContain(
      "002 warns that naltrexone can knock opioids off their receptors",
    );
    expect(sub1mg!.interaction!.source).toMatch(/^002 /);
    expect(mcg!.interaction!.source).toMatch(/^000 /);
  });

  it("offers ULDN and mg-range alike to a patient on opioids who need not stay on them", () => {
    const f = fits({ opioids: [morphine(40)] });
    for (const id of [...MG_RANGE, ...ULDN]) expect(f[id]).toBe("possible");
  });

  it("asks for the opioid list when the patient must stay on opioids but none is listed", () => {
    expect(screen({ mustStayOnOpioids: true })).toMatchObject({
      eligibility: "needs-review",
      reasons: [{ code: "must-stay-without-opioid-list" }],
    });
  });

  it("records the protocol version each fit was made for", () => {
    expect(screen({}).protocols[0]!.protocolKey).toBe("micro-titration@2");
  });
});

describe("screenPatient: OIH/OAT risk factors", () => {
  it("reads the potent-full-agonist risk from an opioid list naming oxycodone, morphine or fentanyl", () => {
    const result = screen({ opioids: [{ drug: "fentanyl", amount: 12, unit: "mcg/hr" }] });
    expect(result.riskFactors).toEqual([
      expect.objectContaining({ id: "potent-full-agonist", recordedFrom: "opioids" }),
    ]);
  });

  it("does not read it from other opioids, nor add it twice when the clinician recorded it", () => {
    expect(
      screen({ opioids: [{ drug: "tramadol", amount: 50, unit: "mg", dosesPerDay: 2 }] }).riskFactors,
    ).toEqual([]);
    const both = screen({
      opioids: [morphine(20)],
      riskFactors: ["potent-full-agonist", "potent-full-agonist"],
    });
    expect(both.riskFactors.map((r) => [r.id, r.recordedFrom])).toEqual([
      ["potent-full-agonist", "clinician"],
    ]);
  });

  it("notes OIH risk with opioids and the centralized-pain finding, without changing eligibility", () => {
    const result = screen({
      opioids: [morphine(20)],
      riskFactors: ["centralized-pain", "sleep-disturbance"],
    });
    expect(result.eligibility).toBe("eligible");
    expect(result.reasons.map((r) => r.code)).toEqual([
      "active-opioids",
      "oih-risk-with-opioids",
      "centralized-pain",
    ]);
  });

  it("refuses an unknown risk factor, listing the known ones", () => {
    expect(() => screen({ riskFactors: ["anxiety"] })).toThrow(
      /risk factor: unknown; known: long-term-high-dose-opioids, potent-full-agonist/,
    );
  });
});

describe("screenPatient: input checks", () => {
  it("refuses an age or pain duration that is not a whole number in range", () => {
    expect(() => screen({ ageYears: 45.5 })).toThrow(
      "age: must be a whole number of years from 0 to 130 (got 45.5)",
    );
    expect(() => screen({ ageYears: -1 })).toThrow(/age/);
    expect(() => screen({ painMonths: 1201 })).toThrow(/pain duration: must be a whole number of months/);
  });

  it("refuses an unknown pregnancy status", () => {
    expect(() => screen({ pregnancy: "maybe" as never })).toThrow(
      'pregnancy: must be one of yes, no, unknown, not-applicable (got "maybe")',
    );
  });
});

describe("eligibilityOf", () => {
  const reason = (effect: "excludes" | "review" | "note", scope: "all" | "mg-range" = "all") => ({
    code: "x",
    effect,
    scope,
    message: "",
    source: "",
  });

  it("ranks not-eligible above needs-review above eligible", () => {
    expect(eligibilityOf([])).toBe("eligible");
    expect(eligibilityOf([reason("note")])).toBe("eligible");
    expect(eligibilityOf([reason("review"), reason("note")])).toBe("needs-review");
    expect(eligibilityOf([reason("excludes", "mg-range")])).toBe("needs-review");
    expect(eligibilityOf([reason("review"), reason("excludes")])).toBe("not-eligible");
  });
});

const arbInput: fc.Arbitrary<ScreeningInput> = fc.record({
  ageYears: fc.integer({ min: 0, max: 130 }),
  painMonths: fc.integer({ min: 0, max: 1200 }),
  pregnancy: fc.integer({ min: 0, max: PREGNANCY_STATUSES.length - 1 }).map((i) => PREGNANCY_STATUSES[i]!),
  opioids: fc.array(
    fc.integer({ min: 1, max: 200_000 }).map((t) => morphine(t / 1000)),
    { maxLength: 3 },
  ),
  mustStayOnOpioids: fc.boolean(),
  riskFactors: fc.subarray([...OIH_RISK_FACTOR_IDS]),
});

describe("screenPatient, for any patient", () => {
  it("never suggests a protocol to a patient who is not eligible", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = screenPatient(input);
        if (result.eligibility === "not-eligible") {
          expect(result.protocols.every((p) => p.fit === "unsuitable")).toBe(true);
        }
      }),
    );
  });

  it("never lets a plan for a patient on opioids go without a decision, nor asks for one off opioids", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        for (const p of screenPatient(input).protocols) {
          expect(p.interaction !== null).toBe(input.opioids.length > 0);
        }
      }),
    );
  });

  it("never keeps a mg-range protocol above 90 MME/day", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = screenPatient(input);
        if ((result.mme?.totalMmePerDay ?? 0) > 90) {
          for (const p of result.protocols.filter((x) => MG_RANGE.includes(x.protocolId))) {
            expect(p.fit).toBe("unsuitable");
          }
        }
      }),
    );
  });
});
