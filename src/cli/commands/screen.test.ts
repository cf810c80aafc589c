import { describe, expect, it } from "vitest";
import { runCli } from "../testing.ts";

const patient = ["screen", "--age", "45", "--pain-months", "24", "--pregnant", "no"];

describe("ldn screen", () => {
  it("finds a patient who meets the 004 criteria eligible and suggests micro-titration", async () => {
    const { code, stdout } = await runCli(patient);
    expect(code).toBe(0);
    expect(stdout).toContain("Eligibility: ELIGIBLE (rules screening@2)");
    expect(stdout).toContain("Reasons: none; every criterion is met.");
    expect(stdout).toMatch(/micro-titration +suggested +- +each patient's maximally effective dose/);
    expect(stdout).toMatch(/uldn-with-opioids +unsuitable/);
  });

  it("suggests ULDN for a patient who must stay on opioids and requires a recorded decision", async () => {
    const { code, stdout } = await runCli([
      ...patient,
      "--opioid",
      "oxycodone 10mg x3",
      "--must-stay-on-opioids",
      "--risk",
      "centralized-pain",
      "sleep-disturbance",
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/uldn-with-opioids +suggested +required \(caution\)/);
    expect(stdout).toMatch(/micro-titration +possible +required \(warning\)/);
    expect(stdout).toContain("45 MME/day (oxycodone 45)");
    expect(stdout).toContain("warning: Micro-titration is naltrexone in the mg range with an active opioid");
  });

  it("writes stable JSON", async () => {
    const { code, stdout } = await runCli([
      ...patient,
      "--opioid",
      "morphine 45mg x2",
      "--opioid",
      "fentanyl 12mcg/hr",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      "rules",
      "eligibility",
      "reasons",
      "protocols",
      "mme",
      "opioidsWithoutMme",
      "riskFactors",
    ]);
    expect(json.eligibility).toBe("needs-review");
    expect(json.mme.totalMmePerDay).toBe(118.8);
    expect(json.reasons[0]).toEqual({
      code: "mme-above-004-exclusion",
      effect: "excludes",
      scope: "mg-range",
      message: expect.stringContaining("opioids total 118.8 MME/day, more than 90"),
      source: "004 (Marcus et al., J Pain Res 2024), exclusion criteria",
    });
    const micro = json.protocols.find((p: { id: string }) => p.id === "micro-titration");
    expect(Object.keys(micro)).toEqual(["id", "key", "fit", "code", "why", "source", "interaction"]);
    expect(micro.fit).toBe("unsuitable");
    expect(micro.interaction).toMatchObject({ severity: "warning", requiresClinicianDecision: true });
    expect(json.riskFactors).toEqual([
      expect.objectContaining({ id: "potent-full-agonist", recordedFrom: "opioids" }),
    ]);
  });

  it("sends an unknown pregnancy status to review", async () => {
    const { stdout } = await runCli([
      "screen",
      "--age",
      "30",
      "--pain-months",
      "12",
      "--pregnant",
      "unknown",
    ]);
    expect(stdout).toContain("Eligibility: NEEDS-REVIEW");
    expect(stdout).toContain("[review] pregnancy-unknown");
  });

  it("finds a 17-year-old not eligible and every protocol unsuitable", async () => {
    const { stdout } = await runCli([
      "screen",
      "--age",
      "17",
      "--pain-months",
      "12",
      "--pregnant",
      "no",
      "--format",
      "json",
    ]);
    const json = JSON.parse(stdout);
    expect(json.eligibility).toBe("not-eligible");
    expect(json.protocols.every((p: { fit: string }) => p.fit === "unsuitable")).toBe(true);
  });

  it("requires the pregnancy status to be stated", async () => {
    const { code, stderr } = await runCli(["screen", "--age", "45", "--pain-months", "24"]);
    expect(code).toBe(2);
    expect(stderr).toContain("required option '--pregnant <status>' not specified");
  });

  it("refuses a malformed opioid in one line, exit 2", async () => {
    const { code, stderr } = await runCli([...patient, "--opioid", "oxycodone 10mg"]);
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([
      'ldn: opioid "oxycodone 10mg": how many doses a day? write e.g. "oxycodone 10mg x3", or "oxycodone 10mg/day" for a daily total',
    ]);
  });

  it("refuses an age that is not a whole number", async () => {
    const { code, stderr } = await runCli([
      "screen",
      "--age",
      "forty",
      "--pain-months",
      "24",
      "--pregnant",
      "no",
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe('ldn: --age: must be a whole number (got "forty")\n');
  });

  it("refuses an unknown risk factor, listing the known ones", async () => {
    const { code, stderr } = await runCli([...patient, "--risk", "anxiety"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Allowed choices are long-term-high-dose-opioids, potent-full-agonist");
  });

  it("has help with an example", async () => {
    const { code, stdout } = await runCli(["screen", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("ldn screen --age 45 --pain-months 24 --pregnant no");
  });
});
