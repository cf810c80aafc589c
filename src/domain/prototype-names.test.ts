/**
 * Names that every JavaScript object answers to (`constructor`, `__proto__`, `toString`,
 * `valueOf`, `hasOwnProperty`) are never units, sexes or sources: each lookup table refuses them
 * as it refuses any unknown name (issue 13: "3000 constructor" was stored as 3000 mcg).
 */
import { describe, expect, it } from "vitest";
import { readSex } from "./cohort/cohort-cells.ts";
import { parseDose } from "./dose.ts";
import { DomainError } from "./errors.ts";
import { parseOpioidRegimen } from "./opioids/parse-regimen.ts";
import { UNKNOWN_ULDN_STATEMENT, uldnStatement } from "./opioids/uldn-sources.ts";
import { ownEntry } from "./own-entry.ts";

const INHERITED = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf"];

describe("names every object inherits", () => {
  it.each(INHERITED)("are not a dose unit: 3000 %s is refused naming the unit", (name) => {
    let error: unknown;
    try {
      parseDose(`3000 ${name}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("invalid_dose");
    expect((error as DomainError).message).toContain(`unknown unit "${name}"`);
  });

  it.each(INHERITED)("are not an opioid unit: oxycodone 10 %s is refused", (name) => {
    expect(() => parseOpioidRegimen(`oxycodone 10 ${name}`)).toThrow(DomainError);
  });

  it.each(INHERITED)("are not a sex in the cohort file: %s", (name) => {
    expect(readSex(name)).toEqual({ ok: false, reason: "must be female, male or other" });
  });

  it.each(INHERITED)("have no ULDN statement: %s", (name) => {
    expect(uldnStatement(name)).toBe(UNKNOWN_ULDN_STATEMENT);
  });

  it("are not entries of a table, whose own entries still are", () => {
    const table = { mg: "mg" };
    for (const name of INHERITED) expect(ownEntry(table, name)).toBeUndefined();
    expect(ownEntry(table, "mg")).toBe("mg");
  });
});
