/**
 * The published sources behind every questionnaire number in this folder, written once so
 * code, JSON and screen name them in the same words. The clinical reference
 * (`shared/docs/clinical-reference.md`, section 4) summarises them.
 */

/** The BPI's own documentation: items, the two scores and the copyright terms. */
export const BPI_USER_GUIDE =
  "Cleeland CS. The Brief Pain Inventory User Guide. MD Anderson Cancer Center, 2009 (BPI copyright C. S. Cleeland 1991)";

/** Global Physical and Mental Health raw-to-T tables with standard errors. */
export const HAYS_2009 =
  "Hays RD et al. Development of physical and mental health summary scores from the PROMIS global items. Qual Life Res 2009;18:873-880";

/** Where the PROMIS Physical Function short-form tables are published. */
export const PF_SCORING_MANUAL =
  "HealthMeasures, PROMIS Physical Function Scoring Manual (short form v2.0, 4a)";

/** The T-score table of PF 4a v2.0 as this project could check it: see promis-physical-function.ts. */
export const PF_4A_TABLE_PROVENANCE =
  "PF 4a v2.0 raw-to-T table checked against secondary copies only (the clinical reference and an independent analysis script); the HealthMeasures manual itself could not be consulted";

/** Minimal important change in pain intensity ratings. */
export const FARRAR_2001 =
  "Farrar JT et al. Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain 2001;94:149-158";

/** The clinical reference of this project, section 4 (meaningful change). */
export const CLINICAL_REFERENCE_4 = "clinical reference, section 4 (outcome instruments, meaningful change)";
