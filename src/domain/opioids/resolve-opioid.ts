/**
 * Turns a drug name as a person writes it ("Oxycodone", "OxyContin", "ms-contin") into
 * one known opioid, or refuses it with an error that names the drug and lists what is
 * known. Names compare without case, spaces, hyphens or "#".
 */
import { unknownOpioid } from "../errors.ts";
import { COMBINATION_PRODUCTS, OPIOIDS, type OpioidDefinition } from "./opioid-catalogue.ts";

const key = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

const BY_NAME: ReadonlyMap<string, OpioidDefinition> = new Map(
  OPIOIDS.flatMap((o) => [o.id, ...o.brands].map((name) => [key(name), o] as const)),
);

const COMBINATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries(COMBINATION_PRODUCTS).map(([brand, drug]) => [key(brand), drug]),
);

/** The generic names accepted, for error messages and help text. */
export const KNOWN_OPIOID_NAMES: readonly string[] = OPIOIDS.map((o) => o.id);

/**
 * Finds the opioid a name means. Buprenorphine resolves (its definition carries the
 * refusal); combination brands and unknown names throw `unknown_opioid`.
 *
 * @example resolveOpioid("OxyContin").id // "oxycodone"
 * @example resolveOpioid("ms-contin").id // "morphine"
 */
export function resolveOpioid(name: string): OpioidDefinition {
  const k = key(name);
  const found = BY_NAME.get(k);
  if (found) return found;
  const combined = COMBINATIONS.get(k);
  if (combined) {
    throw unknownOpioid(
      name,
      `"${name}" is a combination product; write its opioid and the opioid's mg per dose, ` +
        `e.g. "${combined} 5mg x4" for a 5/325 tablet four times a day`,
    );
  }
  throw unknownOpioid(
    name,
    `unknown opioid "${name}"; known: ${KNOWN_OPIOID_NAMES.join(", ")} ` +
      `(or a single-ingredient brand such as OxyContin)`,
  );
}
