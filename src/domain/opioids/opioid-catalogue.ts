/**
 * The opioids the MME calculation knows: the ten of the CDC 2022 conversion table
 * (clinical reference, section 3), plus buprenorphine, which is known only so that it
 * can be refused with a reason instead of "unknown drug".
 *
 * Factors are multiplied by mg/day, except transdermal fentanyl, whose factor is per
 * mcg/hr of patch rate (CDC 2022, table footnote: "All doses are in mg/day except for
 * fentanyl, which is mcg/hr").
 */
import { CDC_2022 } from "./sources.ts";

/** How an amount of an opioid is written: mg per dose, or a patch's rate in mcg/hr. */
export type OpioidUnit = "mg" | "mcg/hr";

export type OpioidId =
  | "codeine"
  | "fentanyl"
  | "hydrocodone"
  | "hydromorphone"
  | "methadone"
  | "morphine"
  | "oxycodone"
  | "oxymorphone"
  | "tapentadol"
  | "tramadol"
  | "buprenorphine";

/** A caution a clinician must read beside a drug's MME. */
export interface OpioidCaveat {
  readonly code: string;
  readonly drug: OpioidId;
  readonly message: string;
  readonly source: string;
}

export interface OpioidDefinition {
  readonly id: OpioidId;
  /** The units an amount of this drug may be written in. */
  readonly units: readonly OpioidUnit[];
  /** MME per mg/day (per mcg/hr for the patch); null when the CDC gives none. */
  readonly factor: number | null;
  /** Where the factor comes from, or why there is none. */
  readonly factorSource: string;
  /** Single-ingredient brand names that mean this drug and nothing else. */
  readonly brands: readonly string[];
  /**
   * A potent full agonist named by 000 as an OIH/OAT risk ("e.g., oxycodone, morphine,
   * fentanyl"). Only the three it names are marked; a clinician can record the risk
   * factor by hand for any other.
   */
  readonly namedPotentFullAgonist: boolean;
  readonly caveats: readonly OpioidCaveat[];
  /** For a drug with no factor: why the MME calculation refuses it. */
  readonly refusal?: string;
}

const factorFrom = `${CDC_2022}, MME conversion table`;

const methadoneCaveat: OpioidCaveat = {
  code: "methadone-nonlinear",
  drug: "methadone",
  message:
    "methadone: 4.7 is a single figure, but methadone's conversion is nonlinear and dose-dependent " +
    "(the ratio rises with the dose) and its half-life is long and variable (respiratory depression " +
    "peaks later and lasts longer than analgesia); treat this MME as a rough estimate only",
  source: `${CDC_2022}, table cautions`,
};

const fentanylCaveat: OpioidCaveat = {
  code: "fentanyl-transdermal-only",
  drug: "fentanyl",
  message:
    "fentanyl: the factor 2.4 is per mcg/hr of a transdermal patch, not per mg; buccal, sublingual, " +
    "nasal and injected fentanyl are not covered",
  source: `${CDC_2022}, table cautions`,
};

/** Every known opioid, frozen. Order is the CDC table's (alphabetical), buprenorphine last. */
export const OPIOIDS: readonly OpioidDefinition[] = deepFreeze([
  // CDC 2022: codeine 0.15
  opioid("codeine", 0.15, [], false),
  // CDC 2022: fentanyl transdermal 2.4 per mcg/hr; 000 names fentanyl (patches) as a potent full agonist
  { ...opioid("fentanyl", 2.4, ["duragesic"], true), units: ["mcg/hr"], caveats: [fentanylCaveat] },
  // CDC 2022: hydrocodone 1.0
  opioid("hydrocodone", 1.0, ["hysingla", "zohydro"], false),
  // CDC 2022: hydromorphone 5.0
  opioid("hydromorphone", 5.0, ["dilaudid", "exalgo"], false),
  // CDC 2022: methadone 4.7 (a single figure; see the caveat)
  { ...opioid("methadone", 4.7, ["dolophine", "methadose"], false), caveats: [methadoneCaveat] },
  // CDC 2022: morphine 1.0 (the reference drug); 000 names morphine as a potent full agonist
  opioid("morphine", 1.0, ["ms contin", "kadian"], true),
  // CDC 2022: oxycodone 1.5; 000 names oxycodone as a potent full agonist
  opioid("oxycodone", 1.5, ["oxycontin", "roxicodone"], true),
  // CDC 2022: oxymorphone 3.0
  opioid("oxymorphone", 3.0, ["opana"], false),
  // CDC 2022: tapentadol 0.4
  opioid("tapentadol", 0.4, ["nucynta"], false),
  // CDC 2022: tramadol 0.2
  opioid("tramadol", 0.2, ["ultram"], false),
  {
    id: "buprenorphine",
    // Sublingual/buccal in mg, patches (Butrans) in mcg/hr: both are recognised so the
    // refusal explains itself whichever way it was written.
    units: ["mg", "mcg/hr"],
    factor: null,
    factorSource: `${CDC_2022}: buprenorphine is left out of the MME table`,
    brands: ["butrans", "belbuca", "subutex", "suboxone", "zubsolv"],
    namedPotentFullAgonist: false,
    caveats: [],
    refusal:
      "it has no MME conversion factor in CDC 2022 (buprenorphine is a partial agonist, left out of MME " +
      "totals), and naltrexone competes with it at the same receptor; record it for the clinician to " +
      "review instead of converting it",
  },
]);

function opioid(id: OpioidId, factor: number, brands: readonly string[], named: boolean): OpioidDefinition {
  return {
    id,
    units: ["mg"],
    factor,
    factorSource: factorFrom,
    brands,
    namedPotentFullAgonist: named,
    caveats: [],
  };
}

/**
 * Combination products (an opioid with paracetamol/acetaminophen): their names are
 * clear, but their strengths are written "5/325", and taking the wrong number would
 * be a 65-fold error. They are refused with the way to write them instead.
 */
export const COMBINATION_PRODUCTS: Readonly<Record<string, OpioidId>> = Object.freeze({
  percocet: "oxycodone",
  endocet: "oxycodone",
  norco: "hydrocodone",
  vicodin: "hydrocodone",
  lortab: "hydrocodone",
  "tylenol 3": "codeine",
  "tylenol with codeine": "codeine",
  ultracet: "tramadol",
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
