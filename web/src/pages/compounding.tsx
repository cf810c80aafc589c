/**
 * The pharmacist's view of one patient: the next fill (whose, from when to when, prescribed by
 * whom, each strength and the capsules that make each dose), its order, and the fills dispensed.
 */
import { useEffect, useState } from "preact/hooks";
import type { PatientFillsDto } from "../../../src/http/api/pharmacy.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { shortDate, STATE_LABEL, whenText } from "../format.ts";
import { Dispense, neededText, perDoseLines } from "./pharmacy-queue.tsx";

export function Compounding({ id, role }: { readonly id: string; readonly role: string }) {
  const [fills, setFills] = useState<PatientFillsDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.get<PatientFillsDto>(`/api/patients/${id}/fills`).then(setFills, (e) => setError(messageOf(e)));
  }, [id, version]);
  if (!fills) return error ? <ErrorNote message={error} /> : <p class="loading">Loading…</p>;
  const next = fills.next;
  return (
    <section>
      <h1>Compounding for {fills.patientName}</h1>
      <ErrorNote message={error} />
      <p role="status" class="good">
        {done}
      </p>
      {!next && <p>No fill to make: no plan yet, or the patient has stopped.</p>}
      {next && (
        <div class="card">
          <h2>Next fill</h2>
          <p>
            <strong>
              {shortDate(next.start)} to {shortDate(next.end)}
            </strong>{" "}
            ({next.days} days), {neededText(next).toLowerCase()}. {next.protocolName}
            {next.state && `, ${STATE_LABEL[next.state]}`}.
          </p>
          <p>Prescriber: {next.prescriber.name ?? "not recorded"}</p>
          {next.note && <p>{next.note}</p>}
          {next.strengths.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">Strength</th>
                  <th scope="col">Capsules</th>
                </tr>
              </thead>
              <tbody>
                {next.strengths.map((s) => (
                  <tr key={s.ug}>
                    <td>{s.strength}</td>
                    <td>{s.quantity}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>Capsules per dose</h3>
          <ul>
            {perDoseLines(next).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {next.note === null && (
            <div class="row">
              <a class="button secondary" href={`/api/patients/${id}/order.pdf`} download>
                Order PDF
              </a>
              {role === "pharmacist" && (
                <Dispense
                  fill={next}
                  onDispensed={(text) => {
                    setDone(text);
                    setVersion((v) => v + 1);
                  }}
                />
              )}
            </div>
          )}
          <p>
            <a href={`/patients/${id}/schedule`}>The patient's schedule</a>
          </p>
        </div>
      )}
      <div class="card">
        <h2>Dispensed ({fills.dispensed.length})</h2>
        {fills.dispensed.length === 0 && <p class="muted">None recorded yet.</p>}
        <ul>
          {[...fills.dispensed].reverse().map((f) => (
            <li key={f.id}>
              {shortDate(f.start)} to {shortDate(f.end)}:{" "}
              {f.strengths.map((s) => `${s.quantity} x ${s.strength}`).join(", ")}, dispensed by{" "}
              {f.dispensedBy.name ?? "a former staff member"} on {whenText(f.dispensedAt)}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
