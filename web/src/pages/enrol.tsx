/** Enrolment with screening: 004's criteria, opioids with morphine equivalents, OIH risk factors. */
import { useEffect, useState } from "preact/hooks";
import type { PatientDetail } from "../../../src/http/api/patients.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { answersOf, draftOf, EMPTY_SCREENING, ScreeningFields } from "../components/screening-fields.tsx";
import { navigate } from "../router.ts";

/** What a SMART launch read from the EHR (GET /api/smart/prefill/:launchId). */
interface Prefill {
  readonly iss: string;
  readonly displayName: string;
  readonly answers: Record<string, unknown>;
  readonly mmeText: string | null;
  readonly skipped: readonly string[];
}

export function Enrol() {
  const [name, setName] = useState("");
  const [screening, setScreening] = useState(EMPTY_SCREENING);
  const [error, setError] = useState<string | null>(null);
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  // Launched from an EHR: the form starts filled from it, for the clinician to check and confirm.
  useEffect(() => {
    const launch = new URLSearchParams(location.search).get("smart");
    if (launch === null) return;
    api
      .get<Prefill>(`/api/smart/prefill/${encodeURIComponent(launch)}`)
      .then((p) => {
        setPrefill(p);
        setName(p.displayName);
        setScreening(draftOf(p.answers));
      })
      .catch((err: unknown) => setError(messageOf(err)));
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const patient = await api.post<PatientDetail>("/api/patients", {
        displayName: name,
        screening: answersOf(screening),
      });
      // From an EHR launch: remember the EHR patient, so the next launch opens this chart.
      const launch = new URLSearchParams(location.search).get("smart");
      if (launch !== null) await api.post(`/api/patients/${patient.id}/ehr-link`, { launch });
      navigate(launch === null ? `/patients/${patient.id}` : `/patients/${patient.id}?smart=${launch}`);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section class="narrow">
      <h1>Enrol a patient</h1>
      {prefill && (
        <p class="card" role="status">
          Filled from the EHR ({prefill.iss}): check every answer before enrolling.
          {prefill.mmeText !== null && ` Opioids: ${prefill.mmeText} MME a day.`}
          {prefill.skipped.length > 0 && ` Not screened: ${prefill.skipped.join("; ")}.`}
        </p>
      )}
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
