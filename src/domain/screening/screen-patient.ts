/**
 * Screening for LDN: from a patient's age, pain duration, pregnancy status, opioids and
 * OIH/OAT risk factors to an eligibility, the reasons with their sources, and how each
 * protocol fits. Pure: the same input always gives the same result.
 */
import { PROTOCOLS } from "../protocols/catalogue.ts";
import { deriveFacts } from "./facts.ts";
import { fitProtocol } from "./protocol-fit.ts";
import { SCREENING_RULES, SCREENING_RULES_VERSION } from "./rules.ts";
import type {
  Eligibility,
  ScreenableProtocol,
  ScreeningInput,
  ScreeningReason,
  ScreeningResult,
} from "./types.ts";

/**
 * Screens a patient against the rules of `rules.ts` and fits each protocol.
 *
 * @example
 * screenPatient({
 *   ageYears: 45, painMonths: 24, pregnancy: "no",
 *   opioids: [{ drug: "oxycodone", amount: 10, unit: "mg", dosesPerDay: 3 }],
 *   mustStayOnOpioids: true, riskFactors: ["centralized-pain"],
 * }).protocols.find((p) => p.fit === "suggested")?.protocolId // "uldn-with-opioids"
 */
export function screenPatient(
  input: ScreeningInput,
  protocols: readonly ScreenableProtocol[] = PROTOCOLS,
): ScreeningResult {
  const facts = deriveFacts(input);
  const reasons: ScreeningReason[] = SCREENING_RULES.filter((rule) => rule.applies(facts)).map((rule) => ({
    code: rule.code,
    effect: rule.effect,
    scope: rule.scope,
    message: rule.message(facts),
    source: rule.source,
  }));
  return {
    rules: SCREENING_RULES_VERSION,
    eligibility: eligibilityOf(reasons),
    reasons,
    protocols: protocols.map((p) => fitProtocol(p, facts, reasons)),
    mme: facts.mme,
    opioidsWithoutMme: facts.withoutFactor.map((o) => o.drug),
    riskFactors: facts.riskFactors,
  };
}

/**
 * Not eligible when any reason excludes every protocol; needs review when any reason
 * asks for review or rules out some protocols only (the clinician chooses among the
 * rest); eligible otherwise.
 *
 * @example eligibilityOf([{ code: "pregnant", effect: "excludes", scope: "all", message: "", source: "" }]) // "not-eligible"
 */
export function eligibilityOf(reasons: readonly ScreeningReason[]): Eligibility {
  if (reasons.some((r) => r.effect === "excludes" && r.scope === "all")) return "not-eligible";
  if (reasons.some((r) => r.effect === "review" || r.effect === "excludes")) return "needs-review";
  return "eligible";
}
