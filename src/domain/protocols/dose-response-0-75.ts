import { micrograms as ug } from "../dose.ts";
import { CLINIC_SETTING, defineProtocol } from "./define.ts";

/**
 * Dose-response up-and-down design (Bruun-Plesner et al., Pain Med 2020, cited in 004):
 * start 0.75 mg/day, move up or down in 0.75 mg steps. The schedule shows the upward
 * path; moving down is a response-driven adjustment.
 */
export const doseResponse075 = defineProtocol({
  id: "dose-response-0.75",
  version: 1,
  name: "Dose-response (0.75 mg steps)",
  source: { doc: "004", citation: "Bruun-Plesner et al., Pain Med 2020 (cited in 004)" },
  rule:
    "Start 0.75 mg/day; move up or down in 0.75 mg steps by response (up-and-down design). " +
    "Reported ED50 3.88 mg, ED95 5.4 mg; 11 of 25 responsive.",
  unit: "mg",
  withOpioids: false,
  limits: {
    maxPerDoseUg: ug(6000), // clinic setting: 004's 6 mg/day ceiling, taken once
    maxPerDayUg: ug(6000), // clinic setting: 004's 6 mg/day ceiling (ED95 5.4 mg lies below it)
    maxStepUg: ug(750), // Bruun-Plesner 2020: 0.75 mg steps
    maxDosesPerDay: 1, // clinic setting: the source as cited gives no division
    why: {
      maxPerDoseUg: `${CLINIC_SETTING}: 6 mg once daily`,
      maxPerDayUg: `${CLINIC_SETTING}: the 6 mg/day ceiling of 004`,
      maxStepUg: "Bruun-Plesner 2020: 0.75 mg steps",
      maxDosesPerDay: `${CLINIC_SETTING}: once daily`,
    },
  },
  settings: [
    {
      kind: "integer",
      key: "daysPerStep",
      label: "Days at each dose",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}: the reference gives no period per step`,
      default: 14,
      min: 3,
      max: 28,
      unit: "days",
    },
    {
      kind: "times",
      key: "times",
      label: "Dose time",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}`,
      default: ["21:00"],
    },
  ],
  notes: ["Only the upward path is scheduled in advance; steps down follow the patient's response."],
  regimen: (s) => ({
    startUg: ug(750), // Bruun-Plesner 2020: start 0.75 mg/day
    stepUg: ug(750), // Bruun-Plesner 2020: 0.75 mg steps
    daysPerLevel: s.integers.daysPerStep!,
    plateauUg: ug(6000), // clinic setting: 8 steps of 0.75 mg reach 004's 6 mg ceiling
    granularityUg: ug(750),
    defaultDays: 8 * s.integers.daysPerStep!,
  }),
});
