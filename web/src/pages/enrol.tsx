/** Enrolment with screening: 004's criteria, opioids with morphine equivalents, OIH risk factors. */
import { useState } from "preact/hooks";
import type { PatientDetail } from "../../../src/http/api/patients.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { navigate } from "../router.ts";

const RISK_FACTORS: readonly [string, string][] = [
  ["centralized-pain", "Centralized pain (fibromyalgia, CRPS, chronic headache, low back pain…)"],
  ["long-term-high-dose-opioids", "Long-term high-dose opioids"],
  ["potent-full-agonist", "Potent full agonist (oxycodone, morphine, fentanyl)"],
  ["escalating-opioids-or-diffuse-pain", "Escalating opioid needs or diffuse pain"],
  ["sleep-disturbance", "Sleep disturbance"],
  ["mood-disorder", "Mood disorder"],
  ["high-pain-sensitivity", "High baseline pain sensitivity"],
];

export function Enrol() {
  const [name, setName] = useState("");
  const [age, setAge] = useState("");
  const [painMonths, setPainMonths] = useState("");
  const [pregnancy, setPregnancy] = useState("no");
  const [opioids, setOpioids] = useState("");
  const [mustStay, setMustStay] = useState(false);
  const [risks, setRisks] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const patient = await api.post<PatientDetail>("/api/patients", {
        displayName: name,
        screening: {
          ageYears: Number(age),
          painMonths: Number(painMonths),
          pregnancy,
          opioids: opioids
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
          mustStayOnOpioids: mustStay,
          riskFactors: risks,
        },
      });
      navigate(`/patients/${patient.id}`);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const toggle = (id: string, on: boolean) => setRisks(on ? [...risks, id] : risks.filter((r) => r !== id));
  return (
    <section class="narrow">
      <h1>Enrol a patient</h1>
      <form onSubmit={submit} class="card stack">
        <label>
          Name as shown to staff
          <input name="displayName" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <div class="row">
          <label>
            Age (years)
            <input
              name="age"
              type="number"
              min={0}
              max={130}
              required
              value={age}
              onInput={(e) => setAge(e.currentTarget.value)}
            />
          </label>
          <label>
            Pain for (months)
            <input
              name="painMonths"
              type="number"
              min={0}
              required
              value={painMonths}
              onInput={(e) => setPainMonths(e.currentTarget.value)}
            />
          </label>
          <label>
            Pregnant
            <select name="pregnancy" value={pregnancy} onChange={(e) => setPregnancy(e.currentTarget.value)}>
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
            value={opioids}
            onInput={(e) => setOpioids(e.currentTarget.value)}
          />
        </label>
        <label class="inline">
          <input type="checkbox" checked={mustStay} onChange={(e) => setMustStay(e.currentTarget.checked)} />{" "}
          Must stay on opioids
        </label>
        <fieldset>
          <legend>OIH / OAT risk factors (000)</legend>
          {RISK_FACTORS.map(([id, label]) => (
            <label class="inline" key={id}>
              <input
                type="checkbox"
                checked={risks.includes(id)}
                onChange={(e) => toggle(id, e.currentTarget.checked)}
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
        <ErrorNote message={error} />
        <button type="submit">Screen and enrol</button>
      </form>
    </section>
  );
}
