/**
 * "Send to the health record" on the chart of a patient opened from a live SMART launch (issue 15):
 * their pain ratings and questionnaire scores go to the EHR with the launch's token, which stays
 * on the server. Offered only where the EHR granted ldn a write scope; says so otherwise.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "./field-error.tsx";

interface Launch {
  readonly iss: string;
  readonly mayWriteObservations: boolean;
}

/** The launch named by `?smart=` in the address, if any. */
export function launchInAddress(): string | null {
  return new URLSearchParams(location.search).get("smart");
}

export function EhrSend({ patientId }: { readonly patientId: string }) {
  const launch = launchInAddress();
  const [info, setInfo] = useState<Launch | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (launch === null) return;
    api
      .get<Launch>(`/api/smart/prefill/${encodeURIComponent(launch)}`)
      .then(setInfo, (e) => setError(messageOf(e)));
  }, [launch]);
  if (launch === null || (info === null && error === null)) return null;
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      setSent((await api.post<{ text: string }>(`/api/patients/${patientId}/ehr-send`, { launch })).text);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="card" aria-labelledby="ehr-title">
      <h2 id="ehr-title">Health record</h2>
      {info && !info.mayWriteObservations && (
        <p>Opened from {info.iss}, which lets ldn read but not write: nothing can be sent back.</p>
      )}
      {info?.mayWriteObservations && (
        <p>
          Opened from {info.iss}. Sends the daily pain ratings and questionnaire scores; what the record
          already holds is not sent twice.
        </p>
      )}
      {info?.mayWriteObservations && (
        <button type="button" onClick={send} disabled={busy}>
          Send to the health record
        </button>
      )}
      {sent && <p role="status">{sent}</p>}
      <ErrorNote message={error} />
    </div>
  );
}
