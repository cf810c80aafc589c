/** Patients at a glance: state, today's dose, last check-in, and what needs attention first. */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { PatientSummaryDto } from "../../../src/http/api/patients.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { STATE_LABEL, whenText } from "../format.ts";

type SortKey = "attention" | "name" | "state" | "checkin" | "dose";

/** What needs attention, most urgent first (the server's priorities), as filter buttons. */
const NEEDS: readonly [string, string][] = [
  ["any", "Anything"],
  ["engine-alert", "Alerts"],
  ["recommendation", "Recommendation waiting"],
  ["side-effect", "Side effects"],
  ["opioid-interaction", "Opioid interaction"],
  ["missed-week", "Missed check-ins"],
  ["questionnaire-due", "Questionnaire due"],
  ["no-plan", "No plan"],
];

/** Rows drawn at a time: a thousand patients stay quick to filter and sort. */
const PAGE = 100;

const attentionRank = (p: PatientSummaryDto) => p.attention[0]?.priority ?? 99;

export function Dashboard({ role }: { readonly role: string }) {
  const [patients, setPatients] = useState<PatientSummaryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [state, setState] = useState("all");
  const [need, setNeed] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [sort, setSort] = useState<SortKey>("attention");
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.get<PatientSummaryDto[]>("/api/patients").then(setPatients, (e) => setError(messageOf(e)));
  }, [version]);
  /** Acknowledges a flag as shown; it leaves what needs attention until it says something new. */
  const acknowledge = async (p: PatientSummaryDto, a: PatientSummaryDto["attention"][number]) => {
    setError(null);
    try {
      const kept = await api.post<PatientSummaryDto["acknowledged"][number]>(
        `/api/patients/${p.id}/attention`,
        {
          code: a.code,
          facts: a.facts,
        },
      );
      setPatients((list) =>
        (list ?? []).map((x) =>
          x.id === p.id
            ? {
                ...x,
                attention: x.attention.filter((y) => y.code !== a.code),
                acknowledged: [...x.acknowledged.filter((y) => y.code !== a.code), kept],
              }
            : x,
        ),
      );
    } catch (e) {
      setError(messageOf(e));
      // Something new since the list was read: read it again.
      setVersion((v) => v + 1);
    }
  };
  const shown = useMemo(() => {
    if (!patients) return [];
    const q = query.trim().toLowerCase();
    const rows = patients.filter(
      (p) =>
        (q === "" || p.displayName.toLowerCase().includes(q)) &&
        (state === "all" || p.state === state || (state === "none" && p.state === null)) &&
        (need === null ||
          (need === "any" ? p.attention.length > 0 : p.attention.some((a) => a.code === need))),
    );
    const by: Record<SortKey, (a: PatientSummaryDto, b: PatientSummaryDto) => number> = {
      attention: (a, b) => attentionRank(a) - attentionRank(b) || a.displayName.localeCompare(b.displayName),
      name: (a, b) => a.displayName.localeCompare(b.displayName),
      state: (a, b) => (a.state ?? "~").localeCompare(b.state ?? "~"),
      checkin: (a, b) => (b.daysSinceCheckIn ?? -1) - (a.daysSinceCheckIn ?? -1),
      dose: (a, b) => (b.todayUg ?? -1) - (a.todayUg ?? -1),
    };
    return rows.sort(by[sort]);
  }, [patients, query, state, need, sort]);
  const counts = useMemo(() => {
    const c: Record<string, number> = { any: 0 };
    for (const p of patients ?? []) {
      if (p.attention.length > 0) c.any = (c.any ?? 0) + 1;
      for (const a of p.attention) c[a.code] = (c[a.code] ?? 0) + 1;
    }
    return c;
  }, [patients]);

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
        <label>
          Sort by
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
            <option value="attention">Needs attention first</option>
            <option value="name">Name</option>
            <option value="state">State</option>
            {clinical && <option value="checkin">Longest since check-in</option>}
            <option value="dose">Highest dose today</option>
          </select>
        </label>
      </div>
      {clinical && patients !== null && (
        <div class="needs" role="group" aria-label="Needs attention">
          {NEEDS.filter(([code]) => code === "any" || (counts[code] ?? 0) > 0).map(([code, label]) => (
            <button
              type="button"
              key={code}
              class={`need ${code}`}
              aria-pressed={need === code}
              onClick={() => {
                setNeed(need === code ? null : code);
                setLimit(PAGE);
              }}
            >
              {code === "any" ? "Needs attention" : label} <span class="count">{counts[code] ?? 0}</span>
            </button>
          ))}
        </div>
      )}
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
              <th scope="col">State</th>
              <th scope="col">Today</th>
              {clinical && <th scope="col">Last check-in</th>}
              {clinical && <th scope="col">Needs attention</th>}
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((p) => (
              <tr key={p.id}>
                <td>
                  <a href={`/patients/${p.id}`}>{p.displayName}</a>
                  {!p.joined && <span class="tag muted">not joined</span>}
                </td>
                <td>{p.protocolName ?? <span class="muted">none</span>}</td>
                <td>{p.state ? <span class={`state ${p.state}`}>{STATE_LABEL[p.state]}</span> : "—"}</td>
                <td class="nowrap">{p.todayUg === 0 ? "none" : (p.today ?? "—")}</td>
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
                      <span key={a.code} class={`attention ${a.code}`}>
                        {a.message}
                        {a.acknowledgeable && (
                          <button
                            type="button"
                            class="link ack"
                            aria-label={`Acknowledge for ${p.displayName}: ${a.message}`}
                            onClick={() => void acknowledge(p, a)}
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
      )}
      {shown.length > limit && (
        <p>
          <button type="button" class="secondary" onClick={() => setLimit(limit + PAGE * 5)}>
            Show more ({shown.length - limit} not shown)
          </button>
        </p>
      )}
    </section>
  );
}
