/** The web app's small text helpers (web/src/format.ts). */
import { describe, expect, it } from "vitest";
import { citationsApart, splitCitation } from "../web/src/format.ts";

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

describe("citationsApart", () => {
  it("takes every bracketed citation of a source document out of a sentence", () => {
    expect(
      citationsApart(
        "back to 0.7 mg (004: a higher dose can lose the benefit); worse than before LDN (004).",
      ),
    ).toEqual({
      text: "back to 0.7 mg; worse than before LDN.",
      sources: ["004: a higher dose can lose the benefit", "004"],
    });
  });

  it("keeps other brackets, such as a published paper's name or a number", () => {
    const sentence = "worse by 2+ points (Farrar 2001) at 0.7 mg (2 capsules)";
    expect(citationsApart(sentence)).toEqual({ text: sentence, sources: [] });
  });
});
