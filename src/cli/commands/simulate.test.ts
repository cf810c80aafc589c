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

  it("judges micro-titration by default as issue 11 asks: both detectors, noisy (SD 1) and noise-free, against the goals", async () => {
    const { code, stdout, stderr } = await runCli(["simulate", "--judge", "--patients", "30"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(
      /^Judged as issue 11 asks: 30 virtual patients \(\d+ responders\), seed 1, 3 baseline days/,
    );
    expect(stdout).toMatch(/Noise SD 1, autocorrelation 0.5 \(goal: score >= 0.85, non-resp MED <= 10%\)/);
    expect(stdout).toMatch(/Noise-free \(goal: score >= 0.95, non-resp MED 0%\)/);
    expect(
      stdout.match(/^micro-titration\s+literal\s+-?\d\.\d{3}\s+\d+\.\d%\s+(met|missed)\s+-/gm),
    ).toHaveLength(2);
    expect(stdout.match(/^micro-titration\s+robust\s+.*(no worse|WORSE)/gm)).toHaveLength(2);
    expect(stdout).not.toMatch(/^fixed-standard/m);
  });

  it("takes the judged conditions from --noise-sd, --autocorrelation and --baseline-days, and prints JSON", async () => {
    const { code, stdout } = await runCli([
      "simulate",
      "--judge",
      "--patients",
      "20",
      "--seed",
      "4",
      "--protocols",
      "dose-response-0.75",
      "--detectors",
      "robust",
      "--noise-sd",
      "1.5",
      "--autocorrelation",
      "0.2",
      "--baseline-days",
      "0",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ seed: 4, patients: 20, baselineDays: 0, goalConditions: false });
    expect(result.cohorts.map((c: { noise: unknown }) => c.noise)).toEqual([
      { sd: 1.5, autocorrelation: 0.2 },
      { sd: 0, autocorrelation: 0 },
    ]);
    expect(result.cohorts[0].rows[0]).toMatchObject({ protocol: "dose-response-0.75", detector: "robust" });
    expect(result.cohorts[0].rows[0].judgement).toHaveProperty("score");
    expect(result.cohorts[0].rows[0].judgement).toHaveProperty("nonResponderMedShare");
  });

  it.each([
    [["--judge", "--noise-sd", "-1"], /^ldn: --noise-sd: must be a number from 0 to 10 \(got "-1"\)\n$/],
    [["--judge", "--noise-sd", "lots"], /^ldn: --noise-sd: must be a number from 0 to 10 \(got "lots"\)\n$/],
    [
      ["--judge", "--autocorrelation", "1"],
      /^ldn: --autocorrelation: must be a number from 0 up to \(not including\) 1/,
    ],
    [
      ["--judge", "--baseline-days", "2.5"],
      /^ldn: --baseline-days: must be a whole number from 0 to 28 \(got "2.5"\)\n$/,
    ],
    [["--noise-sd", "1"], /^ldn: --noise-sd: only with --judge \(got 1\)\n$/],
    [["--judge", "--cohort", "noise-free"], /^ldn: --cohort: not with --judge/],
    [["--judge", "--out", "x.svg"], /^ldn: --out: not with --judge/],
  ])("refuses %j with one line and exit 2", async (args, message) => {
    const { code, stdout, stderr } = await runCli(["simulate", ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("shows the judged options and examples in its help", async () => {
    const { stdout } = await runCli(["simulate", "--help"]);
    for (const text of ["--judge", "--noise-sd <points>", "--autocorrelation <r>", "--baseline-days <n>"]) {
      expect(stdout).toContain(text);
    }
    expect(stdout).toMatch(/ldn simulate --judge --patients 2000/);
  });
});
