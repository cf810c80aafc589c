/**
 * The risk factors for opioid-induced hyperalgesia (OIH) and opioid analgesic tolerance
 * (OAT) that 000 lists under "Patients most at risk for OIH and OAT" (clinical reference,
 * section 3): a fixed list, so that a clinic's records can be counted and compared.
 * The bracketed numbers are 000's own references.
 */
import { invalidArgument } from "../errors.ts";
import { SOURCE_000 } from "../opioids/sources.ts";

export type OihRiskFactorId =
  | "long-term-high-dose-opioids"
  | "potent-full-agonist"
  | "escalating-opioids-or-diffuse-pain"
  | "centralized-pain"
  | "sleep-disturbance"
  | "mood-disorder"
  | "high-pain-sensitivity";

export interface OihRiskFactor {
  readonly id: OihRiskFactorId;
  readonly label: string;
  readonly source: string;
}

export const OIH_RISK_FACTORS: readonly OihRiskFactor[] = Object.freeze(
  [
    {
      id: "long-term-high-dose-opioids",
      label: "long-term, high-dose opioid therapy",
      source: `${SOURCE_000} [13][15][19]`,
    },
    {
      id: "potent-full-agonist",
      label: "a potent full agonist opioid (e.g. oxycodone, morphine, fentanyl)",
      source: `${SOURCE_000} [13]`,
    },
    {
      id: "escalating-opioids-or-diffuse-pain",
      label: "escalating opioid requirements, or diffuse, poorly localised pain",
      source: `${SOURCE_000} [2][13]`,
    },
    {
      id: "centralized-pain",
      label:
        "a centralized pain condition (chronic headache, chronic back pain, fibromyalgia, CRPS, neuropathy, MS, " +
        "chronic pelvic pain)",
      source: `${SOURCE_000} [1][10]`,
    },
    { id: "sleep-disturbance", label: "sleep disturbance", source: `${SOURCE_000} [1][2][10][17][18]` },
    { id: "mood-disorder", label: "a mood disorder", source: `${SOURCE_000} [1][2][10][17][18]` },
    {
      id: "high-pain-sensitivity",
      label: "high baseline pain sensitivity",
      source: `${SOURCE_000} [1][2][10][17][18]`,
    },
  ].map((f) => Object.freeze(f as OihRiskFactor)),
);

/** The ids, for help text and error messages. */
export const OIH_RISK_FACTOR_IDS: readonly OihRiskFactorId[] = OIH_RISK_FACTORS.map((f) => f.id);

/**
 * Looks a risk factor up by id, refusing an unknown id with the list of known ones.
 *
 * @example getOihRiskFactor("mood-disorder").label // "a mood disorder"
 */
export function getOihRiskFactor(id: string): OihRiskFactor {
  const found = OIH_RISK_FACTORS.find((f) => f.id === id);
  if (!found) throw invalidArgument("risk factor", id, `unknown; known: ${OIH_RISK_FACTOR_IDS.join(", ")}`);
  return found;
}
