/** Patients at a glance: state, today's dose, last check-in, and what needs attention first. */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { PatientSummaryDto } from "../../../src/http/api/patients.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { STATE_LABEL } from "../format.ts";

type SortKey = "attention" | "name" | "state" | "checkin";

const attentionRank = (p: PatientSummaryDto) => p.attention[0]?.priority ?? 99;

export function Dashboard({ role }: { readonly role: string }) {
  const [patients, setPatients] = useState<PatientSummaryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [state, setState] = useState("all");
  const [onlyAttention, setOnlyAttention] = useState(false);
  const [sort, setSort] = useState<SortKey>("attention");
  useEffect(() => {
    api.get<PatientSummaryDto[]>("/api/patients").then(setPatients, (e) => setError(messageOf(e)));
  }, []);
  const shown = useMemo(() => {
    if (!patients) return [];
    const q = query.trim().toLowerCase();
    const rows = patients.filter(
      (p) =>
        (q === "" || p.displayName.toLowerCase().includes(q)) &&
        (state === "all" || p.state === state || (state === "none" && p.state === null)) &&
        (!onlyAttention || p.attention.length > 0),
    );
    const by: Record<SortKey, (a: PatientSummaryDto, b: PatientSummaryDto) => number> = {
      attention: (a, b) => attentionRank(a) - attentionRank(b) || a.displayName.localeCompare(b.displayName),
      name: (a, b) => a.displayName.localeCompare(b.displayName),
      state: (a, b) => (a.state ?? "~").localeCompare(b.state ?? "~"),
      checkin: (a, b) => (b.daysSinceCheckIn ?? -1) - (a.daysSinceCheckIn ?? -1),
    };
    return rows.sort(by[sort]);
  }, [patients, query, state, onlyAttention, sort]);

  const clinical = role === "clinician";
  return (
    <section>
      <div class="row spread">
        <h1>Patients</h1>
        {clinical && (
          <a class="button" href="/patients/new">
            Enrol a patient
          </a>
        )}
      </div>
      <ErrorNote message={error} />
      <div class="filters" role="search">
        <label>
          Search
          <input
            type="search"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            placeholder="Name"
          />
        </label>
        {clinical && (
          <label>
            State
            <select value={state} onChange={(e) => setState(e.currentTarget.value)}>
              <option value="all">All</option>
              {Object.entries(STATE_LABEL).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
              <option value="none">No plan</option>
            </select>
          </label>
        )}
        <label>
          Sort by
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
            <option value="attention">Needs attention first</option>
            <option value="name">Name</option>
            {clinical && <option value="state">State</option>}
            {clinical && <option value="checkin">Longest since check-in</option>}
          </select>
        </label>
        {clinical && (
          <label class="inline">
            <input
              type="checkbox"
              checked={onlyAttention}
              onChange={(e) => setOnlyAttention(e.currentTarget.checked)}
            />{" "}
            Only those needing attention
          </label>
        )}
      </div>
      {patients === null && !error && <p class="loading">Loading patients…</p>}
      {patients !== null && (
        <p class="muted small" aria-live="polite">
          {shown.length} of {patients.length} patients
        </p>
      )}
      {shown.length > 0 && (
        <table class="patients">
          <thead>
            <tr>
              <th scope="col">Patient</th>
              <th scope="col">Protocol</th>
              {clinical && <th scope="col">State</th>}
              <th scope="col">Today</th>
              {clinical && <th scope="col">Last check-in</th>}
              {clinical && <th scope="col">Needs attention</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/patients/${p.id}`}>{p.displayName}</a>
                  {!p.joined && <span class="tag muted">not joined</span>}
                </td>
                <td class="nowrap">{p.protocolKey ?? <span class="muted">none</span>}</td>
                {clinical && (
                  <td>{p.state ? <span class={`state ${p.state}`}>{STATE_LABEL[p.state]}</span> : "—"}</td>
                )}
                <td class="nowrap">{p.today ?? "—"}</td>
                {clinical && (
                  <td>
                    {p.daysSinceCheckIn === null
                      ? "never"
                      : p.daysSinceCheckIn === 0
                        ? "today"
                        : `${p.daysSinceCheckIn} d ago`}
                  </td>
                )}
                {clinical && (
                  <td>
                    {p.attention.map((a) => (
                      <span key={a.code} class={`attention ${a.code}`} title={a.message}>
                        {a.message}
                      </span>
                    ))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
