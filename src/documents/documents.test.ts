import { describe, expect, it } from "vitest";
import { planCapsules } from "../domain/compounding/capsule-plan.ts";
import { planLiquid } from "../domain/compounding/liquid-plan.ts";
import { getProtocol } from "../domain/protocols/catalogue.ts";
import { buildSchedule } from "../domain/protocols/schedule.ts";
import { directionLines, orderPdf } from "./order-pdf.ts";
import { clockText } from "../domain/clock-text.ts";
import { opioidSection, patientInstructions, remindersFor } from "./patient-instructions.ts";
import { readPdf } from "./read-pdf.testing.ts";
import { schedulePdf } from "./schedule-pdf.ts";

const days = buildSchedule(getProtocol("micro-titration"), { start: "2027-01-04", days: 28 }).days;
const clinic = { name: "Riverside Pain Clinic", phone: "555 0100" };
const createdAt = new Date("2027-01-02T10:00:00Z");

describe("schedule PDF", () => {
  it("prints a week to a page with every dose, its capsules and the clinic's number, then the instructions", async () => {
    const plan = planCapsules(days);
    const pdf = await readPdf(
      await schedulePdf({
        protocolName: "Micro-titration",
        withOpioids: false,
        patient: { name: "A. Patient" },
        clinic,
        days,
        plan,
        createdAt,
      }),
    );
    expect(pdf.pages).toBe(5); // 4 weeks + the instructions
    expect(pdf.text[0]).toContain("Week 1 of 4: Mon 4 Jan 2027 to Sun 10 Jan 2027");
    expect(pdf.text[0]).toContain("For: A. Patient");
    expect(pdf.text[3]).toContain("Week 4 of 4: Mon 25 Jan 2027 to Sun 31 Jan 2027");
    expect(pdf.text[3]).toContain("2 capsules: 0.3 mg + 0.1 mg"); // 0.4 mg doses, days 27-28
    for (const page of pdf.text) expect(page).toContain("555 0100");
    expect(pdf.text[0]).toContain("Take your last dose no later than 4 PM, not at 8 PM");
    expect(pdf.text[4]).toContain("Call the clinic if");
    expect(pdf.text[4]).toContain("your pain gets worse than it was before you started");
    // Every dose of week 1 is on page 1: 1+1+2+2+3+3+4 doses of 0.1 mg.
    expect(pdf.text[0]!.match(/0\.1 mg 1 capsule: 0\.1 mg/g)).toHaveLength(16);
  });

  it("tells a patient on an opioid, by name, about withdrawal: what it feels like, what to do, whom to call", async () => {
    const pdf = await readPdf(
      await schedulePdf({
        protocolName: "Micro-titration",
        withOpioids: false,
        opioids: ["oxycodone"],
        patient: { name: "A. Patient" },
        clinic,
        days: days.slice(0, 7),
        plan: planCapsules(days.slice(0, 7)),
        createdAt,
      }),
    );
    // Every page's reminders, then the last page's section (pdf.js may break lines anywhere).
    const page = (i: number) => pdf.text[i]!.replace(/\s+/g, " ");
    expect(page(0)).toContain(
      "Feel as if you suddenly stopped your oxycodone? That may be withdrawal: do not take your next dose, and call Riverside Pain Clinic on 555 0100.",
    );
    // The instructions start after the one week's page and may run over onto another.
    const last = pdf.text.slice(1).join(" ").replace(/\s+/g, " ");
    expect(last).toContain("You also take oxycodone");
    expect(last).toContain("Oxycodone is an opioid pain medicine.");
    expect(last).toContain("This can cause opioid withdrawal, or make your opioid work less well");
    expect(last).toContain(
      "Withdrawal can feel as if you had suddenly stopped your opioid: sweating, yawning",
    );
    expect(last).toContain("do not take your next dose, and do not go up to a higher dose");
    expect(last).toContain('tick "Opioid withdrawal" in the app');
    expect(last).toContain("Call Riverside Pain Clinic on 555 0100 the same day, before your next dose.");
    expect(last).not.toContain("Do not start one without talking to the clinic");
  });

  it("names the clinic alone when it has set no phone number", async () => {
    const pdf = await readPdf(
      await schedulePdf({
        protocolName: "Micro-titration",
        withOpioids: false,
        opioids: ["morphine"],
        patient: { name: "A. Patient" },
        clinic: { name: "Riverside Pain Clinic" },
        days: days.slice(0, 7),
        plan: planCapsules(days.slice(0, 7)),
        createdAt,
      }),
    );
    const all = pdf.text.join(" ").replace(/\s+/g, " ");
    expect(all).toContain("Call Riverside Pain Clinic the same day, before your next dose.");
    expect(all).toContain("Questions or a problem? Call Riverside Pain Clinic.");
    expect(all).not.toContain("undefined");
  });

  it("shows volumes for a liquid plan", async () => {
    const pdf = await readPdf(
      await schedulePdf({
        protocolName: "Micro-titration",
        withOpioids: false,
        patient: { name: "A. Patient" },
        clinic,
        days: days.slice(0, 7),
        plan: planLiquid(days.slice(0, 7)),
        createdAt,
      }),
    );
    expect(pdf.pages).toBe(2);
    expect(pdf.text[0]).toContain("0.1 mL");
    expect(pdf.text[0]).toContain("measure it with the oral syringe");
  });
});

