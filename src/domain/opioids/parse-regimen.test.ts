import { describe, expect, it } from "vitest";
import { parseOpioidRegimen, parseOpioidRegimens } from "./parse-regimen.ts";

describe("parseOpioidRegimens", () => {
  it("reads several regimens one after another", () => {
    expect(parseOpioidRegimens("oxycodone 10mg x3 morphine 15mg x2 fentanyl 25mcg/hr")).toEqual([
      { drug: "oxycodone", amount: 10, unit: "mg", dosesPerDay: 3 },
      { drug: "morphine", amount: 15, unit: "mg", dosesPerDay: 2 },
      { drug: "fentanyl", amount: 25, unit: "mcg/hr" },
    ]);
  });

  it("accepts commas between regimens and spaces inside them", () => {
    expect(parseOpioidRegimens("OxyContin 20 mg x 2, MS Contin 15 mg 2x; tramadol 50mg ×4")).toEqual([
      { drug: "OxyContin", amount: 20, unit: "mg", dosesPerDay: 2 },
      { drug: "MS Contin", amount: 15, unit: "mg", dosesPerDay: 2 },
      { drug: "tramadol", amount: 50, unit: "mg", dosesPerDay: 4 },
    ]);
  });

  it("reads a daily total in mg/day as one dose a day", () => {
    expect(parseOpioidRegimen("morphine 30mg/day")).toEqual({
      drug: "morphine",
      amount: 30,
      unit: "mg",
      dosesPerDay: 1,
    });
  });

  it("reads decimals and the usual spellings of mcg/hr", () => {
    expect(parseOpioidRegimen("hydrocodone 7.5mg x4")).toMatchObject({ amount: 7.5 });
    expect(parseOpioidRegimen("fentanyl 37.5 mcg/h")).toEqual({
      drug: "fentanyl",
      amount: 37.5,
      unit: "mcg/hr",
    });
    expect(parseOpioidRegimen("fentanyl 12 µg/hr")).toMatchObject({ unit: "mcg/hr", amount: 12 });
  });

  it("never guesses a missing number of doses a day", () => {
    expect(() => parseOpioidRegimen("oxycodone 10mg")).toThrow(
      'opioid "oxycodone 10mg": how many doses a day? write e.g. "oxycodone 10mg x3", or "oxycodone 10mg/day" for a daily total',
    );
  });

  it("never guesses a missing unit", () => {
    expect(() => parseOpioidRegimen("oxycodone 10 x3")).toThrow(/"10" needs a unit: mg, or mcg\/hr/);
  });

  it("refuses an amount with no drug before it", () => {
    expect(() => parseOpioidRegimens("10mg x3")).toThrow(`write the drug's name before "10mg"`);
  });

  it("refuses a drug with no amount", () => {
    expect(() => parseOpioidRegimens("morphine")).toThrow(/give morphine's amount and unit/);
  });

  it("reports an unknown drug before anything else", () => {
    expect(() => parseOpioidRegimens("pethidine 50mg x4")).toThrow(
      /unknown opioid "pethidine"; known: codeine/,
    );
  });

  it("refuses a decimal comma, a naked decimal point and unknown units", () => {
    expect(() => parseOpioidRegimen("oxycodone 7,5mg x2")).toThrow(/use a decimal point, not a comma/);
    expect(() => parseOpioidRegimen("hydromorphone .5mg x2")).toThrow(/write a leading zero/);
    expect(() => parseOpioidRegimen("oxycodone 10g x2")).toThrow(/unknown unit "g"/);
    expect(() => parseOpioidRegimen("fentanyl 100mcg x2")).toThrow(/unknown unit "mcg"/);
  });

  it("refuses doses a day for a patch and a count after a daily total", () => {
    expect(() => parseOpioidRegimen("fentanyl 25mcg/hr x2")).toThrow(/a patch delivers continuously/);
    expect(() => parseOpioidRegimen("morphine 30mg/day x2")).toThrow(
      /a daily total \(mg\/day\) takes no "x N"/,
    );
  });

  it("takes exactly one regimen where one is expected", () => {
    expect(() => parseOpioidRegimen("morphine 10mg x2 oxycodone 5mg x2")).toThrow(
      /one regimen expected, found 2/,
    );
    expect(() => parseOpioidRegimen("   ")).toThrow(/nothing given/);
  });
});
