import { micrograms as ug } from "../dose.ts";
import { CLINIC_SETTING, defineProtocol } from "./define.ts";

/**
 * Micro-titration (004, Marcus et al., J Pain Res 2024, "Dosing Protocol for LDN"):
 * level k = k x 0.1 mg/day on days 2k-1 and 2k, up to 4 divided doses, to 6.0 mg/day.
 */
export const microTitration = defineProtocol({
  id: "micro-titration",
  // 2: no per-dose cap below the daily maximum (004 allows the MED once a day); schedules end on day 120.
  version: 2,
  name: "Micro-titration",
  source: { doc: "004", citation: "Marcus et al., J Pain Res 2024, Dosing Protocol for LDN" },
  rule:
    "Start 0.1 mg/day; hold each level 2 days; add 0.1 mg/day every 3rd day; divide into up to 4 doses a day; " +
    "maximum 6 mg/day (1.5 mg four times a day, days 119-120); stop if no improvement at 6 mg. " +
    "After 2 successive increases with no additional improvement, go back to the dose before them: that is the MED.",
  unit: "mg",
  withOpioids: false,
  limits: {
    // 004: after the MED, the same total "two or three times per day, or once a day"; no per-dose
    // cap is published, so a single dose may be the whole day's (at most 6 mg). During the
    // titration the 4-aliquot rule keeps each dose at or under 1.5 mg anyway.
    maxPerDoseUg: ug(6000),
    maxPerDayUg: ug(6000), // 004: maximum 6.0 mg/day
    maxStepUg: ug(100), // 004: +0.1 mg/day per step
    maxDosesPerDay: 4, // 004: divided doses, up to 4 a day
    why: {
      maxPerDoseUg: "004: the MED may be taken once a day; no per-dose cap is published",
      maxPerDayUg: "004: maximum 6 mg/day",
      maxStepUg: "004: steps of 0.1 mg/day",
      maxDosesPerDay: "004: up to 4 doses a day",
    },
  },
  settings: [
    {
      kind: "times",
      key: "times",
      label: "Dose times",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}: 004 gives up to 4 doses a day but not their times`,
      default: ["08:00", "12:00", "16:00", "20:00"],
    },
  ],
  notes: [
    "Sleep problems: last dose no later than 4 PM, then earlier, then all in the morning (004).",
    "GI upset: take with food; stay on the dose that caused it until it settles, then resume (004).",
  ],
  regimen: () => ({
    startUg: ug(100), // 004: start 0.1 mg/day
    stepUg: ug(100), // 004: +0.1 mg/day
    daysPerLevel: 2, // 004: each level held 2 days
    plateauUg: ug(6000), // 004: 6.0 mg/day on days 119 and 120
    granularityUg: ug(100), // 004: aliquots of whole 0.1 mg units
    defaultDays: 120, // 004: level 60 ends on day 120
    lastDay: 120, // 004: stop if no improvement at 6.0 mg; nothing is scheduled past day 120
  }),
});
