import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing.ts";

describe("ldn simulate", () => {
  it("prints a table per protocol and detector and writes an SVG plot", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "ldn-sim-")), "plot.svg");
    const { code, stdout, stderr } = await runCli([
      "simulate",
      "--patients",
      "50",
      "--protocols",
      "micro-titration,fixed-standard",
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe(""); // no progress bar when stderr is not a terminal
    expect(stdout).toMatch(/50 virtual patients .* noisy cohort, seed 1/);
    expect(stdout).toMatch(/capsules: mean per patient, compounded by the planner in 28-day fills/);
    expect(stdout).toMatch(/^micro-titration\s+literal/m);
    expect(stdout).toMatch(/^fixed-standard\s+robust/m);
    expect(readFileSync(out, "utf8")).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>\n$/,
    );
  });

  it("gives the same JSON for the same seed", async () => {
    const args = [
      "simulate",
      "--patients",
      "40",
      "--protocols",
      "micro-titration",
      "--format",
      "json",
      "--seed",
      "9",
    ];
    const a = JSON.parse((await runCli(args)).stdout);
    const b = JSON.parse((await runCli(args)).stdout);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ seed: 9, patients: 40, cohort: "noisy" });
    expect(a.rows[0].summary).toHaveProperty("medFound");
  });

  it("refuses an unknown detector with one line naming it", async () => {
    const { code, stderr } = await runCli(["simulate", "--detectors", "magic"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--detectors: must list literal, robust \(got "magic"\)/);
  });
});