describe("pharmacy order PDF", () => {
  it("names patient, prescriber, each strength and quantity, the directions and the fill period", async () => {
    const plan = planCapsules(days);
    const pdf = await readPdf(
      await orderPdf({
        protocol: { name: "Micro-titration", key: "micro-titration@2", source: "004" },
        patient: { name: "A. Patient", birthDate: "1980-05-02" },
        prescriber: { name: "Dr B. Prescriber", identifier: "NPI 0000000000" },
        clinic,
        pharmacy: "Main Street Compounding",
        days,
        plan,
        createdAt,
      }),
    );
    const all = pdf.text.join(" ");
    expect(all).toContain("A. Patient, born Fri 2 May 1980");
    expect(all).toContain("Dr B. Prescriber (NPI 0000000000)");
    expect(all).toContain("Mon 4 Jan 2027 to Sun 31 Jan 2027 (28 days)");
    expect(all).toMatch(/Naltrexone 0\.1 mg capsules 38 capsules/);
    expect(all).toMatch(/Naltrexone 0\.3 mg capsules 36 capsules/);
    expect(all).toContain("Days 1-2 (Mon 4 Jan to Tue 5 Jan): 8 AM 0.1 mg (1 capsule: 0.1 mg)");
    expect(all).toContain("clinic setting");
    expect(all).toContain("Prescriber's signature");
  });

  it("orders a liquid by concentration and total volume", async () => {
    const plan = planLiquid(days);
    const pdf = await readPdf(
      await orderPdf({
        protocol: { name: "Micro-titration", key: "micro-titration@2", source: "004" },
        patient: { name: "A. Patient" },
        prescriber: { name: "Dr B. Prescriber" },
        clinic,
        days,
        plan,
        createdAt,
      }),
    );
    expect(pdf.text.join(" ")).toContain("Naltrexone oral liquid 1 mg/mL 21 mL (21 mg in all)");
  });
});

describe("directions and instructions", () => {
  it("groups identical days into one direction line", () => {
    const lines = directionLines(days, planCapsules(days));
    expect(lines).toHaveLength(14);
    // 1.4 mg on days 27-28 is 0.4, 0.4, 0.3, 0.3 mg (004's split).
    expect(lines[13]).toBe(
      "Days 27-28 (Sat 30 Jan to Sun 31 Jan): 8 AM 0.4 mg (2 capsules: 0.3 mg + 0.1 mg); " +
        "12 PM 0.4 mg (2 capsules: 0.3 mg + 0.1 mg); 4 PM 0.3 mg (1 capsule: 0.3 mg); 8 PM 0.3 mg (1 capsule: 0.3 mg)",
    );
  });

  it("says 'no later than 4 PM' only when a dose is later, and speaks of opioids by plan", () => {
    const base = { form: "capsules" as const, withOpioids: false, clinicName: "C", clinicPhone: "1" };
    expect(remindersFor({ ...base, latestDoseTime: "21:00" }).join(" ")).toContain("not at 9 PM");
    expect(remindersFor({ ...base, latestDoseTime: "16:00" }).join(" ")).not.toContain("4 PM");
    const titles = (withOpioids: boolean) =>
      patientInstructions({ ...base, withOpioids, latestDoseTime: "08:00" }).map((s) => s.title);
    expect(titles(true)).toContain("Your opioid medicine");
    expect(titles(false)).toContain("Opioid pain medicines");
  });

  it("tells a ULDN patient the dose is kept small so as not to block the opioid, and still what withdrawal is", () => {
    const base = { form: "capsules" as const, latestDoseTime: "20:00", clinicName: "C" };
    const uldn = opioidSection({ ...base, withOpioids: true, opioids: ["morphine", "tramadol"] });
    expect(uldn.title).toBe("You also take morphine and tramadol");
    expect(uldn.lines[0]).toBe(
      "This very small naltrexone dose is meant to be taken with your morphine and tramadol. Keep taking both as prescribed.",
    );
    expect(uldn.lines[1]).toContain("kept very small so that it does not block your opioid");
    expect(uldn.lines.join(" ")).toContain("Call C the same day");
    const titles = patientInstructions({ ...base, withOpioids: true, opioids: ["morphine"] }).map(
      (s) => s.title,
    );
    expect(titles).toContain("You also take morphine");
    expect(titles).not.toContain("Your opioid medicine");
  });

  it("writes clock times the way patients read them", () => {
    expect(["00:00", "08:00", "12:00", "16:30", "20:00"].map(clockText)).toEqual([
      "12 AM",
      "8 AM",
      "12 PM",
      "4:30 PM",
      "8 PM",
    ]);
  });
});
