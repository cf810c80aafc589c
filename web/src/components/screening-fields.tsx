/**
 * The screening questions (004's criteria, opioids, OIH/OAT risk factors), shared by enrolment
 * and by screening again from the patient's page.
 */

const RISK_FACTORS: readonly [string, string][] = [
  ["centralized-pain", "Centralized pain (fibromyalgia, CRPS, chronic headache, low back pain…)"],
  ["long-term-high-dose-opioids", "Long-term high-dose opioids"],
  ["potent-full-agonist", "Potent full agonist (oxycodone, morphine, fentanyl)"],
  ["escalating-opioids-or-diffuse-pain", "Escalating opioid needs or diffuse pain"],
  ["sleep-disturbance", "Sleep disturbance"],
  ["mood-disorder", "Mood disorder"],
  ["high-pain-sensitivity", "High baseline pain sensitivity"],
];

/** The form's values as typed (numbers still text). */
export interface ScreeningDraft {
  readonly age: string;
  readonly painMonths: string;
  readonly pregnancy: string;
  readonly opioids: string;
  readonly mustStay: boolean;
  readonly risks: readonly string[];
}

export const EMPTY_SCREENING: ScreeningDraft = {
  age: "",
  painMonths: "",
  pregnancy: "no",
  opioids: "",
  mustStay: false,
  risks: [],
};

/** The stored answers as the form's values. */
export function draftOf(answers: Record<string, unknown> | undefined): ScreeningDraft {
  if (!answers) return EMPTY_SCREENING;
  return {
    age: String(answers.ageYears ?? ""),
    painMonths: String(answers.painMonths ?? ""),
    pregnancy: String(answers.pregnancy ?? "no"),
    opioids: ((answers.opioids ?? []) as string[]).join("\n"),
    mustStay: answers.mustStayOnOpioids === true,
    risks: (answers.riskFactors ?? []) as string[],
  };
}

/** The form's values as the API's screening answers. */
export function answersOf(d: ScreeningDraft) {
  return {
    ageYears: Number(d.age),
    painMonths: Number(d.painMonths),
    pregnancy: d.pregnancy,
    opioids: d.opioids
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean),
    mustStayOnOpioids: d.mustStay,
    riskFactors: d.risks,
  };
}

export function ScreeningFields({
  value,
  onChange,
}: {
  readonly value: ScreeningDraft;
  readonly onChange: (d: ScreeningDraft) => void;
}) {
  const set = (patch: Partial<ScreeningDraft>) => onChange({ ...value, ...patch });
  const toggle = (id: string, on: boolean) =>
    set({ risks: on ? [...value.risks, id] : value.risks.filter((r) => r !== id) });
  return (
    <>
      <div class="row">
        <label>
          Age (years)
          <input
            name="age"
            type="number"
            min={0}
            max={130}
            required
            value={value.age}
            onInput={(e) => set({ age: e.currentTarget.value })}
          />
        </label>
        <label>
          Pain for (months)
          <input
            name="painMonths"
            type="number"
            min={0}
            required
            value={value.painMonths}
            onInput={(e) => set({ painMonths: e.currentTarget.value })}
          />
        </label>
        <label>
          Pregnant
          <select
            name="pregnancy"
            value={value.pregnancy}
            onChange={(e) => set({ pregnancy: e.currentTarget.value })}
          >
            <option value="no">No</option>
            <option value="yes">Yes</option>
            <option value="unknown">Unknown</option>
            <option value="not-applicable">Cannot be pregnant</option>
          </select>
        </label>
      </div>
      <label>
        Opioids now, one per line (e.g. <code>oxycodone 10mg x3</code>, <code>fentanyl 25mcg/hr</code>)
        <textarea
          name="opioids"
          rows={3}
          value={value.opioids}
          onInput={(e) => set({ opioids: e.currentTarget.value })}
        />
      </label>
      <label class="inline">
        <input
          type="checkbox"
          name="mustStayOnOpioids"
          checked={value.mustStay}
          onChange={(e) => set({ mustStay: e.currentTarget.checked })}
        />{" "}
        Must stay on opioids
      </label>
      <fieldset>
        <legend>Risk factors for opioid-induced hyperalgesia or tolerance</legend>
        {RISK_FACTORS.map(([id, label]) => (
          <label class="inline" key={id}>
            <input
              type="checkbox"
              checked={value.risks.includes(id)}
              onChange={(e) => toggle(id, e.currentTarget.checked)}
            />{" "}
            {label}
          </label>
        ))}
      </fieldset>
    </>
  );
}
