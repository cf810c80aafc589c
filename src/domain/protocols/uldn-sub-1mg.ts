import { micrograms as ug } from "../dose.ts";
import { CLINIC_SETTING, defineProtocol } from "./define.ts";

/** Ultra-low-dose naltrexone below 1 mg/day alongside opioids (002, Liptan). Dosed in micrograms. */
export const uldnSub1mg = defineProtocol({
  id: "uldn-sub-1mg",
  version: 1,
  name: "Ultra-low-dose naltrexone below 1 mg",
  source: { doc: "002", citation: "Liptan, ultra-low-dose naltrexone with opiates (blog, 2016)" },
  rule: "Below 1 mg a day (the 'sweet spot' around 0.5-1 mg) alongside opiate pain medication.",
  unit: "mcg",
  withOpioids: true,
  limits: {
    maxPerDoseUg: ug(999), // 002: "less than 1mg"
    maxPerDayUg: ug(999), // 002: "less than 1mg"
    maxStepUg: ug(100), // clinic setting: 0.1 mg steps, as 004 titrates
    maxDosesPerDay: 2, // clinic setting: 002 does not say
    why: {
      maxPerDoseUg: "002: less than 1 mg",
      maxPerDayUg: "002: less than 1 mg a day",
      maxStepUg: `${CLINIC_SETTING}: 100 mcg steps as in 004`,
      maxDosesPerDay: `${CLINIC_SETTING}: 002 does not say`,
    },
  },
  settings: [
    {
      kind: "dose",
      key: "dailyDose",
      label: "Daily dose",
      provenance: "source",
      note: `002: around 500-1000 mcg and less than 1 mg; the 500 mcg default is a ${CLINIC_SETTING}`,
      defaultUg: ug(500),
      minUg: ug(500),
      maxUg: ug(999),
    },
    {
      kind: "times",
      key: "times",
      label: "Dose times",
      provenance: "clinic-setting",
      note: `${CLINIC_SETTING}: 002 does not say`,
      default: ["21:00"],
    },
  ],
  notes: [
    "002 is a physician's blog describing early experience, not a trial.",
    // 002: "knock the opiates off their receptors, inducing withdrawal symptoms and worsening pain".
    "Withdrawal (002): naltrexone can knock opioids off their receptors, inducing withdrawal and worsening " +
      "pain, and too much of it blocks their pain relief; 002 keeps the dose at around 1 mg or less for that reason.",
    // Clinical reference, section 6: 000's claim was made of 1 mcg twice daily.
    "Conflict in the sources: 000 calls 1 mcg twice daily ultra-low and reports no increased risk of withdrawal " +
      "at that dose; 002's ultra-low is 0.5 to 1 mg a day, 250 to 500 times more, and carries the withdrawal " +
      "warning above. 000's reassurance does not apply to these doses.",
  ],
  regimen: (s) => {
    const total = s.doses.dailyDose!;
    return {
      startUg: total,
      stepUg: ug(0),
      daysPerLevel: 1,
      plateauUg: total,
      granularityUg: ug(1),
      defaultDays: 28,
    };
  },
});
