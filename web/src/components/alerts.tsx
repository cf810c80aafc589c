/**
 * The engine's alerts: for the clinician, each with what it is, the day and the engine's
 * message; for the patient, only the plain message written for them (never the clinician's).
 */
import type { AlertDto } from "../../../src/http/api/alerts.ts";
import { shortDate } from "../format.ts";
import { Cited } from "./source.tsx";

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The clinician's list, shown with the recommendation; nothing when there are no alerts. */
export function EngineAlerts({ alerts }: { readonly alerts: readonly AlertDto[] }) {
  if (alerts.length === 0) return null;
  return (
    <section class="engine-alerts" aria-labelledby="engine-alerts-title">
      <h3 id="engine-alerts-title">{alerts.length === 1 ? "Alert" : `${alerts.length} alerts`}</h3>
      <ul>
        {alerts.map((a, i) => (
          <li key={`${a.code}-${i}`}>
            <strong>{capitalised(a.label)}</strong> <span class="muted small">({shortDate(a.date)})</span>
            <br />
            <Cited text={a.message} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the patient should know or do, in their words; nothing when no alert has a message for them. */
export function PatientAlerts({ alerts }: { readonly alerts: readonly AlertDto[] }) {
  const messages = [...new Set(alerts.flatMap((a) => (a.patientMessage ? [a.patientMessage] : [])))];
  if (messages.length === 0) return null;
  return (
    <section class="card patient-alerts" aria-labelledby="patient-alerts-title">
      <h2 id="patient-alerts-title">Please read</h2>
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </section>
  );
}
