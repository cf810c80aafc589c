/**
 * The screening rules, as data: each has a code, what it does (excludes / review /
 * note), whom it concerns (every protocol, or only the mg-range ones), its source, a
 * test on the facts and the message a clinician reads. The criteria are those of 004
 * (adults 18+, pain for more than 6 months; excluded: more than 90 MME/day, pregnancy);
 * the opioid and OIH findings come from the clinical reference, section 3.
 */
import { formatMme } from "../opioids/format-mme.ts";
import { CDC_2016, CDC_2022, SOURCE_000, STUDY_004 } from "../opioids/sources.ts";
import type { ScreeningFacts } from "./facts.ts";
import type { ReasonEffect, ReasonScope } from "./types.ts";

export interface ScreeningRule {
  readonly code: string;
  readonly effect: ReasonEffect;
  readonly scope: ReasonScope;
  readonly source: string;
  readonly applies: (facts: ScreeningFacts) => boolean;
  readonly message: (facts: ScreeningFacts) => string;
}

/**
 * Stored with every result, so a decision can be traced to the rules that made it.
 * screening@2: each ULDN protocol's interaction message and fit cite their own source (000's "no
 * increased risk of withdrawal" only for its 1 mcg twice daily; 002's withdrawal warning for 0.5-1 mg).
 */
export const SCREENING_RULES_VERSION = "screening@2";

// 004, inclusion criteria: "ages 18 and older"
const MIN_AGE_YEARS = 18;
// 004, inclusion criteria: "pain for more than 6 months"
const MIN_PAIN_MONTHS_EXCLUSIVE = 6;

const total = (f: ScreeningFacts) => formatMme(f.mme?.totalMmePerDay ?? 0);
const opioidNames = (f: ScreeningFacts) => [...new Set(f.activeOpioids.map((o) => o.drug))].join(", ");
const months = (n: number) => (n === 1 ? "1 month" : `${n} months`);
const hasOpioids = (f: ScreeningFacts) => f.activeOpioids.length > 0;

// Messages are in a clinician's words: the document numbers (004, 000) are in each rule's
// `source`, which the web shows behind "Source" (issue 12), not in the sentence itself.
export const SCREENING_RULES: readonly ScreeningRule[] = Object.freeze([
  {
    code: "under-18",
    effect: "excludes",
    scope: "all",
    source: `${STUDY_004}, inclusion criteria`,
    applies: (f) => f.input.ageYears < MIN_AGE_YEARS,
    message: (f) =>
      `age ${f.input.ageYears}: the study treated adults aged ${MIN_AGE_YEARS} and older; the sources give no ` +
      "evidence for younger patients",
  },
  {
    code: "pain-6-months-or-less",
    effect: "excludes",
    scope: "all",
    source: `${STUDY_004}, inclusion criteria`,
    applies: (f) => f.input.painMonths <= MIN_PAIN_MONTHS_EXCLUSIVE,
    message: (f) =>
      `pain for ${months(f.input.painMonths)}: the study included pain for more than ${MIN_PAIN_MONTHS_EXCLUSIVE} ` +
      `months; screen again once it has lasted longer`,
  },
  {
    code: "pregnant",
    effect: "excludes",
    scope: "all",
    source: `${STUDY_004}, exclusion criteria`,
    applies: (f) => f.input.pregnancy === "yes",
    message: () => "pregnant: the study excluded pregnancy",
  },
  {
    code: "pregnancy-unknown",
    effect: "review",
    scope: "all",
    source: `${STUDY_004}, exclusion criteria`,
    applies: (f) => f.input.pregnancy === "unknown",
    message: () =>
      "pregnancy status unknown: the study excluded pregnancy; confirm it before naltrexone is started " +
      '(record "not-applicable" for a patient who cannot be pregnant)',
  },
  {
    code: "mme-above-004-exclusion",
    effect: "excludes",
    scope: "mg-range",
    source: `${STUDY_004}, exclusion criteria`,
    applies: (f) => f.mmeFlags.has("above-004-exclusion"),
    message: (f) =>
      `opioids total ${total(f)} MME/day, more than 90: the study excluded patients above 90 MME/day, so mg-range ` +
      "naltrexone is ruled out; ULDN alongside opioids is for the clinician to consider",
  },
  {
    code: "mme-cdc-90",
    effect: "note",
    scope: "all",
    source: CDC_2016,
    applies: (f) => f.mmeFlags.has("cdc-2016-90"),
    message: (f) =>
      `opioids total ${total(f)} MME/day: CDC 2016 advises avoiding 90 MME/day or more, or carefully justifying it`,
  },
  {
    code: "mme-cdc-50",
    effect: "note",
    scope: "all",
    source: CDC_2016,
    // The 90 note already says more; one note per total is enough to read.
    applies: (f) => f.mmeFlags.has("cdc-2016-50") && !f.mmeFlags.has("cdc-2016-90"),
    message: (f) =>
      `opioids total ${total(f)} MME/day: CDC 2016 asks for the benefits and risks to be reassessed at 50 MME/day or more`,
  },
  {
    code: "opioid-without-mme",
    effect: "review",
    scope: "all",
    source: `${CDC_2022}; ${SOURCE_000}`,
    applies: (f) => f.withoutFactor.length > 0,
    message: (f) =>
      `${[...new Set(f.withoutFactor.map((o) => o.drug))].join(", ")}: buprenorphine has no MME factor ` +
      "(a partial agonist, left out of the MME total, so the 90 MME/day check is incomplete) and naltrexone " +
      "competes with it at the same receptor; a clinician must review",
  },
  {
    code: "must-stay-without-opioid-list",
    effect: "review",
    scope: "all",
    source: "clinical reference, section 3",
    applies: (f) => f.input.mustStayOnOpioids && !hasOpioids(f),
    message: () =>
      "the patient must stay on opioids, but none is listed: list the current opioids so that the MME and the " +
      "naltrexone interaction can be checked",
  },
  {
    code: "active-opioids",
    effect: "note",
    scope: "all",
    source: "clinical reference, section 3",
    applies: hasOpioids,
    message: (f) =>
      `on opioids (${opioidNames(f)}): naltrexone blocks opioid receptors; any naltrexone plan needs a ` +
      "clinician's recorded decision to go on",
  },
  {
    code: "oih-risk-with-opioids",
    effect: "note",
    scope: "all",
    source: SOURCE_000,
    applies: (f) => hasOpioids(f) && f.riskFactors.length > 0,
    message: (f) =>
      `OIH/OAT risk factors with opioid therapy: ${f.riskFactors.map((r) => r.label).join("; ")}. ` +
      "ULDN is preferred for OIH and OAT in patients who must remain on opioids",
  },
  {
    code: "centralized-pain",
    effect: "note",
    scope: "all",
    source: SOURCE_000,
    applies: (f) => f.riskFactors.some((r) => r.id === "centralized-pain"),
    message: () =>
      "centralized pain: LDN is reported especially effective for fibromyalgia and other centralized pain syndromes",
  },
] satisfies ScreeningRule[]);
