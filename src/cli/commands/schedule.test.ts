import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { runCli } from "../testing.ts";

describe("ldn schedule", () => {
  it("prints the micro-titration as JSON with day, date, total micrograms and each dose", async () => {
    const { code, stdout } = await runCli([
      "schedule",
      "--protocol",
      "micro-titration",
      "--start",
      "2027-01-04",
      "--days",
      "11",
      "--format",
      "json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.protocol).toMatchObject({ id: "micro-titration", version: 2, key: "micro-titration@2" });
    expect(json.days).toHaveLength(11);
    expect(json.days[10]).toEqual({
      day: 11,
      date: "2027-01-14",
      totalUg: 600,
      total: "0.6 mg",
      doses: [
        { time: "08:00", ug: 200, dose: "0.2 mg" },
        { time: "12:00", ug: 200, dose: "0.2 mg" },
        { time: "16:00", ug: 100, dose: "0.1 mg" },
        { time: "20:00", ug: 100, dose: "0.1 mg" },
      ],
    });
  });

  it("writes CSV with one row per dose", async () => {
    const { stdout } = await runCli([
      "schedule",
      "--protocol",
      "uldn-with-opioids",
      "--start",
      "2027-01-04",
      "--days",
      "2",
      "--format",
      "csv",
    ]);
    expect(stdout.split("\r\n")).toEqual([
      "day,date,total_ug,total,dose_number,time,ug,dose",
      "1,2027-01-04,2,2 mcg,1,08:00,1,1 mcg",
      "1,2027-01-04,2,2 mcg,2,20:00,1,1 mcg",
      "2,2027-01-05,2,2 mcg,1,08:00,1,1 mcg",
      "2,2027-01-05,2,2 mcg,2,20:00,1,1 mcg",
      "",
    ]);
  });

  it("writes iCalendar that a real parser reads as one event per dose, each with a reminder", async () => {
    const { code, stdout } = await runCli([
      "schedule",
      "--protocol",
      "micro-titration",
      "--start",
      "2027-01-04",
      "--days",
      "10",
      "--format",
      "ics",
    ]);
    expect(code).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(stdout));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    // days 1-10 of 004: 1+1+2+2+3+3+4+4+4+4 doses
    expect(events).toHaveLength(28);
    const first = events[0]!;
    expect(first.summary).toBe("Naltrexone 0.1 mg (dose 1 of 1)");
    expect(first.startDate.toString()).toBe("2027-01-04T08:00:00");
    expect(first.startDate.zone?.tzid).toBe("floating");
    const ninth = events.filter((e) => e.startDate.toString().startsWith("2027-01-12"));
    expect(ninth.map((e) => e.summary)).toEqual([
      "Naltrexone 0.2 mg (dose 1 of 4)",
      "Naltrexone 0.1 mg (dose 2 of 4)",
      "Naltrexone 0.1 mg (dose 3 of 4)",
      "Naltrexone 0.1 mg (dose 4 of 4)",
    ]);
    for (const e of events) {
      const alarm = e.component.getFirstSubcomponent("valarm");
      expect(alarm?.getFirstPropertyValue("action")).toBe("DISPLAY");
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });

  it("shows a readable table naming the source and the clinic settings", async () => {
    const { stdout } = await runCli([
      "schedule",
      "--protocol",
      "fixed-standard",
      "--start",
      "2027-01-04",
      "--days",
      "3",
    ]);
    expect(stdout).toContain("Source: 003");
    expect(stdout).toContain("clinic setting, not a published fact");
    expect(stdout).toMatch(/1\s+2027-01-04\s+4\.5 mg\s+4\.5 mg/);
  });

  it("accepts settings and times, and refuses a ULDN dose in mg with one line naming both units and exit 2", async () => {
    const ok = await runCli([
      "schedule",
      "--protocol",
      "uldn-with-opioids",
      "--start",
      "2027-01-04",
      "--times",
      "07:00,19:00",
      "--format",
      "json",
    ]);
    expect(JSON.parse(ok.stdout).days[0].doses.map((d: { time: string }) => d.time)).toEqual([
      "07:00",
      "19:00",
    ]);
    const bad = await runCli([
      "schedule",
      "--protocol",
      "uldn-with-opioids",
      "--start",
      "2027-01-04",
      "--set",
      "dosePerAdministration=0.001mg",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/micrograms \(mcg\).*milligrams \(mg\)/);
  });

  it.each([
    [["--protocol", "nope", "--start", "2027-01-04"], /unknown protocol "nope"/],
    [["--protocol", "micro-titration", "--start", "2027-13-01"], /start: "2027-13-01" is not a date/],
    [
      ["--protocol", "micro-titration", "--start", "2027-01-04", "--days", "ten"],
      /--days: must be a whole number/,
    ],
    [["--protocol", "micro-titration", "--start", "2027-01-04", "--set", "oops"], /--set: write key=value/],
    [
      ["--protocol", "micro-titration", "--start", "2027-01-04", "--format", "pdf"],
      /Allowed choices are table, json, csv, ics/,
    ],
    [["--start", "2027-01-04"], /required option '--protocol <id>'/],
  ])("refuses bad input %j with exit 2 and no stack trace", async (args, why) => {
    const { code, stderr } = await runCli(["schedule", ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(why);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("has --help with examples", async () => {
    const { code, stdout } = await runCli(["schedule", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("--format <format>");
    expect(stdout).toContain("Examples:");
  });
});

describe("ldn protocols", () => {
  it("lists every protocol with its source and limits", async () => {
    const { stdout } = await runCli(["protocols"]);
    for (const id of [
      "micro-titration",
      "fixed-standard",
      "conventional-titration",
      "ldn-once-daily",
      "uldn-with-opioids",
      "uldn-sub-1mg",
      "dose-response-0.75",
      "fixed-then-micro-adjust",
    ]) {
      expect(stdout).toContain(id);
    }
    expect(stdout).toMatch(/micro-titration\s+2\s+004\s+6 mg\s+6 mg\s+0\.1 mg\s+4/);
  });

  it("gives the catalogue as JSON and one protocol in full", async () => {
    const json = JSON.parse((await runCli(["protocols", "--format", "json"])).stdout);
    expect(json).toHaveLength(8);
    expect(json[0].limits).toMatchObject({
      maxPerDoseUg: 6000,
      maxPerDayUg: 6000,
      maxStepUg: 100,
      maxDosesPerDay: 4,
    });
    const detail = (await runCli(["protocols", "uldn-with-opioids"])).stdout;
    expect(detail).toContain("mcg/kg");
    expect(detail).toContain("per day 4 mcg");
  });
});
