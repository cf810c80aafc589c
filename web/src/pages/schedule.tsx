/**
 * The patient's schedule and instructions, on screen and on paper: the protocol's days with a box
 * per dose, the clinic's name and phone number, and the plain-language instructions (with
 * opioid withdrawal, what to do and whom to call, for a patient with opioids recorded at
 * screening). Its source and the clinic settings in force are for clinicians on screen: never on
 * paper nor on the patient's own view. The print stylesheet (@media print in app.css) drops the
 * app around it.
 */
import { useEffect, useState } from "preact/hooks";
import type { z } from "zod/v4";
import type { ScheduleSchema, TodayDto } from "../../../src/http/api/patients.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { Source } from "../components/source.tsx";
import { STATE_LABEL, shortDate, todayIso } from "../format.ts";

type Schedule = z.infer<typeof ScheduleSchema>;
type Row = Omit<Schedule["days"][number], "day"> & { readonly day?: number };

/** "2027-01-04" plus 3 -> "2027-01-07". */
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A day a row, a column per dose time with a box to tick. */
function ScheduleTable({ rows, caption }: { readonly rows: readonly Row[]; readonly caption: string }) {
  const times = [...new Set(rows.flatMap((d) => d.doses.map((x) => x.time)))].sort();
  const numbered = rows.some((d) => d.day !== undefined);
  return (
    <table class="schedule">
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          {numbered && <th scope="col">Day</th>}
          <th scope="col">Date</th>
          <th scope="col">Total</th>
          {times.map((t) => (
            <th scope="col" key={t}>
              {t}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.date}>
            {numbered && <td>{d.day}</td>}
            <td>{shortDate(d.date)}</td>
            <td>
              <strong>{d.total}</strong>
            </td>
            {times.map((t) => {
              const dose = d.doses.find((x) => x.time === t);
              return (
                <td key={t} class="tick">
                  {dose ? (
                    <>
                      <span class="box" aria-hidden="true" /> {dose.dose}
                    </>
                  ) : (
                    <span class="muted">–</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const LENGTHS = [14, 28, 56, 120] as const;

/** General advice printed with every schedule (004's dosing notes, in plain words). */
const GENERAL: readonly { readonly about: string; readonly text: string }[] = [
  { about: "time", text: "Take each dose at its time and tick its box." },
  { about: "skip", text: "If you miss a dose, skip it. Do not take two doses together." },
  { about: "stomach", text: "If your stomach gets upset, take your doses with food." },
  {
    about: "sleep",
    text: "If you sleep badly or have vivid dreams, take your last dose earlier in the day and tell your clinic.",
  },
  { about: "check-in", text: "Do your daily check-in in the app: your clinic adjusts your dose from it." },
];

export function SchedulePage({
  id,
  name,
  back,
  patientView = false,
}: {
  readonly id: string;
  readonly name: string | null;
  readonly back: string;
  /** The patient's own view: no citations or clinic-setting labels (those are for clinicians). */
  readonly patientView?: boolean;
}) {
  const [days, setDays] = useState<number>(28);
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [from, setFrom] = useState<"today" | "start">("today");
  const [today, setToday] = useState<TodayDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [patientName, setPatientName] = useState<string | null>(name);
  const [clinic, setClinic] = useState<{ name: string; phone: string } | null>(null);
  useEffect(() => {
    api.get<{ name: string; phone: string }>("/api/clinic").then(setClinic, () => undefined);
  }, []);
  useEffect(() => {
    if (name !== null) return;
    // Staff: the name for the printout (pharmacists may not read the record; then none is shown).
    api.get<{ displayName: string }>(`/api/patients/${id}`).then(
      (p) => setPatientName(p.displayName),
      () => undefined,
    );
  }, [id, name]);
  useEffect(() => {
    const since = from === "today" ? `&from=${todayIso()}` : "";
    api
      .get<Schedule>(`/api/patients/${id}/schedule?days=${days}${since}`)
      .then(setSchedule, (e) => setError(messageOf(e)));
  }, [id, days, from]);
  useEffect(() => {
    api.get<TodayDto>(`/api/patients/${id}/today`).then(setToday, () => undefined);
  }, [id]);
  if (error) return <ErrorNote message={error} />;
  if (!schedule) return <p class="loading">Loading the schedule…</p>;
  // The patient's own instructions (from their diary) first, then the general ones not said yet.
  const own = today?.instructions ?? [];
  const advice = [
    ...own,
    ...GENERAL.filter((g) => !own.some((line) => line.toLowerCase().includes(g.about))).map((g) => g.text),
  ];
  // Once the titration has moved on (window, MED, paused, a clinician's decision...), the engine
  // sets the dose, not the protocol's table: then the doses held from today are what is printed.
  const now = today?.today ?? null;
  const rowToday = schedule.days.find((d) => d.date === todayIso());
  const engineSets = now !== null && today?.state !== null && today?.state !== "titrating" ? now : null;
  // Still titrating, but today's doses are not the table's (a hold, a clinician's decision...).
  const offTable =
    engineSets === null && now !== null && rowToday !== undefined && rowToday.totalUg !== now.totalUg
      ? now
      : null;
  const held: Row[] = engineSets
    ? Array.from({ length: days }, (_, i) => ({ ...engineSets, date: addDays(todayIso(), i) }))
    : [];
  return (
    <section class="schedule-page">
      <div class="row spread no-print">
        <a href={back}>← Back</a>
        <div class="row">
          <label class="inline">
            From{" "}
            <select value={from} onChange={(e) => setFrom(e.currentTarget.value as "today" | "start")}>
              <option value="today">today</option>
              <option value="start">the start of the plan</option>
            </select>
          </label>
          <label class="inline">
            Days{" "}
            <select value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))}>
              {LENGTHS.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => window.print()}>
            Print schedule
          </button>
        </div>
      </div>
      <h1>
        LDN schedule{patientName ? ` for ${patientName}` : ""}
        <span class="muted"> · {schedule.protocolName}</span>
      </h1>
      {clinic && (
        <p class="clinic-contact" data-testid="clinic-contact">
          {clinic.name}
          {clinic.phone && ` · Questions? Call ${clinic.phone}`}
        </p>
      )}
      {/* Citations and clinic-setting labels are for clinicians, on screen: never on paper or the patient's view. */}
      {!patientView && (
        <div class="no-print" data-testid="clinician-notes">
          <Source>
            {schedule.source}. Protocol {schedule.protocolKey}.
          </Source>
          {schedule.settingNotes.length > 0 && (
            <ul class="small muted">
              {schedule.settingNotes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {engineSets && (
        <div class="alert">
          <p>
            <strong>
              Now: {engineSets.total} a day (
              {engineSets.doses.map((d) => `${d.dose} at ${d.time}`).join(", ")}
              ).
            </strong>{" "}
            {STATE_LABEL[today?.state ?? ""] ?? "The titration has moved on"}: your doses are set by your
            clinic from your check-ins, not by the protocol’s table. Keep to them until your clinic changes
            them.
          </p>
        </div>
      )}
      {offTable && (
        <div class="alert">
          <p>
            <strong>Today: {offTable.total}</strong>, not the {rowToday!.total} of the table below. The table
            is the protocol as written; the app shows each day’s doses as your clinic sets them.
          </p>
        </div>
      )}
      <div class="card print-plain">
        <h2>How to take it</h2>
        <ul class="advice">
          {advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      {schedule.opioidInstructions && (
        <div class="card print-plain opioid-instructions">
          <h2>{schedule.opioidInstructions.title}</h2>
          <ul class="advice">
            {schedule.opioidInstructions.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {engineSets ? (
        <>
          <ScheduleTable
            rows={held}
            caption="Your doses from today, each day until your clinic changes them"
          />
          <details class="no-print">
            <summary>The protocol’s own table, as written (not your doses now)</summary>
            <ScheduleTable rows={schedule.days} caption="The protocol as written" />
          </details>
        </>
      ) : (
        <ScheduleTable rows={schedule.days} caption="Doses by day; tick each dose when taken" />
      )}
      <p class="small muted">
        Decision support: your clinician may change these doses as your titration goes on; the app always
        shows today’s doses.
      </p>
    </section>
  );
}
