/** The web app's small text helpers (web/src/format.ts). */
import { describe, expect, it } from "vitest";
import { splitCitation } from "../web/src/format.ts";

describe("splitCitation", () => {
  it("takes the citation off the end of a sentence, keeping its full stop", () => {
    expect(splitCitation("GI upset: take with food; stay on the dose until it settles (004).")).toEqual({
      text: "GI upset: take with food; stay on the dose until it settles.",
      source: "004",
    });
    expect(splitCitation("Last dose by 4 PM (004, Table 3)")).toEqual({
      text: "Last dose by 4 PM",
      source: "004, Table 3",
    });
  });

  it("leaves a sentence with no citation at its end as it is", () => {
    expect(splitCitation("Take with food (after breakfast).")).toEqual({
      text: "Take with food (after breakfast).",
      source: null,
    });
  });
});
