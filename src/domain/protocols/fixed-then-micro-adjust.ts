import { micrograms as ug } from "../dose.ts";
import { CLINIC_SETTING, defineProtocol } from "./define.ts";

/**
 * Fixed dose, then micro-adjustment (004, Conclusions): start at a fixed dose (e.g.
 * 3.0 or 4.5 mg); if it works, adjust by 0.1 mg above and below it to establish the
 * MED. Proposed to shorten titration, a cause of drop-out.
 */
export const fixedThenMicroAdjust = defineProtocol({
  id: "fixed-then-micro-adjust",
  version: 1,
  name: "Fixed dose, then micro-adjust",
  source: { doc: "004", citation: "Marcus et al., J Pain Res 2024, Conclusions" },
  rule:
    "Start at a fixed dose (e.g. 3.0 or 4.5 mg/day); if it works, micro-adjust in 0.1 mg steps above and below " +
    "it to establish the MED.",
  unit: "mg",
  withOpioids: false,
  limits: {
    maxPerDoseUg: ug(6000), // 004: 6 mg/day maximum
    maxPerDayUg: ug(6000), // 004: 6 mg/day maximum
    maxStepUg: ug(100), // 004: micro-adjustments of 0.1 mg
    maxDosesPerDay: 4, // 004: up to 4 doses a day
    why: {
      maxPerDoseUg: "004: 6 mg/day maximum",
      maxPerDayUg: "004: 6 mg/day maximum",
      maxStepUg: "004: micro-adjustments of 0.1 mg",
      maxDosesPerDay: "004: up to 4 doses a day",
    },
  },
  settings: [
    {
      kind: "dose",
      key: "fixedDose",
      label: "Fixed start dose",
      provenance: "source",
      note: `004: e.g. 3.0 or 4.5 mg; the 3 mg default and the 1-4.5 mg range are a ${CLINIC_SETTING}`,
      defaultUg: ug(3000),
      minUg: ug(1000),
      maxUg: ug(4500),
    },
    {
      kind: "integer",
      key: "assessmentDays",
      label: "Days before judging the fixed dose",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}: within 003's 2-4 weeks`,
      default: 28,
      min: 14,
      max: 28,
      unit: "days",
    },
    {
      kind: "times",
      key: "times",
      label: "Dose times",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}`,
      default: ["21:00"],
    },
  ],
  notes: ["Micro-adjustments follow the patient's response after the assessment period."],
  regimen: (s) => ({
    startUg: s.doses.fixedDose!,
    stepUg: ug(0),
    daysPerLevel: 1,
    plateauUg: s.doses.fixedDose!,
    granularityUg: ug(100),
    defaultDays: s.integers.assessmentDays!,
  }),
});
