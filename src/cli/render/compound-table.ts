/** The human form of a fill plan: what to compound, how each dose is taken, the cost and the saving. */
import type { CapsulePlan, PlanCost } from "../../domain/compounding/capsule-plan.ts";
import { describeCapsuleSettings } from "../../domain/compounding/capsule-settings.ts";
import { LIQUID_SETTING_NOTES, type LiquidPlan } from "../../domain/compounding/liquid-plan.ts";
import { formatConcentration, formatVolume } from "../../domain/compounding/liquid-units.ts";
import { formatMoney } from "../../domain/compounding/money.ts";
import { formatDose } from "../../domain/dose.ts";
import { protocolKey } from "../../domain/protocols/catalogue.ts";
import type { ProtocolDefinition } from "../../domain/protocols/protocol.ts";
import { textTable } from "./text-table.ts";

/** "0.3 mg + 0.1 mg": the capsules that make one dose. */
export function capsulesText(capsules: readonly number[]): string {
  return capsules.map((c) => formatDose(c)).join(" + ");
}

/** "3 strengths x $15.00 + 106 capsules x $1.00 = $151.00 for the fill, $5.39 a day" */
export function costText(cost: PlanCost, fee: number, price: number): string {
  return (
    `${cost.strengths} strength${cost.strengths === 1 ? "" : "s"} x ${formatMoney(fee)} + ` +
    `${cost.capsules} capsule${cost.capsules === 1 ? "" : "s"} x ${formatMoney(price)} = ` +
    `${formatMoney(cost.totalCents)} for the fill, ${formatMoney(cost.perDayCents)} a day`
  );
}

function heading(protocol: ProtocolDefinition, plan: CapsulePlan | LiquidPlan, source: string): string {
  const kind = plan.form === "capsules" ? "Capsule plan" : "Liquid plan";
  const from = source === "recommended" ? "recommended doses" : "the protocol's schedule";
  return (
    `${kind}: ${protocol.name} (${protocolKey(protocol)}), ${plan.period.days} days ` +
    `from ${plan.period.start} to ${plan.period.end}, from ${from}\n`
  );
}

/** The capsule plan as text tables. */
export function capsulePlanTable(protocol: ProtocolDefinition, plan: CapsulePlan, source: string): string {
  const { settings } = plan;
  const fee = settings.feePerStrengthCents;
  const price = settings.pricePerCapsuleCents;
  const saving =
    plan.savingCents > 0
      ? `Saving: ${formatMoney(plan.savingCents)} for the fill`
      : "Saving: none; one strength per dose amount is already the cheapest plan";
  return (
    heading(protocol, plan, source) +
    "Clinic settings:\n" +
    describeCapsuleSettings(settings)
      .map((l) => `  ${l}\n`)
      .join("") +
    "\n" +
    textTable(
      ["Strength", "Capsules to make"],
      plan.strengths.map((s) => [formatDose(s.ug), String(s.quantity)]),
    ) +
    "\n" +
    textTable(
      ["Dose", "Doses in fill", "Capsules per dose"],
      plan.recipes.map((r) => [formatDose(r.ug), String(r.count), capsulesText(r.capsules)]),
    ) +
    "\n" +
    `Cost: ${costText(plan.cost, fee, price)}\n` +
    `One strength per dose amount: ${costText(plan.simple.cost, fee, price)}\n` +
    `${saving}\n` +
    `Exact: branch and bound over every set of strengths in ${formatDose(settings.strengthStepUg)} steps ` +
    `(${plan.searchNodes} search nodes); no other set costs less.\n`
  );
}

/** The liquid plan as text tables. */
export function liquidPlanTable(protocol: ProtocolDefinition, plan: LiquidPlan, source: string): string {
  const { settings } = plan;
  return (
    heading(protocol, plan, source) +
    "Clinic settings:\n" +
    `  concentration: ${formatConcentration(settings.concentrationUgPerMl)} (${LIQUID_SETTING_NOTES.concentrationUgPerMl})\n` +
    `  syringe step: ${formatVolume(settings.syringeStepUl)} (${LIQUID_SETTING_NOTES.syringeStepUl})\n` +
    "\n" +
    textTable(
      ["Dose", "Doses in fill", "Volume"],
      plan.doses.map((d) => [formatDose(d.ug), String(d.count), formatVolume(d.volumeUl)]),
    ) +
    "\n" +
    `Total: ${formatDose(plan.totalUg)} in ${formatVolume(plan.totalVolumeUl)} for the fill\n`
  );
}
