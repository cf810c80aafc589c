import { micrograms as ug } from "../dose.ts";
import { CLINIC_SETTING, defineProtocol } from "./define.ts";

/**
 * Conventional titration (001, Hill, Cleveland Clinic): start 1-3 mg/day, increase
 * gradually to 4.5 mg/day by tolerance and response, in the evening. The source gives
 * no step or interval: both are clinic settings.
 */
export const conventionalTitration = defineProtocol({
  id: "conventional-titration",
  version: 1,
  name: "Conventional titration",
  source: { doc: "001", citation: "Hill, Low Dose Naltrexone for Pain Management, Cleveland Clinic" },
  rule:
    "Start 1-3 mg/day; increase gradually to 4.5 mg/day depending on tolerance and response; " +
    "take in the evening before bedtime.",
  unit: "mg",
  withOpioids: false,
  limits: {
    maxPerDoseUg: ug(4500), // 001: up to 4.5 mg daily, one evening dose
    maxPerDayUg: ug(4500), // 001: up to 4.5 mg daily
    maxStepUg: ug(1500), // clinic setting: the largest step this catalogue allows (001 gives none)
    maxDosesPerDay: 1, // 001: evening before bedtime
    why: {
      maxPerDoseUg: "001: up to 4.5 mg daily, taken in the evening",
      maxPerDayUg: "001: up to 4.5 mg daily",
      maxStepUg: `${CLINIC_SETTING}: 001 gives no step size`,
      maxDosesPerDay: "001: one evening dose",
    },
  },
  settings: [
    {
      kind: "dose",
      key: "startDose",
      label: "Start dose",
      provenance: "clinic-setting",
      note: `001: typical start 1-3 mg/day; the 1.5 mg default is a ${CLINIC_SETTING}`,
      defaultUg: ug(1500),
      minUg: ug(1000),
      maxUg: ug(3000),
    },
    {
      kind: "dose",
      key: "step",
      label: "Step",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}: 001 says "gradually"`,
      defaultUg: ug(1500),
      minUg: ug(500),
      maxUg: ug(1500),
    },
    {
      kind: "integer",
      key: "intervalDays",
      label: "Days between steps",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}: 001 gives no interval`,
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
      note: `${CLINIC_SETTING}: 001 says evening before bedtime, not the hour`,
      default: ["21:00"],
    },
  ],
  notes: ["Evening dosing minimises insomnia-related side effects (001)."],
  regimen: (s) => {
    const start = s.doses.startDose!;
    const step = s.doses.step!;
    const interval = s.integers.intervalDays!;
    const plateau = ug(4500); // 001: up to 4.5 mg daily
    const steps = Math.ceil((plateau - start) / step);
    return {
      startUg: start,
      stepUg: step,
      daysPerLevel: interval,
      plateauUg: plateau,
      granularityUg: ug(100),
      defaultDays: (steps + 1) * interval, // reach 4.5 mg, then one interval at it
    };
  },
});
