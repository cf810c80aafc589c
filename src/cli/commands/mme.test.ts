import { describe, expect, it } from "vitest";
import { runCli } from "../testing.ts";

describe("ldn mme", () => {
  it("prints each opioid's MME/day, the total and the flags it raises", async () => {
    const { code, stdout, stderr } = await runCli([
      "mme",
      "oxycodone",
      "10mg",
      "x3",
      "morphine",
      "15mg",
      "x2",
      "fentanyl",
      "25mcg/hr",
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "Opioid     As written  Per day    Factor          MME/day",
      "---------  ----------  ---------  --------------  -----------",
      "oxycodone  10 mg x3    30 mg/day  1.5 per mg      45",
      "morphine   15 mg x2    30 mg/day  1 per mg        30",
      "fentanyl   25 mcg/hr   25 mcg/hr  2.4 per mcg/hr  60",
      "Total                                             135 MME/day",
    ]);
    expect(stdout).toContain("! 50 MME/day or more");
    expect(stdout).toContain("! 90 MME/day or more");
    expect(stdout).toContain("! above 90 MME/day: the LDN study excluded");
    expect(stdout).toContain("fentanyl: the factor 2.4 is per mcg/hr of a transdermal patch");
  });

  it("accepts the whole list as one quoted argument, with brands and commas", async () => {
    const { code, stdout } = await runCli(["mme", "OxyContin 20mg x2, hydromorphone 2mg x4"]);
    expect(code).toBe(0);
    expect(stdout).toContain("OxyContin (oxycodone)  20 mg x2");
    expect(stdout).toMatch(/Total +100 MME\/day/);
  });

  it("writes stable JSON with exact numbers and display text for the total", async () => {
    const { code, stdout } = await runCli([
      "mme",
      "methadone 7.5mg x3",
      "codeine 30mg x4",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["regimens", "totalMmePerDay", "total", "flags", "caveats", "notes"]);
    expect(json.regimens[0]).toEqual({
      drug: "methadone",
      written: "methadone",
      amount: 7.5,
      unit: "mg",
      dosesPerDay: 3,
      perDay: 22.5,
      perDayUnit: "mg/day",
      factor: 4.7,
      mmePerDay: 105.75,
      source: expect.stringContaining("CDC 2022"),
    });
    expect(json.totalMmePerDay).toBe(123.75);
    expect(json.total).toBe("123.8 MME/day");
    expect(json.flags.map((f: { code: string }) => f.code)).toEqual([
      "cdc-2016-50",
      "cdc-2016-90",
      "above-004-exclusion",
    ]);
    expect(json.caveats).toEqual([
      expect.objectContaining({ code: "methadone-nonlinear", drug: "methadone" }),
    ]);
  });

  it("shows 49.9 MME/day with no flag and 90.1 with all three", async () => {
    const below = await runCli(["mme", "morphine 49.9mg/day", "--format", "json"]);
    expect(JSON.parse(below.stdout)).toMatchObject({ totalMmePerDay: 49.9, flags: [] });
    const above = await runCli(["mme", "morphine 90.1mg/day"]);
    expect(above.stdout).toMatch(/Total +90.1 MME\/day/);
    expect(above.stdout).toContain("! above 90 MME/day");
  });

  it("refuses buprenorphine with the reason, in one line, exit 2", async () => {
    const { code, stdout, stderr } = await runCli(["mme", "buprenorphine", "8mg", "x1"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^ldn: buprenorphine cannot be converted to MME: it has no MME conversion factor/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("refuses an unknown drug, naming it and listing the known ones", async () => {
    const { code, stderr } = await runCli(["mme", "pethidine", "50mg", "x4"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ldn: unknown opioid "pethidine"; known: codeine, fentanyl,/);
  });

  it("refuses a regimen with no number of doses a day rather than guessing", async () => {
    const { code, stderr } = await runCli(["mme", "oxycodone", "10mg"]);
    expect(code).toBe(2);
    expect(stderr).toContain("how many doses a day?");
  });

  it("has help with an example", async () => {
    const { code, stdout } = await runCli(["mme", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("ldn mme oxycodone 10mg x3 morphine 15mg x2 fentanyl 25mcg/hr");
  });
});
