/**
 * The pharmacy order as a PDF: patient, prescriber, clinic, what to compound (each
 * strength and its quantity, or the liquid and its volume), the directions, the fill
 * period, and a line to sign. Directions group days with the same doses, so a 28-day
 * micro-titration reads as 14 short lines rather than 28.
 */
import type { CapsulePlan } from "../domain/compounding/capsule-plan.ts";
import { describeCapsuleSettings } from "../domain/compounding/capsule-settings.ts";
import { doseRuns } from "../domain/compounding/dose-runs.ts";
import type { FillDay } from "../domain/compounding/fill-day.ts";
import { LIQUID_SETTING_NOTES, type LiquidPlan } from "../domain/compounding/liquid-plan.ts";
import { formatConcentration, formatVolume } from "../domain/compounding/liquid-units.ts";
import { formatMoney } from "../domain/compounding/money.ts";
import { formatDose } from "../domain/dose.ts";
import type { ClinicContact, PatientName, Prescriber } from "./clinic.ts";
import { howToTake } from "./how-to-take.ts";
import { clockText } from "../domain/clock-text.ts";
import { longDate, newPdf, PAGE, shortDate } from "./pdf-output.ts";

export interface OrderPdfInput {
  readonly protocol: { readonly name: string; readonly key: string; readonly source: string };
  readonly patient: PatientName;
  readonly prescriber: Prescriber;
  readonly clinic: ClinicContact;
  readonly pharmacy?: string;
  readonly days: readonly FillDay[];
  readonly plan: CapsulePlan | LiquidPlan;
  /** The date the order is written, and the PDF's creation date. */
  readonly createdAt: Date;
}

/**
 * The directions, one line per run of identical days.
 *
 * @example directionLines(days, plan)[0] // "Days 1-2 (Mon 4 Jan to Tue 5 Jan): 8 AM 0.1 mg (0.1 mg)"
 */
export function directionLines(days: readonly FillDay[], plan: CapsulePlan | LiquidPlan): string[] {
  const take = howToTake(plan);
  return doseRuns(days).map((run) => {
    const when =
      run.firstDay === run.lastDay
        ? `Day ${run.firstDay} (${shortDate(run.firstDate)})`
        : `Days ${run.firstDay}-${run.lastDay} (${shortDate(run.firstDate)} to ${shortDate(run.lastDate)})`;
    const doses = run.doses.length
      ? run.doses.map((d) => `${clockText(d.time)} ${formatDose(d.ug)} (${take.get(d.ug)})`).join("; ")
      : "no doses";
    return `${when}: ${doses}`;
  });
}

/**
 * Renders the order; resolves to the PDF's bytes.
 *
 * @example await orderPdf({ protocol, patient, prescriber, clinic, days, plan, createdAt: new Date("2027-01-01") })
 */
export async function orderPdf(input: OrderPdfInput): Promise<Uint8Array> {
  const { plan } = input;
  const { doc, bytes } = newPdf(`Compounding order for ${input.patient.name}`, input.createdAt);
  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const written = input.createdAt.toISOString().slice(0, 10);

  doc
    .font("Helvetica-Bold")
    .fontSize(20)
    .text("Compounding order: naltrexone, low dose (LDN)", left, PAGE.margin);
  doc
    .font("Helvetica")
    .fontSize(11)
    .text(`Written ${longDate(written)}`);
  doc.moveDown(0.6);

  const field = (label: string, value: string) => {
    doc
      .font("Helvetica-Bold")
      .fontSize(12)
      .text(`${label}: `, { continued: true })
      .font("Helvetica")
      .text(value);
  };
  field(
    "Patient",
    input.patient.name + (input.patient.birthDate ? `, born ${longDate(input.patient.birthDate)}` : ""),
  );
  field(
    "Prescriber",
    input.prescriber.name + (input.prescriber.identifier ? ` (${input.prescriber.identifier})` : ""),
  );
  field("Clinic", input.clinic.phone ? `${input.clinic.name}, ${input.clinic.phone}` : input.clinic.name);
  if (input.pharmacy) field("Pharmacy", input.pharmacy);
  field(
    "Fill period",
    `${longDate(plan.period.start)} to ${longDate(plan.period.end)} (${plan.period.days} day${plan.period.days === 1 ? "" : "s"})`,
  );
  field("Protocol", `${input.protocol.name} (${input.protocol.key}); source ${input.protocol.source}`);

  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(14).text("Please compound");
  const rows: [string, string][] =
    plan.form === "capsules"
      ? plan.strengths.map((s) => [`Naltrexone ${formatDose(s.ug)} capsules`, `${s.quantity} capsules`])
      : [
          [
            `Naltrexone oral liquid ${formatConcentration(plan.settings.concentrationUgPerMl)}`,
            `${formatVolume(plan.totalVolumeUl)} (${formatDose(plan.totalUg)} in all)`,
          ],
        ];
  table(doc, ["Item", "Quantity"], rows, left, width);
  doc.font("Helvetica").fontSize(11);
  if (plan.form === "capsules") {
    doc.text(`Total: ${plan.cost.capsules} capsules in ${plan.strengths.length} strength(s).`, left);
  } else {
    doc.text(
      `Dispense with an oral syringe marked every ${formatVolume(plan.settings.syringeStepUl)} ` +
        `(${LIQUID_SETTING_NOTES.syringeStepUl}); concentration: ${LIQUID_SETTING_NOTES.concentrationUgPerMl}.`,
      left,
    );
  }

  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(14).text("Directions", left);
  doc
    .font("Helvetica")
    .fontSize(11)
    .text("Take by mouth as below; a printed schedule with tick boxes goes with it.");
  for (const line of directionLines(input.days, plan)) doc.text(`- ${line}`, { indent: 6 });

  if (plan.form === "capsules") {
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).text("Clinic's cost estimate", left);
    doc.font("Helvetica").fontSize(10);
    doc.text(
      `${formatMoney(plan.cost.totalCents)} for the fill (${formatMoney(plan.cost.perDayCents)} a day); ` +
        `one strength per dose amount would be ${formatMoney(plan.simple.cost.totalCents)}. From these clinic settings:`,
    );
    for (const line of describeCapsuleSettings(plan.settings)) doc.text(`- ${line}`, { indent: 6 });
  }

  doc.moveDown(2).font("Helvetica").fontSize(12);
  doc.text("Prescriber's signature: ______________________________    Date: ______________", left);
  doc.end();
  return bytes;
}

function table(
  doc: PDFKit.PDFDocument,
  header: readonly [string, string],
  rows: readonly (readonly [string, string])[],
  left: number,
  width: number,
): void {
  const first = width * 0.62;
  const rowHeight = 22;
  let y = doc.y + 4;
  const row = (cells: readonly [string, string], bold: boolean) => {
    doc.rect(left, y, first, rowHeight).stroke();
    doc.rect(left + first, y, width - first, rowHeight).stroke();
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(12);
    doc.text(cells[0], left + 6, y + 6, { width: first - 12 });
    doc.text(cells[1], left + first + 6, y + 6, { width: width - first - 12 });
    y += rowHeight;
  };
  row(header, true);
  for (const r of rows) row(r, false);
  doc.x = left;
  doc.y = y + 6;
}
