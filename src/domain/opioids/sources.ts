/**
 * The published sources behind every opioid number in this folder, written once so
 * each fact can name its source in the same words everywhere (code, JSON, screen).
 * The clinical reference (`shared/docs/clinical-reference.md`, section 3) summarises them.
 */

/** CDC 2022 guideline: the MME conversion factors and their cautions (cited in 000 as ref. 19). */
export const CDC_2022 =
  "CDC 2022 (Dowell et al., CDC Clinical Practice Guideline for Prescribing Opioids for Pain, MMWR Recomm Rep 2022;71(3))";

/** CDC 2016 guideline: the 50 and 90 MME/day thresholds (cited in 000 as ref. 15). */
export const CDC_2016 =
  "CDC 2016 (Dowell et al., CDC Guideline for Prescribing Opioids for Chronic Pain, JAMA 2016)";

/** The micro-titration study whose criteria the screening follows. */
export const STUDY_004 = "004 (Marcus et al., J Pain Res 2024)";

/** Accurate Clinic's OIH/OAT overview: risk factors and ULDN with opioids. */
export const SOURCE_000 = "000 (Accurate Clinic, Naltrexone for Pain: OIH, OAT and central sensitization)";

/** Liptan's account of ultra-low-dose naltrexone alongside opiates. */
export const SOURCE_002 = "002 (Liptan, ultra-low-dose naltrexone with opiates)";
