/**
 * The naltrexone-opioid interaction check, for screening now and for treatment plans
 * later. Naltrexone blocks opioid receptors: at standard doses (50 mg) it blocks opioid
 * analgesia and can precipitate withdrawal, so combining it with opioids needs care, and
 * ULDN is the option for a patient who must stay on opioids (clinical reference,
 * section 3; 000, 002). The reference requires an alert on ANY naltrexone plan for a
 * patient with an active opioid and a clinician's recorded decision to go on; so ULDN
 * gets one too, as a caution rather than a warning, because running alongside opioids
 * is what it is for.
 */
import type { DoseUnit } from "../dose.ts";
import { SOURCE_000, SOURCE_002 } from "./sources.ts";
import { uldnStatement } from "./uldn-sources.ts";

/** What the check needs to know of a protocol or plan. */
export interface ProtocolLike {
  readonly id: string;
  /** Shown in the message: a clinician reads "Micro-titration", not the id "micro-titration". */
  readonly name: string;
  readonly withOpioids: boolean;
  readonly unit: DoseUnit;
}

export type InteractionCode = "naltrexone-blocks-opioids" | "uldn-alongside-opioids";

export interface OpioidInteractionWarning {
  readonly code: InteractionCode;
  /** "warning" for a mg-range plan; "caution" for an ultra-low-dose plan made for opioids. */
  readonly severity: "warning" | "caution";
  readonly protocolId: string;
  /** The active opioids as written, each once. */
  readonly opioids: readonly string[];
  readonly message: string;
  readonly source: string;
  /** Always true: the plan may go on only once a clinician has recorded the decision. */
  readonly requiresClinicianDecision: true;
}

const MG_RANGE_SOURCE = `clinical reference, section 3; ${SOURCE_000}; ${SOURCE_002}`;

/**
 * Returns the interaction warning for giving `protocol` to a patient on `activeOpioids`,
 * or null when no opioid is active. A protocol counts as ultra-low-dose only when it is
 * both made for opioids and dosed in micrograms; anything else gets the full warning.
 *
 * @example
 * checkOpioidInteraction({ id: "micro-titration", withOpioids: false, unit: "mg" }, [{ drug: "oxycodone" }])
 * // { code: "naltrexone-blocks-opioids", severity: "warning", requiresClinicianDecision: true, ... }
 */
export function checkOpioidInteraction(
  protocol: ProtocolLike,
  activeOpioids: readonly { readonly drug: string }[],
): OpioidInteractionWarning | null {
  const opioids = [...new Set(activeOpioids.map((o) => o.drug))];
  if (opioids.length === 0) return null;
  const list = opioids.join(", ");
  const ultraLow = protocol.withOpioids && protocol.unit === "mcg";
  // Each ULDN protocol cites the source that says what its message says (see uldn-sources.ts).
  const uldn = ultraLow ? uldnStatement(protocol.id) : null;
  return {
    code: uldn ? "uldn-alongside-opioids" : "naltrexone-blocks-opioids",
    severity: uldn ? "caution" : "warning",
    protocolId: protocol.id,
    opioids,
    message: uldn
      ? `${protocol.name} is ultra-low-dose naltrexone, ${uldn.doses}, meant to run alongside opioids ` +
        `(${list}); ${uldn.says}. A clinician must record the decision to combine them`
      : // The sources (000: at standard doses; 002: it knocks opioids off their receptors) are in
        // `source`, shown to a clinician who asks (issue 12: citations only where asked for).
        `${protocol.name} is naltrexone in the mg range with an active opioid (${list}): naltrexone blocks ` +
        "opioid receptors and can block opioid analgesia or precipitate withdrawal, knocking opioids off " +
        "their receptors and worsening pain; ULDN is the option for a patient who must stay on opioids; a " +
        "clinician must record the decision to go on",
    source: uldn ? uldn.source : MG_RANGE_SOURCE,
    requiresClinicianDecision: true,
  };
}
