import { describe, expect, it } from "vitest";
import { formatDose } from "../dose.ts";
import { DomainError } from "../errors.ts";
import { getProtocol, PROTOCOLS } from "./catalogue.ts";
import { buildSchedule } from "./schedule.ts";

const mg = (day: { doses: readonly { ug: number }[] }) => day.doses.map((d) => formatDose(d.ug, "mg"));

describe("micro-titration (004)", () => {
  const schedule = buildSchedule(getProtocol("micro-titration"), { start: "2027-01-04" });

  it("reproduces the source's table for days 1 to 11 exactly", () => {
    const expected: Record<number, string[]> = {
      1: ["0.1 mg"],
      2: ["0.1 mg"],
      3: ["0.1 mg", "0.1 mg"],
      4: ["0.1 mg", "0.1 mg"],
      5: ["0.1 mg", "0.1 mg", "0.1 mg"],
      6: ["0.1 mg", "0.1 mg", "0.1 mg"],
      7: ["0.1 mg", "0.1 mg", "0.1 mg", "0.1 mg"],
      8: ["0.1 mg", "0.1 mg", "0.1 mg", "0.1 mg"],
      9: ["0.2 mg", "0.1 mg", "0.1 mg", "0.1 mg"],
      10: ["0.2 mg", "0.1 mg", "0.1 mg", "0.1 mg"],
      11: ["0.2 mg", "0.2 mg", "0.1 mg", "0.1 mg"],
    };
    for (const [day, doses] of Object.entries(expected)) {
      expect(mg(schedule.days[Number(day) - 1]!)).toEqual(doses);
    }
    expect(schedule.days.slice(0, 11).map((d) => d.totalUg)).toEqual([
      100, 100, 200, 200, 300, 300, 400, 400, 500, 500, 600,
    ]);
  });

  it("reaches 6 mg as 1.5 mg four times a day on days 119 and 120, and not before", () => {
    expect(schedule.days).toHaveLength(120);
    for (const day of [119, 120]) {
      const d = schedule.days[day - 1]!;
      expect(d.totalUg).toBe(6000);
      expect(d.doses).toEqual([
        { time: "08:00", ug: 1500 },
        { time: "12:00", ug: 1500 },
        { time: "16:00", ug: 1500 },
        { time: "20:00", ug: 1500 },
      ]);
    }
    expect(schedule.days[117]!.totalUg).toBe(5900);
  });

  it("puts dates on consecutive days from the start, across month and year ends", () => {
    const s = buildSchedule(getProtocol("micro-titration"), { start: "2027-12-30", days: 4 });
    expect(s.days.map((d) => d.date)).toEqual(["2027-12-30", "2027-12-31", "2028-01-01", "2028-01-02"]);
  });

  it("holds at 6 mg if asked for more days than the titration has", () => {
    const s = buildSchedule(getProtocol("micro-titration"), { start: "2027-01-04", days: 130 });
    expect(s.days.at(-1)!.totalUg).toBe(6000);
  });

  it("uses the clinic's dose times, first aliquot at the first time", () => {
    const s = buildSchedule(getProtocol("micro-titration"), {
      start: "2027-01-04",
      days: 9,
      settings: { times: "07:00,11:00,15:00,19:00" },
    });
    expect(s.days[8]!.doses[0]).toEqual({ time: "07:00", ug: 200 });
  });

  it("allows fewer dose times: no per-dose cap below the 6 mg day is published (004 allows once a day)", () => {
    const days = buildSchedule(getProtocol("micro-titration"), {
      start: "2027-01-04",
      settings: { times: "08:00,20:00" },
    }).days;
    expect(days.at(-1)!.doses.map((d) => d.ug)).toEqual([3000, 3000]);
  });

  it("schedules nothing past day 120, where 004 stops at 6 mg, whatever length is asked", () => {
    const days = buildSchedule(getProtocol("micro-titration"), { start: "2027-01-04", days: 200 }).days;
    expect(days).toHaveLength(120);
    expect(days.at(-1)).toMatchObject({ day: 120, totalUg: 6000 });
    // Protocols that continue at their plateau keep going.
    expect(
      buildSchedule(getProtocol("fixed-standard"), { start: "2027-01-04", days: 200 }).days,
    ).toHaveLength(200);
  });

  it("refuses more than 4 dose times, times out of order, and bad times", () => {
    const p = getProtocol("micro-titration");
    expect(() =>
      buildSchedule(p, { start: "2027-01-04", settings: { times: "06:00,08:00,12:00,16:00,20:00" } }),
    ).toThrow(/at most 4 doses a day/);
    expect(() => buildSchedule(p, { start: "2027-01-04", settings: { times: "12:00,08:00" } })).toThrow(
      /in order/,
    );
    expect(() => buildSchedule(p, { start: "2027-01-04", settings: { times: "8am" } })).toThrow(/HH:MM/);
  });
});

