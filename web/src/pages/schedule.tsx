/**
 * The patient's schedule and instructions, on screen and on paper: the protocol's days with a box
 * per dose, its source, the clinic settings in force, and the plain-language instructions. The
 * print stylesheet (@media print in app.css) drops the app around it.
 */
import { useEffect, useState } from "preact/hooks";
import type { z } from "zod/v4";
import type { ScheduleSchema, TodayDto } from "../../../src/http/api/patients.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { shortDate } from "../format.ts";

type Schedule = z.infer<typeof ScheduleSchema>;

const LENGTHS = [14, 28, 56, 120] as const;

/** General advice printed with every schedule (004's dosing notes, in plain words). */
const GENERAL = [
  "Take each dose at its time. If you miss a dose, skip it: do not take two doses together.",
  "If your stomach is upset, take your doses with food.",
  "If you sleep badly or have vivid dreams, take your last dose earlier in the day and tell your clinic.",
  "Tick the box when you have taken a dose, and do your daily check-in in the app.",
];

export function SchedulePage({
  id,
  name,
  back,
}: {
  readonly id: string;
  readonly name: string | null;
  readonly back: string;
}) {
  const [days, setDays] = useState<number>(28);
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [instructions, setInstructions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [patientName, setPatientName] = useState<string | null>(name);
  useEffect(() => {
    if (name !== null) return;
    // Staff: the name for the printout (pharmacists may not read the record; then none is shown).
    api.get<{ displayName: string }>(`/api/patients/${id}`).then(
      (p) => setPatientName(p.displayName),
      () => undefined,
    );
  }, [id, name]);
  useEffect(() => {
    api
      .get<Schedule>(`/api/patients/${id}/schedule?days=${days}`)
      .then(setSchedule, (e) => setError(messageOf(e)));
  }, [id, days]);
  useEffect(() => {
    api.get<TodayDto>(`/api/patients/${id}/today`).then(
      (t) => setInstructions(t.instructions),
      () => undefined,
    );
  }, [id]);
  if (error) return <ErrorNote message={error} />;
  if (!schedule) return <p class="loading">Loading the schedule…</p>;
  const times = [...new Set(schedule.days.flatMap((d) => d.doses.map((x) => x.time)))].sort();
  const advice = [...new Set([...instructions, ...GENERAL])];
  return (
    <section class="schedule-page">
      <div class="row spread no-print">
        <a href={back}>← Back</a>
        <div class="row">
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
      <p class="small muted">
        Source: {schedule.source}. Protocol {schedule.protocolKey}.
      </p>
      {schedule.settingNotes.length > 0 && (
        <ul class="small muted">
          {schedule.settingNotes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div class="card print-plain">
        <h2>How to take it</h2>
        <ul class="advice">
          {advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <table class="schedule">
        <caption class="sr-only">Doses by day; tick each dose when taken</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
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
          {schedule.days.map((d) => (
            <tr key={d.date}>
              <td>{d.day}</td>
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
      <p class="small muted">
        Decision support: your clinician may change these doses as your titration goes on; the app always
        shows today’s doses.
      </p>
    </section>
  );
}
