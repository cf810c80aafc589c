/**
 * The JSON form of a fill plan: a stable contract (keys only ever added). Amounts are
 * whole micrograms (`ug`), microlitres (`ul`) and cents; each has a display twin.
 */
import type { CapsulePlan, PlanCost } from "../../domain/compounding/capsule-plan.ts";
import { CAPSULE_SETTING_NOTES } from "../../domain/compounding/capsule-settings.ts";
import { LIQUID_SETTING_NOTES, type LiquidPlan } from "../../domain/compounding/liquid-plan.ts";
import { formatConcentration, formatVolume } from "../../domain/compounding/liquid-units.ts";
import { formatMoney } from "../../domain/compounding/money.ts";
import { formatDose } from "../../domain/dose.ts";
import { protocolKey } from "../../domain/protocols/catalogue.ts";
import type { ProtocolDefinition } from "../../domain/protocols/protocol.ts";

function costJson(cost: PlanCost) {
  return { ...cost, total: formatMoney(cost.totalCents), perDay: formatMoney(cost.perDayCents) };
}

export function fillPlanJson(protocol: ProtocolDefinition, plan: CapsulePlan | LiquidPlan, source: string) {
  const common = {
    protocol: { id: protocol.id, version: protocol.version, key: protocolKey(protocol), name: protocol.name },
    source,
    form: plan.form,
    period: plan.period,
  };
  if (plan.form === "liquid") {
    const s = plan.settings;
    return {
      ...common,
      settings: {
        concentrationUgPerMl: s.concentrationUgPerMl,
        concentration: formatConcentration(s.concentrationUgPerMl),
        syringeStepUl: s.syringeStepUl,
        syringeStep: formatVolume(s.syringeStepUl),
        notes: LIQUID_SETTING_NOTES,
      },
      doses: plan.doses.map((d) => ({
        ug: d.ug,
        dose: formatDose(d.ug),
        count: d.count,
        volumeUl: d.volumeUl,
        volume: formatVolume(d.volumeUl),
      })),
      totalUg: plan.totalUg,
      total: formatDose(plan.totalUg),
      totalVolumeUl: plan.totalVolumeUl,
      totalVolume: formatVolume(plan.totalVolumeUl),
    };
  }
  return {
    ...common,
    settings: { ...plan.settings, notes: CAPSULE_SETTING_NOTES },
    strengths: plan.strengths.map((s) => ({ ug: s.ug, strength: formatDose(s.ug), quantity: s.quantity })),
    recipes: plan.recipes.map((r) => ({
      ug: r.ug,
      dose: formatDose(r.ug),
      count: r.count,
      capsulesUg: r.capsules,
      capsules: r.capsules.map((c) => formatDose(c)),
    })),
    cost: costJson(plan.cost),
    simple: {
      strengthsUg: plan.simple.strengths,
      strengths: plan.simple.strengths.map((s) => formatDose(s)),
      cost: costJson(plan.simple.cost),
    },
    savingCents: plan.savingCents,
    saving: formatMoney(plan.savingCents),
    exact: {
      method: "branch and bound over every set of strengths in strength-step units",
      searchNodes: plan.searchNodes,
    },
  };
}
