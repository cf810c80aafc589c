import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { organiseDiary } from "./diary.ts";
import { parseDiaryDay } from "./parse-diary-day.ts";
import { SIDE_EFFECT_LABELS } from "./side-effects.ts";
import type { IsoDate } from "../calendar-date.ts";

const day = {
  date: "2027-01-04",
  doses: [{ time: "08:00", ug: 100 }],
  pain: 6,
  mood: 5,
  energy: 4,
  clarity: 5,
  sideEffects: ["insomnia"],
  impression: "same",
  note: "slept badly",
};

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).details.field as string;
  }
  return undefined;
}

describe("a diary day", () => {
  it("is read with every field the issue lists", () => {
    expect(parseDiaryDay(day, "days[0]")).toEqual(day);
  });

  it("needs only a date, the doses taken and pain; side effects default to none", () => {
    expect(parseDiaryDay({ date: "2027-01-04", doses: [], pain: 7 }, "days[0]")).toEqual({
      date: "2027-01-04",
      doses: [],
      pain: 7,
      sideEffects: [],
    });
  });

  it("names the exact field path of a rating out of range", () => {
    expect(fieldOf(() => parseDiaryDay({ ...day, pain: 11 }, "days[3]"))).toBe("days[3].pain");
    expect(fieldOf(() => parseDiaryDay({ ...day, mood: -1 }, "days[3]"))).toBe("days[3].mood");
    expect(fieldOf(() => parseDiaryDay({ ...day, clarity: 4.5 }, "days[3]"))).toBe("days[3].clarity");
  });

  it("refuses a side effect that is not on the fixed list, naming its position", () => {
    expect(() => parseDiaryDay({ ...day, sideEffects: ["insomnia", "itch"] }, "days[2]")).toThrow(
      /days\[2\]\.sideEffects\[1\]: must be one of gi-upset, abdominal-pain/,
    );
  });

  it("takes opioid withdrawal as a side effect, by the id the engine reads", () => {
    expect(parseDiaryDay({ ...day, sideEffects: ["withdrawal"] }, "days[0]").sideEffects).toEqual([
      "withdrawal",
    ]);
    expect(SIDE_EFFECT_LABELS.withdrawal).toBe("opioid withdrawal symptoms");
  });

  it("refuses a dose without whole micrograms or a bad clock time", () => {
    expect(fieldOf(() => parseDiaryDay({ ...day, doses: [{ time: "08:00", ug: 0.5 }] }, "days[1]"))).toBe(
      "days[1].doses[0].ug",
    );
    expect(fieldOf(() => parseDiaryDay({ ...day, doses: [{ time: "8am", ug: 100 }] }, "days[1]"))).toBe(
      "days[1].doses[0].time",
    );
  });

  it("refuses an impression other than better, same or worse, and a date that does not exist", () => {
    expect(fieldOf(() => parseDiaryDay({ ...day, impression: "great" }, "days[0]"))).toBe(
      "days[0].impression",
    );
    expect(fieldOf(() => parseDiaryDay({ ...day, date: "2027-02-30" }, "days[0]"))).toBe("days[0].date");
  });
});

describe("a whole diary", () => {
  const start = "2027-01-04" as IsoDate;
  const entry = (date: string, pain: number, ug = 100) =>
    parseDiaryDay({ date, doses: ug ? [{ time: "08:00", ug }] : [], pain }, "d");

  it("takes days before the first dose with nothing taken as baseline", () => {
    const diary = organiseDiary(
      start,
      [7],
      [entry("2027-01-02", 6, 0), entry("2027-01-03", 8, 0), entry("2027-01-04", 6)],
    );
    expect(diary.baselinePain).toEqual([7, 6, 8]);
    expect(diary.days.map((d) => d.date)).toEqual(["2027-01-04"]);
  });

  it("sorts late entries into date order and lets a second entry for a date correct the first", () => {
    const diary = organiseDiary(
      start,
      [],
      [entry("2027-01-06", 5), entry("2027-01-04", 6), entry("2027-01-06", 4)],
    );
    expect(diary.days.map((d) => [d.date, d.pain])).toEqual([
      ["2027-01-04", 6],
      ["2027-01-06", 4],
    ]);
    expect(diary.corrected).toEqual(["2027-01-06"]);
  });
});
