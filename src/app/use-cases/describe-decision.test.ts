import { describe, expect, it } from "vitest";
import { describeDecision } from "./describe-decision.ts";

describe("describeDecision", () => {
  it("says what an override set in plain words, with doses in the protocol's unit", () => {
    expect(describeDecision({ kind: "set-dose", totalUg: 700 }, "mg")).toBe("set the daily dose to 0.7 mg");
    expect(describeDecision({ kind: "set-med", totalUg: 4500 }, "mg")).toBe("set the MED at 4.5 mg");
    expect(describeDecision({ kind: "set-dose", totalUg: 2 }, "mcg")).toBe("set the daily dose to 2 mcg");
    expect(describeDecision({ kind: "consolidate", doseCount: 1 }, "mg")).toBe("take the day's dose at once");
    expect(describeDecision({ kind: "consolidate", doseCount: 2 }, "mg")).toBe(
      "take the day's dose in 2 doses",
    );
    expect(describeDecision({ kind: "stop" }, "mg")).toBe("stop LDN");
    expect(describeDecision(null, "mg")).toBeNull();
  });
});
