import { describe, expect, it } from "vitest";
import { OPIOIDS } from "./opioid-catalogue.ts";

describe("the opioid catalogue", () => {
  it("holds exactly the CDC 2022 conversion factors of the clinical reference", () => {
    const factors = Object.fromEntries(OPIOIDS.map((o) => [o.id, o.factor]));
    expect(factors).toEqual({
      codeine: 0.15,
      fentanyl: 2.4,
      hydrocodone: 1.0,
      hydromorphone: 5.0,
      methadone: 4.7,
      morphine: 1.0,
      oxycodone: 1.5,
      oxymorphone: 3.0,
      tapentadol: 0.4,
      tramadol: 0.2,
      buprenorphine: null,
    });
  });

  it("gives every factor a source naming CDC 2022", () => {
    for (const o of OPIOIDS) expect(o.factorSource).toContain("CDC 2022");
  });

  it("writes every factor in whole thousandths, so the arithmetic can be exact", () => {
    for (const o of OPIOIDS.filter((x) => x.factor !== null)) {
      expect(Number.isInteger(Math.round(o.factor! * 1000))).toBe(true);
      expect(Math.round(o.factor! * 1000) / 1000).toBe(o.factor);
    }
  });

  it("takes fentanyl only as a patch rate in mcg/hr and every other factor per mg", () => {
    for (const o of OPIOIDS.filter((x) => x.factor !== null)) {
      expect(o.units).toEqual(o.id === "fentanyl" ? ["mcg/hr"] : ["mg"]);
    }
  });

  it("marks as potent full agonists exactly the three that 000 names", () => {
    expect(OPIOIDS.filter((o) => o.namedPotentFullAgonist).map((o) => o.id)).toEqual([
      "fentanyl",
      "morphine",
      "oxycodone",
    ]);
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(OPIOIDS)).toBe(true);
    expect(Object.isFrozen(OPIOIDS[0])).toBe(true);
  });

  it("never gives one brand name to two drugs", () => {
    const brands = OPIOIDS.flatMap((o) => o.brands);
    expect(new Set(brands).size).toBe(brands.length);
  });
});
