import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { parseCohort, REQUIRED_COLUMNS } from "./parse-cohort.ts";

const header = [...REQUIRED_COLUMNS, "bpi_pain_pre", "bpi_pain_post"];
const row = (line: number, ...cells: string[]) => ({ line, cells });
const good = (line: number, id: string) =>
  row(line, id, "female", "40", "25.5", "true", "false", "1.5", "false", "no", "6", "3");

describe("parseCohort", () => {
  it("reads every column, with empty cells as missing", () => {
    const cohort = parseCohort(
      { header, rows: [row(2, "P1", "M", "40", "", "yes", "0", "0.7", "TRUE", "n", "6.5", "")] },
      {},
    );
    expect(cohort.problems).toEqual([]);
    expect(cohort.patients[0]).toEqual({
      line: 2,
      patientId: "P1",
      sex: "male",
      age: 40,
      bmi: null,
      hypermobile: true,
      mcad: false,
      medMg: 0.7,
      hormesis: true,
      onOpioids: false,
      outcomes: { bpi_pain: { pre: 6.5, post: null } },
    });
    expect(cohort.scales).toEqual([
      { name: "bpi_pain", direction: "lower-is-better", directionFrom: "prefix" },
    ]);
  });

  it("reports each bad cell with line and column and leaves only that row out", () => {
    const cohort = parseCohort(
      {
        header,
        rows: [
          good(2, "P1"),
          row(3, "P2", "female", "forty", "25", "true", "false", "700", "false", "no", "6", "11"),
          good(4, "P3"),
        ],
      },
      {},
    );
    expect(cohort.patients.map((p) => p.patientId)).toEqual(["P1", "P3"]);
    expect(cohort.rowsLeftOut).toBe(1);
    expect(cohort.problems).toEqual([
      { line: 3, column: "bpi_pain_post", value: "11", message: "must be from 0 to 10" },
      { line: 3, column: "age", value: "forty", message: "is not a number" },
      { line: 3, column: "med_mg", value: "700", message: "must be from 0.001 to 50" },
    ]);
  });

  it("reports a repeated patient id and a row with the wrong number of cells", () => {
    const cohort = parseCohort({ header, rows: [good(2, "P1"), good(3, "P1"), row(4, "P4", "female")] }, {});
    expect(cohort.patients).toHaveLength(1);
    expect(cohort.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [3, "patient_id", "repeats line 2"],
      [4, "", "has 2 cells; the header has 11"],
    ]);
  });

  it("refuses a header missing a required column or half of an outcome pair", () => {
    expect(() => parseCohort({ header: header.filter((h) => h !== "med_mg"), rows: [] }, {})).toThrow(
      "required columns missing",
    );
    expect(() => parseCohort({ header: [...REQUIRED_COLUMNS, "bpi_pain_pre"], rows: [] }, {})).toThrow(
      "has no partner column bpi_pain_post",
    );
  });

  it("needs a direction for a scale that is neither bpi_ nor promis_, and lists other columns", () => {
    const withSleep = [...header, "sleep_pre", "sleep_post", "notes"];
    expect(() => parseCohort({ header: withSleep, rows: [] }, {})).toThrow(DomainError);
    expect(() => parseCohort({ header: withSleep, rows: [] }, {})).toThrow("--higher-is-better sleep");
    const cohort = parseCohort({ header: withSleep, rows: [] }, { higherIsBetter: ["sleep"] });
    expect(cohort.scales[1]).toEqual({
      name: "sleep",
      direction: "higher-is-better",
      directionFrom: "option",
    });
    expect(cohort.ignoredColumns).toEqual(["notes"]);
  });

  it("refuses a direction option naming a scale the file does not have", () => {
    expect(() => parseCohort({ header, rows: [] }, { higherIsBetter: ["slep"] })).toThrow(
      "no columns slep_pre and slep_post",
    );
  });
});
