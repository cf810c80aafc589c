import { micrograms as ug } from "../dose.ts";
import { CLINIC_SETTING, defineProtocol } from "./define.ts";

/** Fixed standard dose (003, UPMC Palliative Care "Tablet"): 4.5 mg by mouth nightly. */
export const fixedStandard = defineProtocol({
  id: "fixed-standard",
  version: 1,
  name: "Fixed standard dose",
  source: { doc: "003", citation: "Reis, Vallely, Lowry; UPMC Palliative Care, low-dose naltrexone" },
  rule: "4.5 mg by mouth nightly; reduce (e.g. to 3 mg) for tolerability; judge the effect after 2-4 weeks.",
  unit: "mg",
  withOpioids: false,
  limits: {
    maxPerDoseUg: ug(4500), // 003: 4.5 mg nightly
    maxPerDayUg: ug(4500), // 003: 4.5 mg nightly
    maxStepUg: ug(0), // 003: the dose only goes down (for tolerability), never up
    maxDosesPerDay: 1, // 003: nightly
    why: {
      maxPerDoseUg: "003: 4.5 mg nightly",
      maxPerDayUg: "003: 4.5 mg nightly",
      maxStepUg: "003: the dose is only reduced, never raised",
      maxDosesPerDay: "003: once nightly",
    },
  },
  settings: [
    {
      kind: "dose",
      key: "dose",
      label: "Nightly dose",
      provenance: "source",
      note: `003: 4.5 mg, reduced (e.g. to 3 mg) for tolerability; the 1 mg floor is a ${CLINIC_SETTING}`,
      defaultUg: ug(4500),
      minUg: ug(1000),
      maxUg: ug(4500),
    },
    {
      kind: "times",
      key: "times",
      label: "Dose time",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}: 003 says nightly, not the hour`,
      default: ["21:00"],
    },
  ],
  notes: ["Judge the effect after 2-4 weeks (003)."],
  regimen: (s) => ({
    startUg: s.doses.dose!,
    stepUg: ug(0),
    daysPerLevel: 1,
    plateauUg: s.doses.dose!,
    granularityUg: ug(100),
    defaultDays: 28, // 003: judge after 2-4 weeks; 4 weeks shown
  }),
});
