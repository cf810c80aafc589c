import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { resolveOpioid } from "./resolve-opioid.ts";

describe("resolveOpioid", () => {
  it("finds a generic name whatever its case", () => {
    expect(resolveOpioid("Oxycodone").id).toBe("oxycodone");
    expect(resolveOpioid("TRAMADOL").id).toBe("tramadol");
  });

  it("finds single-ingredient brands however they are spaced or hyphenated", () => {
    expect(resolveOpioid("OxyContin").id).toBe("oxycodone");
    expect(resolveOpioid("MS Contin").id).toBe("morphine");
    expect(resolveOpioid("ms-contin").id).toBe("morphine");
    expect(resolveOpioid("Duragesic").id).toBe("fentanyl");
    expect(resolveOpioid("Dilaudid").id).toBe("hydromorphone");
  });

  it("refuses an unknown drug, naming it and listing the known ones", () => {
    expect(() => resolveOpioid("pethidine")).toThrow(
      'unknown opioid "pethidine"; known: codeine, fentanyl, hydrocodone, hydromorphone, methadone, morphine, ' +
        "oxycodone, oxymorphone, tapentadol, tramadol, buprenorphine",
    );
    try {
      resolveOpioid("pethidine");
    } catch (e) {
      expect((e as DomainError).code).toBe("unknown_opioid");
      expect((e as DomainError).details).toEqual({ field: "drug", value: "pethidine" });
    }
  });

  it("refuses a combination brand and says how to write its opioid instead", () => {
    expect(() => resolveOpioid("Percocet")).toThrow(
      '"Percocet" is a combination product; write its opioid and the opioid\'s mg per dose, e.g. "oxycodone 5mg x4"',
    );
    expect(() => resolveOpioid("Tylenol #3")).toThrow(/codeine 5mg x4/);
  });

  it("recognises buprenorphine and its brands so that the refusal can explain itself", () => {
    expect(resolveOpioid("Suboxone").id).toBe("buprenorphine");
    expect(resolveOpioid("buprenorphine").factor).toBeNull();
  });
});
