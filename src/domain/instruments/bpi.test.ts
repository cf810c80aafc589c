import { describe, expect, it } from "vitest";
import { scoreBpi } from "./bpi.ts";
import type { ScoreResult } from "./instrument.ts";
import { thrown } from "./thrown.testing.ts";

const severity = { worst: 8, least: 3, average: 5, now: 6 };
const byId = (scores: readonly ScoreResult[], id: string) => scores.find((s) => s.id === id)!;

describe("BPI short form", () => {
  it("scores severity as the mean of the four severity ratings", () => {
    const result = scoreBpi(severity);
    expect(byId(result.scores, "severity")).toMatchObject({ status: "computed", value: 5.5 });
  });

  it("scores interference as the mean of all seven ratings when all are answered", () => {
    const result = scoreBpi({
      activity: 7,
      mood: 6,
      walking: 5,
      work: 7,
      relations: 2,
      sleep: 8,
      enjoyment: 0,
    });
    expect(byId(result.scores, "interference")).toMatchObject({
      status: "computed",
      value: 35 / 7,
      loinc: "77565-0",
    });
  });

  it("scores interference from exactly 4 of 7 answered ratings as the mean of those 4", () => {
    const result = scoreBpi({ activity: 7, mood: 6, walking: 5, work: 7, relations: null });
    expect(byId(result.scores, "interference")).toMatchObject({
      status: "computed",
      value: 6.25,
      itemsUsed: ["activity", "mood", "walking", "work"],
    });
  });

  it("does not score interference from 3 of 7 answered ratings and names the missing items", () => {
    const result = scoreBpi({ activity: 7, mood: 6, walking: 5 });
    const interference = byId(result.scores, "interference");
    expect(interference).toMatchObject({
      status: "not-computed",
      missingItems: ["work", "relations", "sleep", "enjoyment"],
    });
    expect(interference.status === "not-computed" && interference.reason).toBe(
      "needs at least 4 of 7 interference ratings; 3 answered, missing: work, relations, sleep, enjoyment",
    );
  });

  it("does not score severity when any of the four severity ratings is missing", () => {
    const result = scoreBpi({ worst: 8, least: 3, average: 5 });
    expect(byId(result.scores, "severity")).toMatchObject({
      status: "not-computed",
      reason: "needs all 4 severity ratings; missing: now",
      missingItems: ["now"],
    });
  });

  it("accepts the ends of the 0-10 scale", () => {
    const result = scoreBpi({ worst: 10, least: 0, average: 0, now: 10 });
    expect(byId(result.scores, "severity")).toMatchObject({ value: 5 });
  });

  it("refuses an answer above 10, naming the item and the value", () => {
    const error = thrown(() => scoreBpi({ ...severity, worst: 11 }));
    expect(error.code).toBe("invalid_argument");
    expect(error.message).toBe("worst: must be a whole number from 0 to 10 (got 11)");
    expect(error.details).toEqual({ field: "worst", value: 11 });
  });

  it("refuses a negative answer and a fractional answer", () => {
    expect(thrown(() => scoreBpi({ mood: -1 })).message).toBe(
      "mood: must be a whole number from 0 to 10 (got -1)",
    );
    expect(thrown(() => scoreBpi({ now: 2.5 })).message).toBe(
      "now: must be a whole number from 0 to 10 (got 2.5)",
    );
  });

  it("refuses an item that is not on the form, listing the items that are", () => {
    const error = thrown(() => scoreBpi({ worse: 3 }));
    expect(error.message).toMatch(
      /^worse: is not an item of BPI short form \(items: worst, least, average, now, activity/,
    );
  });

  it("reports every item with a short label and its answer, null when unanswered", () => {
    const result = scoreBpi({ worst: 4 });
    expect(result.items).toHaveLength(11);
    expect(result.items[0]).toEqual({
      id: "worst",
      label: "Worst pain, last 24 h",
      loinc: null,
      answer: 4,
      scored: 4,
    });
    expect(result.items[1]).toMatchObject({ id: "least", answer: null, scored: null });
  });

  it("scores nothing when nothing is answered, and says why for each score", () => {
    const result = scoreBpi({});
    expect(result.scores.map((s) => s.status)).toEqual(["not-computed", "not-computed"]);
  });
});
