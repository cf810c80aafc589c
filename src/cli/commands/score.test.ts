import { describe, expect, it } from "vitest";
import { runCli } from "../testing.ts";

const GLOBAL10 = {
  Global01: 3,
  Global02: 3,
  Global03: 3,
  Global04: 4,
  Global05: 3,
  Global06: 4,
  Global07r: 5,
  Global08r: 3,
  Global09: 4,
  Global10r: 4,
};

describe("ldn score", () => {
  it("scores a BPI from --item flags and shows the scores with their LOINC codes", async () => {
    const { code, stdout, stderr } = await runCli([
      "score",
      "bpi",
      ...["worst=8", "least=3", "average=5", "now=6", "activity=7", "mood=6", "walking=5", "work=7"].flatMap(
        (a) => ["--item", a],
      ),
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("worst      Worst pain, last 24 h  8");
    expect(stdout).toMatch(/Pain severity +5\.5 +-/);
    expect(stdout).toMatch(/Pain interference +6\.25 +77565-0/);
    expect(stdout).toContain("Cleeland CS. The Brief Pain Inventory User Guide");
  });

  it("says which BPI score could not be computed and why, and still exits 0", async () => {
    const { code, stdout } = await runCli([
      "score",
      "bpi",
      '{"worst":8,"least":3,"average":5,"now":6,"mood":4}',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Pain interference +not computed +77565-0/);
    expect(stdout).toContain(
      "Pain interference: needs at least 4 of 7 interference ratings; 1 answered, missing: activity, walking, work, relations, sleep, enjoyment",
    );
  });

  it("writes stable JSON for the Global-10 with T-scores, standard errors and LOINC codes", async () => {
    const { code, stdout } = await runCli([
      "score",
      "promis-global10",
      JSON.stringify(GLOBAL10),
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["instrument", "title", "loinc", "items", "scores", "notes"]);
    expect(json.items[6]).toEqual({
      id: "Global07r",
      label: "Average pain (0-10)",
      loinc: "61583-1",
      answer: 5,
      scored: 3,
    });
    expect(json.scores.map((s: { id: string; value: number }) => [s.id, s.value])).toEqual([
      ["gph-raw", 13],
      ["gph-t", 42.3],
      ["gmh-raw", 14],
      ["gmh-t", 48.3],
    ]);
    expect(json.scores[1]).toMatchObject({ status: "computed", standardError: 4.2, loinc: "71971-6" });
  });

  it("reads answers from stdin with - and merges --item flags into them", async () => {
    const rest = Object.fromEntries(Object.entries(GLOBAL10).filter(([id]) => id !== "Global01"));
    const { code, stdout } = await runCli(
      ["score", "promis-global10", "-", "--item", "Global01=2", "--format", "json"],
      JSON.stringify(rest),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).items[0]).toMatchObject({ id: "Global01", answer: 2 });
  });

  it("prints T-scores to one decimal with their SE in the table", async () => {
    const { stdout } = await runCli(["score", "promis-global10", JSON.stringify(GLOBAL10)]);
    expect(stdout).toMatch(/Global Physical Health T +42\.3 \(SE 4\.2\) +71971-6/);
    expect(stdout).toContain("Global07r  Average pain (0-10)");
    expect(stdout).toContain("5 (scored 3)");
  });

  it("gives JSON null values and a reason for a summary with a missing item", async () => {
    const { code, stdout } = await runCli([
      "score",
      "promis-global10",
      JSON.stringify({ ...GLOBAL10, Global10r: null }),
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const gmhT = JSON.parse(stdout).scores.find((s: { id: string }) => s.id === "gmh-t");
    expect(gmhT).toMatchObject({
      status: "not-computed",
      value: null,
      missingItems: ["Global10r"],
      reason: "needs all 4 of Global02, Global04, Global05, Global10r; missing: Global10r",
    });
  });

  it("scores PROMIS Physical Function 4a and says its table was checked against secondary copies", async () => {
    const { code, stdout } = await runCli([
      "score",
      "promis-pf",
      '{"PFA11":3,"PFA21":2,"PFA23":4,"PFA53":3}',
    ]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("PROMIS Physical Function 4a v2.0 (LOINC 76700-4)");
    expect(stdout).toMatch(/Physical Function T +36\.7 +-/);
    expect(stdout).toContain("secondary copies only");
  });

  it("refuses an out-of-range answer with one line naming the item, exit 2", async () => {
    const { code, stdout, stderr } = await runCli(["score", "promis-pf", "--item", "PFA11=6"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("ldn: PFA11: must be a whole number from 1 to 5 (got 6)\n");
  });

  it("refuses a form with no cited table", async () => {
    const { code, stderr } = await runCli(["score", "promis-pf", "--form", "8b", "--item", "PFA11=3"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'ldn: form: no raw-to-T table for this form is cited in code; scored forms: 4a (got "8b")\n',
    );
  });

  it("refuses a malformed --item, a text answer in JSON, bad JSON and an item given twice", async () => {
    expect((await runCli(["score", "bpi", "--item", "worst:7"])).stderr).toBe(
      'ldn: --item: must be ID=NUMBER, e.g. --item worst=7 (got "worst:7")\n',
    );
    expect((await runCli(["score", "bpi", '{"worst":"7"}'])).stderr).toBe(
      'ldn: worst: must be a number, or null when unanswered (got "7")\n',
    );
    expect((await runCli(["score", "bpi", "{worst:7}"])).stderr).toContain(
      "ldn: answers: must be a JSON object",
    );
    expect((await runCli(["score", "bpi", '{"worst":7}', "--item", "worst=8"])).stderr).toBe(
      'ldn: worst: is given more than once (got "worst=8")\n',
    );
  });

  it("refuses a fractional answer given as a flag, naming the item", async () => {
    const { code, stderr } = await runCli(["score", "bpi", "--item", "now=2.5"]);
    expect(code).toBe(2);
    expect(stderr).toBe("ldn: now: must be a whole number from 0 to 10 (got 2.5)\n");
  });

  it("asks for answers when none are given", async () => {
    const { code, stderr } = await runCli(["score", "bpi"]);
    expect(code).toBe(2);
    expect(stderr).toContain("none given: pass a JSON object (or - for stdin) or --item ID=VALUE");
  });

  it("shows the items and examples in --help", async () => {
    const { code, stdout } = await runCli(["score", "promis-global10", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Global07r: average pain 0-10, recoded to 1-5 before summing");
    expect(stdout).toContain("Examples:");
  });

  it("lists the three questionnaires under ldn score --help, with the licensing note", async () => {
    const { stdout } = await runCli(["score", "--help"]);
    expect(stdout).toMatch(/bpi \[options\] \[answers\]/);
    expect(stdout).toMatch(/promis-global10 \[options\] \[answers\]/);
    expect(stdout).toMatch(/promis-pf \[options\] \[answers\]/);
    expect(stdout).toContain("needs permission from MD Anderson");
  });
});
