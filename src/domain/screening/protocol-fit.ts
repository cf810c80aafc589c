/**
 * Which protocols fit a screened patient, as data: an ordered list of fit rules, the
 * first that applies deciding. Every fit carries the naltrexone-opioid interaction
 * check (`checkOpioidInteraction`), so no plan for a patient on opioids goes ahead
 * without a clinician's recorded decision.
 */
import { checkOpioidInteraction } from "../opioids/interaction.ts";
import { SOURCE_000, SOURCE_002, STUDY_004 } from "../opioids/sources.ts";
import { uldnStatement } from "../opioids/uldn-sources.ts";
import type { ScreeningFacts } from "./facts.ts";
import type { Fit, ProtocolFit, ScreenableProtocol, ScreeningReason } from "./types.ts";

interface FitContext {
  readonly protocol: ScreenableProtocol;
  readonly facts: ScreeningFacts;
  readonly reasons: readonly ScreeningReason[];
  /** Made to run alongside opioids and dosed in micrograms. */
  readonly ultraLow: boolean;
  readonly onOpioids: boolean;
}

export interface FitRule {
  readonly code: string;
  readonly fit: Fit;
  readonly source: (c: FitContext) => string;
  readonly when: (c: FitContext) => boolean;
  readonly why: (c: FitContext) => string;
}

const excluding = (c: FitContext, scope: "all" | "mg-range") =>
  c.reasons.filter((r) => r.effect === "excludes" && r.scope === scope);

/** 004's key finding: the MED is idiosyncratic and a fixed dose misses many patients, so titrate. */
const FIRST_CHOICE_WITHOUT_OPIOIDS = "micro-titration";

export const FIT_RULES: readonly FitRule[] = Object.freeze([
  {
    code: "not-eligible",
    fit: "unsuitable",
    when: (c) => excluding(c, "all").length > 0,
    why: (c) =>
      `not eligible (${excluding(c, "all")
        .map((r) => r.code)
        .join(", ")})`,
    source: (c) =>
      excluding(c, "all")
        .map((r) => r.source)
        .join("; "),
  },
  {
    code: "mg-range-excluded",
    fit: "unsuitable",
    when: (c) => !c.ultraLow && excluding(c, "mg-range").length > 0,
    why: (c) =>
      `mg-range naltrexone is ruled out (${excluding(c, "mg-range")
        .map((r) => r.code)
        .join(", ")})`,
    source: (c) =>
      excluding(c, "mg-range")
        .map((r) => r.source)
        .join("; "),
  },
  {
    code: "uldn-without-opioids",
    fit: "unsuitable",
    when: (c) => c.ultraLow && !c.onOpioids && !c.facts.input.mustStayOnOpioids,
    why: () => "ULDN is made to run alongside opioid therapy, and no opioid is listed",
    source: () => `${SOURCE_000}; ${SOURCE_002}`,
  },
  {
    code: "uldn-must-stay-on-opioids",
    fit: "suggested",
    when: (c) => c.ultraLow && c.facts.input.mustStayOnOpioids,
    // Each ULDN protocol in its own source's words: 000's pearl was said of 1 mcg twice daily.
    why: (c) => uldnStatement(c.protocol.id).mustStay,
    source: (c) => uldnStatement(c.protocol.id).mustStaySource,
  },
  {
    code: "uldn-with-opioids",
    fit: "possible",
    when: (c) => c.ultraLow,
    why: () => "ULDN runs alongside ongoing opioid therapy",
    source: () => `${SOURCE_000}; ${SOURCE_002}`,
  },
  {
    code: "mg-range-must-stay-on-opioids",
    fit: "possible",
    when: (c) => c.facts.input.mustStayOnOpioids,
    why: () =>
      "possible only with the clinician's recorded decision: the patient must stay on opioids, for whom 000 " +
      "prefers ULDN",
    source: () => `${SOURCE_000}, clinical pearls`,
  },
  {
    code: "mg-range-with-opioids",
    fit: "possible",
    when: (c) => c.onOpioids,
    why: () =>
      "possible with the clinician's recorded decision: 004 titrated patients taking up to 90 MME/day " +
      "(10 of 41 took opioids)",
    source: () => `${STUDY_004}, exclusion criteria and results`,
  },
  {
    code: "titration-finds-med",
    fit: "suggested",
    when: (c) => c.protocol.id === FIRST_CHOICE_WITHOUT_OPIOIDS,
    why: () =>
      "each patient's maximally effective dose is idiosyncratic (0.1 to 5.6 mg/day in 004); titration finds " +
      "it where a fixed dose misses many",
    source: () => `${STUDY_004}, results and conclusions`,
  },
  {
    code: "meets-criteria",
    fit: "possible",
    when: () => true,
    why: () => "no screening rule rules it out",
    source: () => `${STUDY_004}, inclusion and exclusion criteria`,
  },
] satisfies FitRule[]);

/**
 * Decides how `protocol` fits, by the first fit rule that applies.
 *
 * @example fitProtocol(getProtocol("micro-titration"), facts, reasons).fit // "suggested" for a patient off opioids
 */
export function fitProtocol(
  protocol: ScreenableProtocol,
  facts: ScreeningFacts,
  reasons: readonly ScreeningReason[],
): ProtocolFit {
  const context: FitContext = {
    protocol,
    facts,
    reasons,
    ultraLow: protocol.withOpioids && protocol.unit === "mcg",
    onOpioids: facts.activeOpioids.length > 0,
  };
  // The last rule always applies, so a rule is always found.
  const rule = FIT_RULES.find((r) => r.when(context))!;
  return {
    protocolId: protocol.id,
    protocolKey: `${protocol.id}@${protocol.version}`,
    fit: rule.fit,
    code: rule.code,
    why: rule.why(context),
    source: rule.source(context),
    interaction: checkOpioidInteraction(protocol, facts.activeOpioids),
  };
}