describe("fixed and once-daily protocols", () => {
  it("fixed-standard is 4.5 mg nightly for 28 days by default (003)", () => {
    const s = buildSchedule(getProtocol("fixed-standard"), { start: "2027-01-04" });
    expect(s.days).toHaveLength(28);
    expect(new Set(s.days.map((d) => JSON.stringify(d.doses)))).toEqual(
      new Set([JSON.stringify([{ time: "21:00", ug: 4500 }])]),
    );
  });

  it("fixed-standard takes a reduced dose for tolerability but never more than 4.5 mg", () => {
    const p = getProtocol("fixed-standard");
    expect(buildSchedule(p, { start: "2027-01-04", settings: { dose: "3 mg" } }).days[0]!.totalUg).toBe(3000);
    expect(() => buildSchedule(p, { start: "2027-01-04", settings: { dose: "4.6 mg" } })).toThrow(
      /4.6 mg is outside 1 mg to 4.5 mg/,
    );
  });

  it("ldn-once-daily accepts 1.5 to 4.5 mg and nothing outside (000)", () => {
    const p = getProtocol("ldn-once-daily");
    expect(buildSchedule(p, { start: "2027-01-04", settings: { dose: "1.5 mg" } }).days[0]!.totalUg).toBe(
      1500,
    );
    expect(buildSchedule(p, { start: "2027-01-04", settings: { dose: "4.5 mg" } }).days[0]!.totalUg).toBe(
      4500,
    );
    expect(() => buildSchedule(p, { start: "2027-01-04", settings: { dose: "1.4 mg" } })).toThrow(
      DomainError,
    );
    expect(() => buildSchedule(p, { start: "2027-01-04", settings: { dose: "4.6 mg" } })).toThrow(
      DomainError,
    );
  });

  it("fixed-then-micro-adjust holds the fixed dose through the assessment period", () => {
    const s = buildSchedule(getProtocol("fixed-then-micro-adjust"), {
      start: "2027-01-04",
      settings: { fixedDose: "4.5 mg" },
    });
    expect(s.days).toHaveLength(28);
    expect(s.days.every((d) => d.totalUg === 4500)).toBe(true);
  });
});

describe("titrations with clinic-set steps", () => {
  it("conventional titration steps 1.5, 3, 4.5 mg every 14 days by default, then holds (001)", () => {
    const s = buildSchedule(getProtocol("conventional-titration"), { start: "2027-01-04" });
    expect(s.days).toHaveLength(42);
    expect(
      [s.days[0], s.days[13], s.days[14], s.days[27], s.days[28], s.days[41]].map((d) => d!.totalUg),
    ).toEqual([1500, 1500, 3000, 3000, 4500, 4500]);
  });

  it("conventional titration caps an uneven last step at 4.5 mg", () => {
    const s = buildSchedule(getProtocol("conventional-titration"), {
      start: "2027-01-04",
      settings: { startDose: "1 mg", step: "1.5 mg", intervalDays: "7" },
    });
    expect([...new Set(s.days.map((d) => d.totalUg))]).toEqual([1000, 2500, 4000, 4500]);
  });

  it("dose-response climbs 0.75 mg at a time to 6 mg (Bruun-Plesner 2020)", () => {
    const s = buildSchedule(getProtocol("dose-response-0.75"), {
      start: "2027-01-04",
      settings: { daysPerStep: 3 },
    });
    expect([...new Set(s.days.map((d) => d.totalUg))]).toEqual([
      750, 1500, 2250, 3000, 3750, 4500, 5250, 6000,
    ]);
    expect(s.days).toHaveLength(24);
  });
});

