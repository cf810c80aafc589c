/**
 * The capsule plan for a fill: which strengths to compound, how many capsules of each,
 * which capsules make each dose, and what it costs, beside the simple plan of one
 * strength per dose amount.
 */
import { micrograms, type Micrograms } from "../dose.ts";
import {
  resolveCapsuleSettings,
  type CapsuleSettingOverrides,
  type CapsuleSettings,
} from "./capsule-settings.ts";
import { fewestCapsules } from "./fewest-capsules.ts";
import { doseAmounts, fillPeriod, type DoseAmount, type FillDay, type FillPeriod } from "./fill-day.ts";
import { cents, divideCents, type Cents } from "./money.ts";
import { cheapestStrengths } from "./strength-search.ts";

/** One strength to compound and how many capsules of it the fill needs. */
export interface StrengthOrder {
  readonly ug: Micrograms;
  readonly quantity: number;
}

/** How one dose amount is taken: the capsules (largest first) and how often in the fill. */
export interface DoseRecipe {
  readonly ug: Micrograms;
  readonly count: number;
  readonly capsules: readonly Micrograms[];
}

/** What a set of strengths costs for a fill. */
export interface PlanCost {
  readonly strengths: number;
  readonly capsules: number;
  readonly feesCents: Cents;
  readonly capsulesCents: Cents;
  readonly totalCents: Cents;
  /** Total divided by the days of the fill, rounded half up to the cent. */
  readonly perDayCents: Cents;
}

/** A capsule plan: strengths to make, the recipe for every dose amount, its cost and the saving. */
export interface CapsulePlan {
  readonly form: "capsules";
  readonly period: FillPeriod;
  readonly settings: CapsuleSettings;
  readonly strengths: readonly StrengthOrder[];
  readonly recipes: readonly DoseRecipe[];
  readonly cost: PlanCost;
  /** One strength per distinct dose amount, one capsule per dose: what the plan is measured against. */
  readonly simple: { readonly strengths: readonly Micrograms[]; readonly cost: PlanCost };
  readonly savingCents: Cents;
  /** Nodes the exact search visited. */
  readonly searchNodes: number;
}

/**
 * The cheapest capsule plan for a fill period: exact (see `strength-search.ts`), with
 * every dose a sum of at most the clinic's number of capsules.
 *
 * @example planCapsules(buildSchedule(getProtocol("micro-titration"), { start: "2027-01-04", days: 28 }).days, {})
 * // strengths 0.1 mg and 0.2 mg ..., cost per fill and per day, saving against one strength per dose
 */
export function planCapsules(days: readonly FillDay[], overrides: CapsuleSettingOverrides = {}): CapsulePlan {
  const period = fillPeriod(days);
  const amounts = doseAmounts(days);
  const settings = resolveCapsuleSettings(overrides, amounts);
  const step = settings.strengthStepUg;
  const result = cheapestStrengths(
    amounts.map((a) => ({ units: a.ug / step, count: a.count })),
    {
      maxCapsulesPerDose: settings.maxCapsulesPerDose,
      feePerStrength: settings.feePerStrengthCents,
      pricePerCapsule: settings.pricePerCapsuleCents,
    },
  );
  const chosen = result.strengths.map((u) => micrograms(u * step));
  const simpleStrengths = amounts.map((a) => a.ug);
  const plan = planForStrengths(amounts, chosen, settings, period.days);
  const simple = planForStrengths(amounts, simpleStrengths, settings, period.days);
  return {
    form: "capsules",
    period,
    settings,
    strengths: plan.strengths,
    recipes: plan.recipes,
    cost: plan.cost,
    simple: { strengths: simpleStrengths, cost: simple.cost },
    savingCents: cents(simple.cost.totalCents - plan.cost.totalCents),
    searchNodes: result.nodes,
  };
}

/**
 * Spells out a given set of strengths for a fill: each dose's fewest capsules, the
 * quantity of each strength, and the cost. Strengths no dose uses are dropped.
 *
 * @example planForStrengths([{ ug: 300, count: 2 }], [100, 200], settings, 2).recipes[0].capsules // [200, 100]
 */
export function planForStrengths(
  amounts: readonly DoseAmount[],
  strengths: readonly Micrograms[],
  settings: CapsuleSettings,
  days: number,
): { strengths: StrengthOrder[]; recipes: DoseRecipe[]; cost: PlanCost } {
  const quantity = new Map<number, number>();
  const recipes = amounts.map((a) => {
    const capsules = fewestCapsules(a.ug, strengths, settings.maxCapsulesPerDose);
    if (!capsules) throw new Error(`strengths ${strengths.join(", ")} cannot make ${a.ug} mcg`);
    for (const c of capsules) quantity.set(c, (quantity.get(c) ?? 0) + a.count);
    return { ug: a.ug, count: a.count, capsules: capsules.map((c) => micrograms(c)) };
  });
  const orders = [...quantity.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([ug, q]) => ({ ug: micrograms(ug), quantity: q }));
  const capsules = orders.reduce((n, o) => n + o.quantity, 0);
  const feesCents = cents(settings.feePerStrengthCents * orders.length);
  const capsulesCents = cents(settings.pricePerCapsuleCents * capsules);
  const totalCents = cents(feesCents + capsulesCents);
  return {
    strengths: orders,
    recipes,
    cost: {
      strengths: orders.length,
      capsules,
      feesCents,
      capsulesCents,
      totalCents,
      perDayCents: divideCents(totalCents, days),
    },
  };
}
