/**
 * The patient's schedule as a printable PDF: one week to a page, each dose a box to
 * tick at its time, with what to take for it; the reminders that apply on every page,
 * the clinic's number on every page, and the full instructions on the last page (with what to do
 * about opioid withdrawal when the patient's screening recorded opioids).
 * Large type (doses at 18 pt, text at 13 pt) and plain words throughout.
 */
import type { CapsulePlan } from "../domain/compounding/capsule-plan.ts";
import type { FillDay } from "../domain/compounding/fill-day.ts";
import type { LiquidPlan } from "../domain/compounding/liquid-plan.ts";
import { formatDose } from "../domain/dose.ts";
import type { ClinicContact, PatientName } from "./clinic.ts";
import { howToTake } from "./how-to-take.ts";
import { clockText } from "../domain/clock-text.ts";
import { patientInstructions, remindersFor, type InstructionContext } from "./patient-instructions.ts";
import { longDate, newPdf, PAGE, shortDate } from "./pdf-output.ts";

export interface SchedulePdfInput {
  readonly protocolName: string;
  readonly withOpioids: boolean;
  /** The opioids recorded at the patient's screening, by name; none when absent. */
  readonly opioids?: readonly string[];
  readonly patient: PatientName;
  readonly clinic: ClinicContact;
  /** The fill's days (the same days the plan was made from). */
  readonly days: readonly FillDay[];
  readonly plan: CapsulePlan | LiquidPlan;
  /** Written into the PDF's metadata; passed in so the same input makes the same file. */
  readonly createdAt: Date;
}

const DAYS_PER_PAGE = 7;
const ROW_HEIGHT = 62;
const HEADER_HEIGHT = 28;
const DAY_COLUMN = 112;

/**
 * Renders the schedule; resolves to the PDF's bytes.
 *
 * @example await schedulePdf({ protocolName: "Micro-titration", withOpioids: false, patient: { name: "A. Patient" },
 *   clinic: { name: "Pain Clinic", phone: "555 0100" }, days, plan, createdAt: new Date("2027-01-01") })
 */
export async function schedulePdf(input: SchedulePdfInput): Promise<Uint8Array> {
  const { doc, bytes } = newPdf(`LDN schedule for ${input.patient.name}`, input.createdAt);
  const times = [...new Set(input.days.flatMap((d) => d.doses.map((x) => x.time)))].sort();
  const ctx: InstructionContext = {
    latestDoseTime: times.at(-1) ?? "00:00",
    form: input.plan.form,
    withOpioids: input.withOpioids,
    opioids: input.opioids ?? [],
    clinicName: input.clinic.name,
    clinicPhone: input.clinic.phone,
  };
  const take = howToTake(input.plan);
  const weeks = Math.ceil(input.days.length / DAYS_PER_PAGE);
  for (let w = 0; w < weeks; w++) {
    if (w > 0) doc.addPage();
    const week = input.days.slice(w * DAYS_PER_PAGE, (w + 1) * DAYS_PER_PAGE);
    pageHeader(
      doc,
      input,
      `Week ${w + 1} of ${weeks}: ${longDate(week[0]!.date)} to ${longDate(week.at(-1)!.date)}`,
    );
    weekGrid(doc, week, times, take, w * DAYS_PER_PAGE);
    remindersBox(doc, remindersFor(ctx));
  }
  doc.addPage();
  pageHeader(doc, input, "About your medicine");
  for (const section of patientInstructions(ctx)) {
    doc.moveDown(0.4).font("Helvetica-Bold").fontSize(15).text(section.title);
    doc.font("Helvetica").fontSize(13);
    for (const line of section.lines) doc.text(`- ${line}`, { indent: 8 });
  }
  doc.end();
  return bytes;
}

function pageHeader(doc: PDFKit.PDFDocument, input: SchedulePdfInput, subtitle: string): void {
  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  doc.font("Helvetica-Bold").fontSize(22).text("Your LDN schedule", left, PAGE.margin);
  doc
    .font("Helvetica")
    .fontSize(12)
    .text(
      input.clinic.phone ? `${input.clinic.name}\n${input.clinic.phone}` : input.clinic.name,
      left,
      PAGE.margin,
      {
        width,
        align: "right",
      },
    );
  doc
    .fontSize(13)
    .text(
      `For: ${input.patient.name}    Medicine: naltrexone, low dose (${input.protocolName})`,
      left,
      PAGE.margin + 34,
      {
        width,
      },
    );
  doc
    .font("Helvetica-Bold")
    .fontSize(15)
    .text(subtitle, left, doc.y + 6, { width });
  doc.font("Helvetica");
}

function weekGrid(
  doc: PDFKit.PDFDocument,
  week: readonly FillDay[],
  times: readonly string[],
  take: ReadonlyMap<number, string>,
  firstIndex: number,
): void {
  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const col = (width - DAY_COLUMN) / Math.max(times.length, 1);
  let y = doc.y + 10;
  doc.lineWidth(1).strokeColor("#000");
  doc.rect(left, y, width, HEADER_HEIGHT).fillAndStroke("#e8e8e8", "#000").fillColor("#000");
  doc
    .font("Helvetica-Bold")
    .fontSize(14)
    .text("Day", left + 6, y + 8, { width: DAY_COLUMN - 12 });
  times.forEach((t, i) => {
    doc.text(clockText(t), left + DAY_COLUMN + i * col, y + 8, { width: col, align: "center" });
  });
  y += HEADER_HEIGHT;
  week.forEach((day, r) => {
    doc.rect(left, y, DAY_COLUMN, ROW_HEIGHT).stroke();
    doc
      .font("Helvetica-Bold")
      .fontSize(14)
      .text(shortDate(day.date), left + 6, y + 10, { width: DAY_COLUMN - 12 });
    doc
      .font("Helvetica")
      .fontSize(11)
      .text(`Day ${firstIndex + r + 1}`, left + 6, y + 32);
    times.forEach((t, i) => {
      const x = left + DAY_COLUMN + i * col;
      const dose = day.doses.find((d) => d.time === t);
      if (!dose) {
        doc.rect(x, y, col, ROW_HEIGHT).fillAndStroke("#f2f2f2", "#000").fillColor("#666");
        doc.fontSize(11).text("no dose", x, y + 24, { width: col, align: "center" });
        doc.fillColor("#000");
        return;
      }
      doc.rect(x, y, col, ROW_HEIGHT).stroke();
      doc
        .lineWidth(1.5)
        .rect(x + 8, y + 10, 18, 18)
        .stroke()
        .lineWidth(1);
      doc
        .font("Helvetica-Bold")
        .fontSize(18)
        .text(formatDose(dose.ug), x + 32, y + 10, { width: col - 36 });
      doc
        .font("Helvetica")
        .fontSize(11)
        .text(take.get(dose.ug) ?? "", x + 8, y + 34, { width: col - 14 });
    });
    y += ROW_HEIGHT;
  });
  doc.x = left;
  doc.y = y;
}

function remindersBox(doc: PDFKit.PDFDocument, lines: readonly string[]): void {
  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const top = doc.y + 14;
  doc
    .font("Helvetica-Bold")
    .fontSize(14)
    .text("Remember", left + 10, top + 8, { width: width - 20 });
  doc.font("Helvetica").fontSize(13);
  for (const line of lines) doc.text(`- ${line}`, left + 10, doc.y + 2, { width: width - 20 });
  doc.rect(left, top, width, doc.y - top + 8).stroke();
}
