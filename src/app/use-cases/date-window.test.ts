import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../domain/calendar-date.ts";
import { DomainError } from "../../domain/errors.ts";
import {
  checkInWindow,
  dayShownWindow,
  DEFAULT_DATE_SETTINGS,
  diaryWindow,
  planStartWindow,
} from "./date-window.ts";

const d = (s: string) => s as IsoDate;
const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("not refused");
};

describe("the days a check-in may be for", () => {
  const window = diaryWindow(d("2027-01-10"), d("2027-01-02"), DEFAULT_DATE_SETTINGS);

  it("reaches from the enrolment less 14 days of baseline to one day after today", () => {
    expect(window).toMatchObject({ earliest: "2026-12-19", latest: "2027-01-11" });
    for (const ok of ["2026-12-19", "2027-01-02", "2027-01-10", "2027-01-11"])
      expect(() => checkInWindow(d(ok), "checkIn.date", window)).not.toThrow();
  });

  it("refuses the day before the first and the day after the last, naming the field and the limit", () => {
    const early = refusal(() => checkInWindow(d("2026-12-18"), "checkIn.date", window));
    expect(early).toMatchObject({ code: "invalid_date", details: { field: "checkIn.date" } });
    expect(early.message).toContain("the first day allowed is 2026-12-19");
    expect(early.message).toContain("LDN_BASELINE_DAYS");
    const late = refusal(() => checkInWindow(d("2027-01-12"), "checkIn.date", window));
    expect(late.message).toContain("the last day allowed is 2027-01-11");
    expect(refusal(() => checkInWindow(d("9999-12-31"), "checkIn.date", window)).code).toBe("invalid_date");
    expect(refusal(() => checkInWindow(d("1900-01-01"), "checkIn.date", window)).code).toBe("invalid_date");
  });

  it("reaches 60 days back at most, however long ago the patient was enrolled", () => {
    const long = diaryWindow(d("2027-06-30"), d("2026-01-05"), DEFAULT_DATE_SETTINGS);
    expect(long.earliest).toBe("2027-05-01");
    expect(refusal(() => checkInWindow(d("2027-04-30"), "checkIn.date", long)).message).toContain(
      "LDN_DIARY_DAYS_BACK",
    );
  });

  it("is today only, from the enrolment day, with both clinic settings at 0", () => {
    const strict = diaryWindow(d("2027-01-10"), d("2027-01-08"), {
      ...DEFAULT_DATE_SETTINGS,
      baselineDays: 0,
      diaryDaysAhead: 0,
    });
    expect(strict).toMatchObject({ earliest: "2027-01-08", latest: "2027-01-10" });
  });
});

describe("the days a plan may start on", () => {
  it("reaches from the diary's first day to 90 days after today", () => {
    const window = planStartWindow(d("2027-01-10"), d("2027-01-10"), DEFAULT_DATE_SETTINGS);
    expect(window).toMatchObject({ earliest: "2026-12-27", latest: "2027-04-10" });
    expect(() => checkInWindow(d("2027-04-10"), "startDate", window)).not.toThrow();
    expect(refusal(() => checkInWindow(d("2027-04-11"), "startDate", window)).message).toContain(
      "LDN_PLAN_START_DAYS_AHEAD",
    );
    expect(refusal(() => checkInWindow(d("9999-12-20"), "startDate", window)).details.field).toBe(
      "startDate",
    );
  });
});

describe("the days a page may be shown as of", () => {
  const window = dayShownWindow(d("2027-01-10"), DEFAULT_DATE_SETTINGS);

  it("reaches as far as the diary does, whoever the patient: 60 days back, one ahead", () => {
    expect(window).toMatchObject({ earliest: "2026-11-11", latest: "2027-01-11" });
  });

  it("refuses a day years away naming the field and the clinic setting", () => {
    const e = refusal(() => checkInWindow(d("9999-01-01"), "today", window));
    expect(e.code).toBe("invalid_date");
    expect(e.message).toMatch(
      /^today: 9999-01-01 is too late: the last day allowed is 2027-01-11, .*LDN_DIARY_DAYS_AHEAD/,
    );
  });
});
