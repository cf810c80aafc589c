import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { DEFAULT_FILL_SETTINGS, nextFillWindow } from "./next-fill.ts";

const settings = DEFAULT_FILL_SETTINGS;

describe("the next fill's window", () => {
  it("starts on the plan's first day before any fill is dispensed", () => {
    expect(nextFillWindow({ planStart: "2027-01-20", dispensed: [], today: "2027-01-10", settings })).toEqual(
      {
        neededFrom: "2027-01-20",
        start: "2027-01-20",
        end: "2027-02-16",
        days: 28,
        status: "upcoming",
        daysUntilNeeded: 10,
      },
    );
  });

  it("starts the day after the last dispensed fill ends, whatever order the fills come in", () => {
    const w = nextFillWindow({
      planStart: "2027-01-04",
      dispensed: [
        { start: "2027-02-01", end: "2027-02-28" },
        { start: "2027-01-04", end: "2027-01-31" },
      ],
      today: "2027-02-22",
      settings,
    });
    expect(w).toMatchObject({
      neededFrom: "2027-03-01",
      start: "2027-03-01",
      end: "2027-03-28",
      status: "due",
    });
    expect(w.daysUntilNeeded).toBe(7);
  });

  it("is due from the lead days before it is needed, and upcoming the day before that", () => {
    const at = (today: string) =>
      nextFillWindow({
        planStart: "2027-01-04",
        dispensed: [],
        today,
        settings: { fillDays: 28, fillLeadDays: 7 },
      });
    expect(at("2026-12-28").status).toBe("due"); // 7 days ahead
    expect(at("2026-12-27").status).toBe("upcoming"); // 8 days ahead
    expect(at("2027-01-04").status).toBe("due"); // needed today
  });

  it("is overdue once the needed day has passed, and then starts today: days gone by are not filled", () => {
    const w = nextFillWindow({
      planStart: "2027-01-04",
      dispensed: [{ start: "2027-01-04", end: "2027-01-31" }],
      today: "2027-02-03",
      settings,
    });
    expect(w).toMatchObject({
      neededFrom: "2027-02-01",
      start: "2027-02-03",
      end: "2027-03-02",
      status: "overdue",
      daysUntilNeeded: -2,
    });
  });

  it("lets a new plan that starts after the last fill runs out begin its own first fill", () => {
    const w = nextFillWindow({
      planStart: "2027-03-10",
      dispensed: [{ start: "2027-01-04", end: "2027-01-31" }],
      today: "2027-03-01",
      settings,
    });
    expect(w.neededFrom).toBe("2027-03-10");
  });

  it("uses the clinic's fill length", () => {
    const w = nextFillWindow({
      planStart: "2027-01-04",
      dispensed: [],
      today: "2027-01-01",
      settings: { fillDays: 14, fillLeadDays: 3 },
    });
    expect(w).toMatchObject({ end: "2027-01-17", days: 14, status: "due" });
  });

  it("refuses a fill length or notice no pharmacy could fill by, naming the setting", () => {
    const bad = (s: { fillDays: number; fillLeadDays: number }) => () =>
      nextFillWindow({ planStart: "2027-01-04", dispensed: [], today: "2027-01-01", settings: s });
    expect(bad({ fillDays: 0, fillLeadDays: 7 })).toThrow(/fillDays/);
    expect(bad({ fillDays: 91, fillLeadDays: 7 })).toThrow(/fillDays/);
    expect(bad({ fillDays: 28, fillLeadDays: -1 })).toThrow(/fillLeadDays/);
    expect(bad({ fillDays: 2.5, fillLeadDays: 1 })).toThrow(DomainError);
  });
});
