/** What the patient does for each dose amount of a plan: which capsules, or which volume. */
import type { CapsulePlan } from "../domain/compounding/capsule-plan.ts";
import type { LiquidPlan } from "../domain/compounding/liquid-plan.ts";
import { formatVolume } from "../domain/compounding/liquid-units.ts";
import { formatDose } from "../domain/dose.ts";

/**
 * A map from dose (micrograms) to what to take: "2 capsules: 0.3 mg + 0.1 mg"
 * or "0.4 mL" (liquid). Capsules are named by strength, since that is what the label says.
 *
 * @example howToTake(capsulePlan).get(400) // "2 capsules: 0.3 mg + 0.1 mg"
 */
export function howToTake(plan: CapsulePlan | LiquidPlan): ReadonlyMap<number, string> {
  if (plan.form === "liquid") return new Map(plan.doses.map((d) => [d.ug, formatVolume(d.volumeUl)]));
  return new Map(
    plan.recipes.map((r) => {
      const n = r.capsules.length;
      return [r.ug, `${n} capsule${n === 1 ? "" : "s"}: ${r.capsules.map((c) => formatDose(c)).join(" + ")}`];
    }),
  );
}
