/** Enrolment with screening: 004's criteria, opioids with morphine equivalents, OIH risk factors. */
import { useState } from "preact/hooks";
import type { PatientDetail } from "../../../src/http/api/patients.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { answersOf, EMPTY_SCREENING, ScreeningFields } from "../components/screening-fields.tsx";
import { navigate } from "../router.ts";

export function Enrol() {
  const [name, setName] = useState("");
  const [screening, setScreening] = useState(EMPTY_SCREENING);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const patient = await api.post<PatientDetail>("/api/patients", {
        displayName: name,
        screening: answersOf(screening),
      });
      navigate(`/patients/${patient.id}`);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section class="narrow">
      <h1>Enrol a patient</h1>
      <form onSubmit={submit} class="card stack">
        <label>
          Name as shown to staff
          <input name="displayName" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <ScreeningFields value={screening} onChange={setScreening} />
        <ErrorNote message={error} />
        <button type="submit">Screen and enrol</button>
      </form>
    </section>
  );
}
