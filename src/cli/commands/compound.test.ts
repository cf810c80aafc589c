import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing.ts";

const MICRO = ["compound", "--protocol", "micro-titration", "--start", "2027-01-04", "--days", "28"];

describe("ldn compound", () => {
  it("prints the cheapest capsule plan with cost, saving and every setting labelled a clinic setting", async () => {
    const { code, stdout } = await runCli(MICRO);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Capsule plan: Micro-titration (micro-titration@2), 28 days from 2027-01-04 to 2027-01-31",
    );
    expect(stdout).toMatch(/0\.4 mg\s+6\s+0\.3 mg \+ 0\.1 mg/);
    expect(stdout).toContain(
      "Cost: 3 strengths x $15.00 + 106 capsules x $1.00 = $151.00 for the fill, $5.39 a day",
    );
    expect(stdout).toContain("Saving: $9.00 for the fill");
    expect(stdout.match(/clinic setting/g)).toHaveLength(4);
  });

  it("writes JSON with micrograms, cents and display text", async () => {
    const { code, stdout } = await runCli([...MICRO, "--fee-per-strength", "40", "--format", "json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      protocol: { key: "micro-titration@2" },
      form: "capsules",
      period: { start: "2027-01-04", end: "2027-01-31", days: 28 },
      settings: { maxCapsulesPerDose: 2, feePerStrengthCents: 4000, pricePerCapsuleCents: 100 },
    });
    expect(json.strengths[0]).toEqual({ ug: 100, strength: "0.1 mg", quantity: expect.any(Number) });
    expect(json.savingCents).toBe(json.simple.cost.totalCents - json.cost.totalCents);
    expect(json.settings.notes.feePerStrengthCents).toMatch(/^clinic setting/);
  });

  it("plans a later fill from --fill-start", async () => {
    const { stdout } = await runCli([...MICRO, "--fill-start", "2027-03-01", "--format", "json"]);
    const json = JSON.parse(stdout);
    expect(json.period.start).toBe("2027-03-01");
    expect(json.recipes.map((r: { dose: string }) => r.dose)).toEqual([
      "0.7 mg",
      "0.8 mg",
      "0.9 mg",
      "1 mg",
      "1.1 mg",
    ]);
  });

  it("gives the liquid volumes and the total", async () => {
    const { code, stdout } = await runCli([
      ...MICRO,
      "--form",
      "liquid",
      "--concentration",
      "1mg/mL",
      "--syringe-step",
      "0.1mL",
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/0\.4 mg\s+6\s+0\.4 mL/);
    expect(stdout).toContain("Total: 21 mg in 21 mL for the fill");
    expect(stdout).toContain("concentration: 1 mg/mL (clinic setting");
  });

  it("refuses, in one line, a concentration the syringe cannot measure", async () => {
    const { code, stdout, stderr } = await runCli([
      ...MICRO,
      "--form",
      "liquid",
      "--concentration",
      "4mg/mL",
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "ldn: at 4 mg/mL the dose 0.1 mg is 0.025 mL, which a syringe marked every 0.1 mL cannot measure; " +
        "the most concentrated liquid that measures every dose of this fill is 1 mg/mL\n",
    );
  });

  it("fills a refill from recommended days (the MED held) read from a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ldn-compound-"));
    const file = join(dir, "med.json");
    const days = Array.from({ length: 28 }, (_, i) => ({
      date: `2027-03-${String(i + 1).padStart(2, "0")}`,
      doses: ["08:00", "12:00", "16:00", "20:00"].map((time, j) => ({ time, ug: j < 3 ? 200 : 100 })),
    }));
    writeFileSync(file, JSON.stringify({ days }));
    const { code, stdout } = await runCli([
      ...MICRO,
      "--fill-start",
      "2027-03-01",
      "--recommended",
      file,
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.source).toBe("recommended");
    expect(json.recipes.map((r: { ug: number; count: number }) => [r.ug, r.count])).toEqual([
      [100, 28],
      [200, 84],
    ]);
  });

  it("reads recommended days from standard input and names a missing day", async () => {
    const days = [{ date: "2027-03-01", doses: [{ time: "21:00", ug: 700 }] }];
    const { code, stderr } = await runCli(
      [...MICRO, "--fill-start", "2027-03-01", "--days", "2", "--recommended", "-"],
      JSON.stringify(days),
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      "ldn: no recommended doses for 2027-03-02 (day 2 of the fill from 2027-03-01); a fill must cover every day\n",
    );
  });

  it("refuses bad clinic settings in one line each", async () => {
    const bad = async (args: string[]) => (await runCli([...MICRO, ...args])).stderr;
    expect(await bad(["--price-per-capsule", "-1"])).toMatch(
      /^ldn: --price-per-capsule: "-1" is not an amount/,
    );
    expect(await bad(["--max-capsules-per-dose", "9"])).toMatch(
      /^ldn: --max-capsules-per-dose: must be a whole number from 1 to 4/,
    );
    expect(await bad(["--strength-step", "0.3 mg"])).toMatch(
      /^ldn: strengthStep: the dose 0.1 mg is not a whole number of 0.3 mg steps/,
    );
    expect(await bad(["--fill-start", "2027-01-01"])).toMatch(
      /^ldn: --fill-start: is before the protocol's start/,
    );
  });

  it("has examples in its help", async () => {
    const { stdout } = await runCli(["compound", "--help"]);
    expect(stdout).toContain("Examples:");
    expect(stdout).toContain("--max-capsules-per-dose");
  });
});