describe("ultra-low-dose protocols are in micrograms", () => {
  it("uldn-with-opioids is 1 mcg twice daily (000)", () => {
    const s = buildSchedule(getProtocol("uldn-with-opioids"), { start: "2027-01-04" });
    expect(s.days[0]!.doses).toEqual([
      { time: "08:00", ug: 1 },
      { time: "20:00", ug: 1 },
    ]);
    expect(s.days.every((d) => d.totalUg === 2)).toBe(true);
  });

  it("refuses a dose written in mg, naming both units", () => {
    for (const id of ["uldn-with-opioids", "uldn-sub-1mg"]) {
      const key = id === "uldn-with-opioids" ? "dosePerAdministration" : "dailyDose";
      expect(() =>
        buildSchedule(getProtocol(id), { start: "2027-01-04", settings: { [key]: "0.001 mg" } }),
      ).toThrow(/micrograms \(mcg\).*milligrams \(mg\)/);
    }
  });

  it("refuses a per-kg-sized dose (the 003 conflict) as over the limit", () => {
    expect(() =>
      buildSchedule(getProtocol("uldn-with-opioids"), {
        start: "2027-01-04",
        settings: { dosePerAdministration: "150 mcg" },
      }),
    ).toThrow(/outside 1 mcg to 2 mcg/);
  });

  it("uldn-sub-1mg stays below 1 mg a day (002)", () => {
    const p = getProtocol("uldn-sub-1mg");
    expect(
      buildSchedule(p, { start: "2027-01-04", settings: { dailyDose: "999 mcg" } }).days[0]!.totalUg,
    ).toBe(999);
    expect(() => buildSchedule(p, { start: "2027-01-04", settings: { dailyDose: "1000 mcg" } })).toThrow(
      /outside/,
    );
  });
});

describe("input errors", () => {
  const p = getProtocol("micro-titration");
  it.each([
    [{ start: "2027-02-30" }, /start: "2027-02-30" is not a date/],
    [{ start: "04/01/2027" }, /YYYY-MM-DD/],
    [{ start: "2027-01-04", days: 0 }, /days: must be a whole number from 1 to 3660/],
    [{ start: "2027-01-04", days: 3661 }, /from 1 to 3660/],
    [{ start: "2027-01-04", settings: { speed: "fast" } }, /has no setting "speed"/],
  ])("refuses %j", (options, why) => {
    expect(() => buildSchedule(p, options)).toThrow(why);
  });

  it("names the known protocols for an unknown id", () => {
    expect(() => getProtocol("ldn-magic")).toThrow(/known protocols: micro-titration, fixed-standard/);
  });
});

describe("default schedules", () => {
  it("with default settings every protocol builds its whole default schedule", () => {
    for (const protocol of PROTOCOLS) {
      const s = buildSchedule(protocol, { start: "2027-01-04" });
      expect(s.days.length).toBe(s.regimen.defaultDays);
    }
  });
});

describe("definitions are frozen data", () => {
  it("cannot be changed at run time", () => {
    const p = getProtocol("micro-titration");
    expect(() => {
      (p.limits as { maxPerDayUg: number }).maxPerDayUg = 60_000;
    }).toThrow(TypeError);
    expect(p.limits.maxPerDayUg).toBe(6000);
  });

  it("every protocol names its source, a version, and why each limit is what it is", () => {
    for (const p of PROTOCOLS) {
      expect(p.source.doc).toMatch(/^00[0-4]$/);
      expect(p.version).toBeGreaterThanOrEqual(1);
      expect(Object.values(p.limits.why).every((w) => w.length > 5)).toBe(true);
      for (const s of p.settings)
        if (s.provenance === "clinic-setting") expect(s.note).toMatch(/clinic setting/);
    }
  });
});
