import { micrograms as ug } from "../dose.ts";
import { CLINIC_SETTING, defineProtocol } from "./define.ts";

/** LDN once daily (000, Accurate Clinic): 1.5-4.5 mg once daily. */
export const ldnOnceDaily = defineProtocol({
  id: "ldn-once-daily",
  version: 1,
  name: "LDN once daily",
  source: {
    doc: "000",
    citation: "Accurate Clinic, Naltrexone for Pain (OIH, OAT and central sensitization)",
  },
  rule: "1.5-4.5 mg once daily (studies use up to 4.5 mg).",
  unit: "mg",
  withOpioids: false,
  limits: {
    maxPerDoseUg: ug(4500), // 000: up to 4.5 mg
    maxPerDayUg: ug(4500), // 000: up to 4.5 mg once daily
    maxStepUg: ug(0), // 000: a fixed dose; changing it is a new plan
    maxDosesPerDay: 1, // 000: once daily
    why: {
      maxPerDoseUg: "000: 1.5-4.5 mg once daily",
      maxPerDayUg: "000: 1.5-4.5 mg once daily",
      maxStepUg: "000: a fixed dose",
      maxDosesPerDay: "000: once daily",
    },
  },
  settings: [
    {
      kind: "dose",
      key: "dose",
      label: "Daily dose",
      provenance: "source",
      note: `000: 1.5-4.5 mg; the 1.5 mg default (the low end) is a ${CLINIC_SETTING}`,
      defaultUg: ug(1500),
      minUg: ug(1500),
      maxUg: ug(4500),
    },
    {
      kind: "times",
      key: "times",
      label: "Dose time",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}: 000 says once daily, not when`,
      default: ["21:00"],
    },
  ],
  notes: [],
  regimen: (s) => ({
    startUg: s.doses.dose!,
    stepUg: ug(0),
    daysPerLevel: 1,
    plateauUg: s.doses.dose!,
    granularityUg: ug(100),
    defaultDays: 28, // clinic setting: a 4-week fill
  }),
});
