/** The dashboard's rows: one patient a row, what needs attention with its acknowledge button. */
import type { PatientSummaryDto } from "../../../src/http/api/patients.ts";
import { STATE_LABEL, whenText } from "../format.ts";

type Attention = PatientSummaryDto["attention"][number];

export function PatientTable(props: {
  readonly patients: readonly PatientSummaryDto[];
  readonly clinical: boolean;
  readonly acknowledge: (p: PatientSummaryDto, a: Attention) => void;
}) {
  const { patients, clinical, acknowledge } = props;
  return (
    <table class="patients">
      <thead>
        <tr>
          <th scope="col">Patient</th>
          <th scope="col">Protocol</th>
          <th scope="col">State</th>
          <th scope="col">Today</th>
          {clinical && <th scope="col">Last check-in</th>}
          {clinical && <th scope="col">Needs attention</th>}
        </tr>
      </thead>
      <tbody>
        {patients.map((p) => (
          <tr key={p.id}>
            <td>
              <a href={`/patients/${p.id}`}>{p.displayName}</a>
              {!p.joined && <span class="tag muted">not joined</span>}
            </td>
            <td>{p.protocolName ?? <span class="muted">none</span>}</td>
            <td>{p.state ? <span class={`state ${p.state}`}>{STATE_LABEL[p.state]}</span> : "—"}</td>
            <td class="nowrap">{p.todayUg === 0 ? "none" : (p.today ?? "—")}</td>
            {clinical && <td>{sinceText(p.daysSinceCheckIn)}</td>}
            {clinical && (
              <td>
                {p.attention.map((a) => (
                  <span key={a.code} class={`attention ${a.code}`}>
                    {a.message}
                    {a.acknowledgeable && (
                      <button
                        type="button"
                        class="link ack"
                        aria-label={`Acknowledge for ${p.displayName}: ${a.message}`}
                        onClick={() => acknowledge(p, a)}
                      >
                        Acknowledge
                      </button>
                    )}
                  </span>
                ))}
                {p.acknowledged.map((k) => (
                  <span key={`ack-${k.code}`} class="acknowledged small muted">
                    ✓ {k.message}: acknowledged by {k.byName ?? "a clinician"}, {whenText(k.at)}
                  </span>
                ))}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function sinceText(days: number | null): string {
  if (days === null) return "never";
  return days === 0 ? "today" : `${days} d ago`;
}
