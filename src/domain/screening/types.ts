/**
 * What screening takes and gives. The JSON form of `ScreeningResult` is a stable
 * contract (printed by `ldn screen --format json`): keys are only ever added.
 */
import type { DoseUnit } from "../dose.ts";
import type { OpioidInteractionWarning } from "../opioids/interaction.ts";
import type { MmeResult } from "../opioids/mme.ts";
import type { OpioidRegimen } from "../opioids/regimen.ts";
import type { OihRiskFactor } from "./risk-factors.ts";

/** "not-applicable": the patient cannot be pregnant (recorded by the clinician). */
export type PregnancyStatus = "yes" | "no" | "unknown" | "not-applicable";

export const PREGNANCY_STATUSES: readonly PregnancyStatus[] = ["yes", "no", "unknown", "not-applicable"];

export interface ScreeningInput {
  /** Whole years. */
  readonly ageYears: number;
  /** How long the pain has lasted, in whole months. */
  readonly painMonths: number;
  readonly pregnancy: PregnancyStatus;
  /** The opioids the patient takes now; empty when none. */
  readonly opioids: readonly OpioidRegimen[];
  /** The patient must stay on opioids (cannot taper or stop them for naltrexone). */
  readonly mustStayOnOpioids: boolean;
  /** OIH/OAT risk factor ids (see `risk-factors.ts`) the clinician has recorded. */
  readonly riskFactors: readonly string[];
}

export type Eligibility = "eligible" | "not-eligible" | "needs-review";

/**
 * What a finding does: "excludes" rules the patient (or, with scope "mg-range", the
 * mg-range protocols) out; "review" needs a clinician before going on; "note" informs.
 */
export type ReasonEffect = "excludes" | "review" | "note";
export type ReasonScope = "all" | "mg-range";

export interface ScreeningReason {
  readonly code: string;
  readonly effect: ReasonEffect;
  readonly scope: ReasonScope;
  readonly message: string;
  readonly source: string;
}

export interface RiskFactorFinding extends OihRiskFactor {
  /** "clinician" when recorded by hand; "opioids" when read from the opioid list. */
  readonly recordedFrom: "clinician" | "opioids";
}

export type Fit = "suggested" | "possible" | "unsuitable";

/** What screening needs to know of a protocol. */
export interface ScreenableProtocol {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly withOpioids: boolean;
  readonly unit: DoseUnit;
}

export interface ProtocolFit {
  readonly protocolId: string;
  /** "id@version": the protocol version this recommendation was made for. */
  readonly protocolKey: string;
  readonly fit: Fit;
  /** The fit rule that decided (see `protocol-fit.ts`). */
  readonly code: string;
  readonly why: string;
  readonly source: string;
  /** Set whenever an opioid is active; the plan needs a clinician's recorded decision. */
  readonly interaction: OpioidInteractionWarning | null;
}

export interface ScreeningResult {
  /** The rule set that produced this result, to be stored with it. */
  readonly rules: string;
  readonly eligibility: Eligibility;
  readonly reasons: readonly ScreeningReason[];
  readonly protocols: readonly ProtocolFit[];
  /** MME of the convertible opioids; null when there are none. */
  readonly mme: MmeResult | null;
  /** Opioids listed that have no MME factor (buprenorphine), as written. */
  readonly opioidsWithoutMme: readonly string[];
  readonly riskFactors: readonly RiskFactorFinding[];
}
