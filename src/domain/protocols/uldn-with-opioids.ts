import { micrograms as ug } from "../dose.ts";
import { CLINIC_SETTING, defineProtocol } from "./define.ts";

/**
 * Ultra-low-dose naltrexone with opioids (000, Accurate Clinic): 1 mcg twice daily,
 * continued for as long as opioids continue. Dosed in micrograms.
 */
export const uldnWithOpioids = defineProtocol({
  id: "uldn-with-opioids",
  version: 1,
  name: "Ultra-low-dose naltrexone with opioids",
  source: { doc: "000", citation: "Accurate Clinic, Naltrexone for Pain (ULDN)" },
  rule:
    "0.001 mg (1 mcg) twice daily alongside ongoing opioid therapy; continue for as long as the opioids " +
    "continue (OIH recurs if stopped).",
  unit: "mcg",
  withOpioids: true,
  limits: {
    maxPerDoseUg: ug(2), // clinic setting: twice the 1 mcg dose of 000
    maxPerDayUg: ug(4), // 004/003: the Oxytrex trials used 2 or 4 mcg per day in total; 4 is the most studied
    maxStepUg: ug(1), // clinic setting: ULDN changes 1 mcg at a time
    maxDosesPerDay: 2, // 000: twice daily
    why: {
      maxPerDoseUg: `${CLINIC_SETTING}: twice the 1 mcg dose of 000`,
      maxPerDayUg: "Oxytrex trials (cited in 003, 004): 2 or 4 mcg per day in total",
      maxStepUg: `${CLINIC_SETTING}`,
      maxDosesPerDay: "000: twice daily",
    },
  },
  settings: [
    {
      kind: "dose",
      key: "dosePerAdministration",
      label: "Dose each time",
      provenance: "source",
      note: `000: 1 mcg twice daily; up to 2 mcg is a ${CLINIC_SETTING}`,
      defaultUg: ug(1),
      minUg: ug(1),
      maxUg: ug(2),
    },
    {
      kind: "times",
      key: "times",
      label: "Dose times",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}: 000 says twice daily, not when`,
      default: ["08:00", "20:00"],
    },
  ],
  notes: [
    "Conflict in the sources: 003 writes ULDN as '2-4 mcg/kg'; the Oxytrex trials it and 004 cite used 2 or 4 mcg " +
      "per DAY in total (004: 2 mcg/day enhanced analgesia, 4 mcg/day did not). A per-kg reading would be 50-100 " +
      "times larger and is never used here.",
    "Continue for as long as opioids continue: OIH recurs if ULDN is stopped (000).",
    // 000, ULDN side effects; 002 for the other meaning of "ultra-low" (clinical reference, section 6).
    "000 reports no increased risk of withdrawal or opioid antagonism at 1 mcg twice daily. That was said of this " +
      "dose only: 002 calls up to about 1 mg ultra-low too (uldn-sub-1mg) and warns that naltrexone can induce " +
      "withdrawal and worsen pain.",
  ],
  regimen: (s) => {
    const each = s.doses.dosePerAdministration!;
    const total = ug(each * s.times.length);
    return {
      startUg: total,
      stepUg: ug(0),
      daysPerLevel: 1,
      plateauUg: total,
      granularityUg: each,
      defaultDays: 28,
    };
  },
});
