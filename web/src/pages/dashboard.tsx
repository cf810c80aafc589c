/**
 * Patients at a glance: state, today's dose, last check-in, and what needs attention first.
 * The server searches, filters, sorts, counts and pages (`GET /api/patients?page=...`), so a
 * clinic of ten thousand sends one page; what is on screen is narrowed at once while the
 * server's page is on its way.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { PatientPageDto, PatientSummaryDto } from "../../../src/http/api/patients.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { STATE_LABEL } from "../format.ts";
import { PatientTable } from "./dashboard-table.tsx";

type SortKey = "attention" | "name" | "state" | "checkin" | "dose";
type Attention = PatientSummaryDto["attention"][number];

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

/** Patients a page (the server's default). */
const PAGE_SIZE = 50;
/** Typing pauses this long before the server is asked (each keystroke narrows what is shown at once). */
const SEARCH_DELAY_MS = 250;

/** Whether a patient on screen matches the filters: narrows the page shown until the server's arrives. */
function matches(p: PatientSummaryDto, q: string, state: string, need: string | null): boolean {
  return (
    (q === "" || p.displayName.toLowerCase().includes(q)) &&
    (state === "all" || (p.state ?? "none") === state) &&
    (need === null || (need === "any" ? p.attention.length > 0 : p.attention.some((a) => a.code === need)))
  );
}

export function Dashboard({ role }: { readonly role: string }) {
  const [list, setList] = useState<PatientPageDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const [state, setState] = useState("all");
  const [need, setNeed] = useState<string | null>(null);
  const [sort, setSort] = useState<SortKey>("attention");
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const asked = useRef(0);

  useEffect(() => {
    // Only a search that changed goes back to page 1: on the first draw, a "Next page" pressed
    // within the delay was undone by this (the browser test failed so, 1 run in 10 or so).
    const next = query.trim();
    if (next === search) return;
    const timer = setTimeout(() => {
      setSearch(next);
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, search]);
  useEffect(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE), sort });
    if (search !== "") params.set("q", search);
    if (state !== "all") params.set("state", state);
    if (need !== null) params.set("attention", need);
    // Only the answer to the latest question is shown: an earlier one may arrive after it.
    const mine = ++asked.current;
    api.get<PatientPageDto>(`/api/patients?${params}`).then(
      (answer) => mine === asked.current && setList(answer),
      (e) => mine === asked.current && setError(messageOf(e)),
    );
  }, [search, state, need, sort, page, version]);

  /** Acknowledges a flag as shown; it leaves what needs attention until it says something new. */
  const acknowledge = async (p: PatientSummaryDto, a: Attention) => {
    setError(null);
    try {
      const kept = await api.post<PatientSummaryDto["acknowledged"][number]>(
        `/api/patients/${p.id}/attention`,
        { code: a.code, facts: a.facts },
      );
      setList(
        (l) =>
          l && {
            ...l,
            patients: l.patients.map((x) =>
              x.id === p.id
                ? {
                    ...x,
                    attention: x.attention.filter((y) => y.code !== a.code),
                    acknowledged: [...x.acknowledged.filter((y) => y.code !== a.code), kept],
                  }
                : x,
            ),
          },
      );
    } catch (e) {
      setError(messageOf(e));
    }
    // The counts (and, filtered, the page) change: ask again.
    setVersion((v) => v + 1);
  };
  const filtered = (update: () => void) => {
    update();
    setPage(1);
  };
  const q = query.trim().toLowerCase();
  const shown = useMemo(
    () => (list?.patients ?? []).filter((p) => matches(p, q, state, need)),
    [list, q, state, need],
  );
  const clinical = role === "clinician";
  const counts = list?.counts.attention ?? {};
  const from = list && list.total > 0 ? (list.page - 1) * list.pageSize + 1 : 0;
  const to = list ? Math.min(list.total, (list.page - 1) * list.pageSize + list.patients.length) : 0;
  const number = (n: number) => n.toLocaleString("en");
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
          <select value={state} onChange={(e) => filtered(() => setState(e.currentTarget.value))}>
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
          <select value={sort} onChange={(e) => filtered(() => setSort(e.currentTarget.value as SortKey))}>
            <option value="attention">Needs attention first</option>
            <option value="name">Name</option>
            <option value="state">State</option>
            {clinical && <option value="checkin">Longest since check-in</option>}
            <option value="dose">Highest dose today</option>
          </select>
        </label>
      </div>
      {clinical && list !== null && (
        <div class="needs" role="group" aria-label="Needs attention">
          {NEEDS.filter(([code]) => code === "any" || (counts[code] ?? 0) > 0).map(([code, label]) => (
            <button
              type="button"
              key={code}
              class={`need ${code}`}
              aria-pressed={need === code}
              onClick={() => filtered(() => setNeed(need === code ? null : code))}
            >
              {code === "any" ? "Needs attention" : label} <span class="count">{counts[code] ?? 0}</span>
            </button>
          ))}
        </div>
      )}
      {list === null && !error && <p class="loading">Loading patients…</p>}
      {list !== null && (
        <p class="muted small page-count" aria-live="polite">
          {list.total === 0
            ? "No patients match"
            : `Showing ${number(from)}–${number(to)} of ${number(list.total)} patients`}
        </p>
      )}
      {shown.length > 0 && (
        <PatientTable patients={shown} clinical={clinical} acknowledge={(p, a) => void acknowledge(p, a)} />
      )}
      {list !== null && list.total > list.pageSize && (
        <nav class="row" aria-label="Pages">
          <button type="button" class="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous page
          </button>
          <button
            type="button"
            class="secondary"
            disabled={to >= list.total}
            onClick={() => setPage(page + 1)}
          >
            Next page
          </button>
        </nav>
      )}
    </section>
  );
}
