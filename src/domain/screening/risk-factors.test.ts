import { describe, expect, it } from "vitest";
import { getOihRiskFactor, OIH_RISK_FACTOR_IDS, OIH_RISK_FACTORS } from "./risk-factors.ts";

describe("OIH/OAT risk factors", () => {
  it("lists the seven groups that 000 names, each with 000 as its source", () => {
    expect(OIH_RISK_FACTOR_IDS).toEqual([
      "long-term-high-dose-opioids",
      "potent-full-agonist",
      "escalating-opioids-or-diffuse-pain",
      "centralized-pain",
      "sleep-disturbance",
      "mood-disorder",
      "high-pain-sensitivity",
    ]);
    for (const f of OIH_RISK_FACTORS) expect(f.source).toMatch(/^000 /);
  });

  it("finds a factor by id and refuses an unknown one", () => {
    expect(getOihRiskFactor("centralized-pain").label).toMatch(/fibromyalgia, CRPS/);
    expect(() => getOihRiskFactor("insomnia")).toThrow(/unknown; known: long-term-high-dose-opioids/);
  });
});
