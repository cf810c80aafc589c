/** The patient's phone: today's doses to tick, a one-minute check-in, tomorrow, their progress. */
import { useEffect, useState } from "preact/hooks";
import type { PlanDto, TodayDto } from "../../../src/http/api/patients.ts";
import type { AssessmentDto } from "../../../src/http/routes/assessment.ts";
import type { DiaryDayDto } from "../../../src/http/routes/check-ins.ts";
import { ApiError, api, messageOf, type Me } from "../api.ts";
import { PatientAlerts } from "../components/alerts.tsx";
import { TitrationChart } from "../components/chart.tsx";
import { ErrorNote } from "../components/field-error.tsx";
import { SIDE_EFFECT_LABEL, shortDate, todayIso } from "../format.ts";
import { pendingCount, sendCheckIn } from "../offline-queue.ts";
import { RefusedCheckIns } from "../components/refused-check-ins.tsx";
import { Questionnaires } from "./questionnaires.tsx";

type PatientMe = Extract<Me, { kind: "patient" }>;

/** A copy of `ticks` without `time`. */
function without(ticks: Record<string, boolean>, time: string): Record<string, boolean> {
  const rest = { ...ticks };
  delete rest[time];
  return rest;
}

/** "08:03", the phone's clock time of an instant. */
const clockOf = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

/**
 * A 0-10 rating as native radio buttons drawn as a row of boxes: one tab stop, arrow keys move
 * the choice, and screen readers hear "Pain, 7, radio button, 8 of 11".
 */
function Scale({
  name,
  label,
  value,
  onChange,
  low,
  high,
}: {
  name: string;
  label: string;
  value: number | null;
  onChange: (v: number) => void;
  low: string;
  high: string;
}) {
  return (
    <fieldset class="scale">
      <legend>{label}</legend>
      <div class="scale-buttons" role="radiogroup" aria-label={label}>
        {Array.from({ length: 11 }, (_, v) => (
          <label key={v} class={value === v ? "chosen" : ""}>
            <input
              type="radio"
              name={name}
              value={String(v)}
              checked={value === v}
              onChange={() => onChange(v)}
            />
            {v}
          </label>
        ))}
      </div>
      <div class="scale-ends small muted" aria-hidden="true">
        <span>{low}</span>
        <span>{high}</span>
      </div>
    </fieldset>
  );
}

export function PatientHome({ me }: { readonly me: PatientMe }) {
  // The doses as loaded for a day: shown only once they are for the day chosen.
  const [loaded, setLoaded] = useState<{ readonly date: string; readonly today: TodayDto } | null>(null);
  const [entries, setEntries] = useState<DiaryDayDto[]>([]);
  const [assessment, setAssessment] = useState<AssessmentDto | null>(null);
  const [planStart, setPlanStart] = useState<string | null>(null);
  const [date, setDate] = useState(todayIso());
  // Ticks not saved yet (no connection): sent with the check-in; cleared once the server answers.
  const [pending, setPending] = useState<{ readonly date: string; readonly ticks: Record<string, boolean> }>({
    date: "",
    ticks: {},
  });
  const [tickNote, setTickNote] = useState<string | null>(null);
  const [pain, setPain] = useState<number | null>(null);
  const [mood, setMood] = useState<number | null>(null);
  const [energy, setEnergy] = useState<number | null>(null);
  const [clarity, setClarity] = useState<number | null>(null);
  const [effects, setEffects] = useState<string[]>([]);
  const [impression, setImpression] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const reload = () => setVersion((v) => v + 1);
    window.addEventListener("ldn-synced", reload);
    return () => window.removeEventListener("ldn-synced", reload);
  }, []);
  useEffect(() => {
    api.get<TodayDto>(`/api/patients/${me.id}/today?today=${date}`).then(
      (today) => setLoaded({ date, today }),
      (e) => setError(messageOf(e)),
    );
    api.get<DiaryDayDto[]>(`/api/patients/${me.id}/check-ins`).then(setEntries, () => undefined);
    api.get<AssessmentDto | null>(`/api/patients/${me.id}/assessment`).then(setAssessment, () => undefined);
    api.get<PlanDto[]>(`/api/patients/${me.id}/plans`).then(
      (plans) => setPlanStart(plans.at(-1)?.startDate ?? null),
      () => undefined,
    );
  }, [me.id, date, version]);

  const today = loaded?.date === date ? loaded.today : null;
  const doses = today?.today?.doses ?? [];
  const unsaved = pending.date === date ? pending.ticks : {};
  /** Taken: as the server says (ticked, or in the saved check-in), unless ticked here since without a connection. */
  const isTaken = (time: string) => unsaved[time] ?? doses.some((d) => d.time === time && d.takenAt !== null);
  const takenAt = (time: string) => doses.find((d) => d.time === time)?.takenAt ?? null;
  /** Saves a tick at once, so a reload or the next visit shows the dose taken. */
  const tick = async (time: string, checked: boolean) => {
    setError(null);
    setTickNote(null);
    setPending({ date, ticks: { ...unsaved, [time]: checked } });
    try {
      const saved = await api.post<{ date: string; doses: { time: string; takenAt: string | null }[] }>(
        `/api/patients/${me.id}/doses`,
        { date, time, taken: checked },
      );
      const at = new Map(saved.doses.map((d) => [d.time, d.takenAt]));
      setLoaded((l) =>
        l && l.date === saved.date && l.today.today
          ? {
              ...l,
              today: {
                ...l.today,
                today: {
                  ...l.today.today,
                  doses: l.today.today.doses.map((d) => ({ ...d, takenAt: at.get(d.time) ?? null })),
                },
              },
            }
          : l,
      );
      setPending((p) => ({ date, ticks: without(p.date === date ? p.ticks : {}, time) }));
      // A tick on a day already checked in corrects that day's saved doses.
      if (done) api.get<DiaryDayDto[]>(`/api/patients/${me.id}/check-ins`).then(setEntries, () => undefined);
    } catch (err) {
      if (err instanceof ApiError) {
        setPending((p) => ({ date, ticks: without(p.date === date ? p.ticks : {}, time) }));
        setError(messageOf(err));
      } else {
        setTickNote(
          "No connection: this tick is not saved yet. It is kept here and sent with your check-in.",
        );
      }
    }
  };
  const entry = entries.find((e) => e.date === date);
  const done = entry !== undefined;
  // A day already checked in opens with what was saved, so a correction starts from it (and
  // saving it again never blanks what was not changed).
  const shownEntry = `${date}:${entry?.id ?? "none"}`;
  useEffect(() => {
    const c = entry?.checkIn;
    setPain(c?.pain ?? null);
    setMood(c?.mood ?? null);
    setEnergy(c?.energy ?? null);
    setClarity(c?.clarity ?? null);
    setEffects(c ? [...c.sideEffects] : []);
    setImpression(c?.impression ?? null);
    setNote(c?.note ?? "");
    // Only when another day, or its first saved entry, is shown: never over what is being typed.
  }, [shownEntry]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setStatus(null);
    if (pain === null) return setError("Choose your pain, 0 to 10.");
    const body = {
      date,
      doses: doses.filter((d) => isTaken(d.time)).map((d) => ({ time: d.time, ug: d.ug })),
      pain,
      ...(mood !== null ? { mood } : {}),
      ...(energy !== null ? { energy } : {}),
      ...(clarity !== null ? { clarity } : {}),
      sideEffects: effects,
      ...(impression ? { impression } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    try {
      const result = await sendCheckIn({ patientId: me.id, key: crypto.randomUUID(), body });
      setStatus(
        result === "sent"
          ? done
            ? `Saved your correction for ${shortDate(date)}; the earlier version is kept for your clinic.`
            : `Saved your check-in for ${shortDate(date)}. Thank you!`
          : result === "held"
            ? `The clinic server could not save your check-in for ${shortDate(date)} just now: it is kept on this phone and will be sent again.`
            : `You are offline: your check-in for ${shortDate(date)} is kept on this phone and will be sent when you are back online.`,
      );
      // The form keeps what was saved (it shows the day as recorded once reloaded).
      setVersion((v) => v + 1);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  // The chart starts with the plan; the days before it are the pain before LDN.
  const start = planStart ?? (entries.length ? entries[0]!.date : date);
  const before = entries.filter((e) => e.date < start).map((e) => e.checkIn.pain);
  return (
    <section class="phone">
      <h1>Hello, {me.displayName}</h1>
      <ErrorNote message={error} />
      <PatientAlerts alerts={today?.alerts ?? []} />
      <RefusedCheckIns patientId={me.id} />
      <div class="card">
        <h2>
          {date === todayIso() ? "Today’s doses" : "Doses"} ({shortDate(date)})
        </h2>
        {today?.today ? (
          <p class="muted small">
            Total {today.today.total}. Tap each dose as you take it: it is saved at once.
          </p>
        ) : (
          <p class="muted">{today ? "No doses today." : "Loading…"}</p>
        )}
        <ul class="doses" aria-label={today ? `Doses for ${shortDate(date)}` : "Doses loading"}>
          {doses.map((d) => (
            <li key={d.time}>
              <label class={isTaken(d.time) ? "dose taken" : "dose"}>
                <input
                  type="checkbox"
                  checked={isTaken(d.time)}
                  onChange={(e) => void tick(d.time, e.currentTarget.checked)}
                />
                <span class="time">{d.time}</span> <span class="amount">{d.dose}</span>
                {isTaken(d.time) && (
                  <span class="taken-at small">
                    {takenAt(d.time) ? `taken ${clockOf(takenAt(d.time)!)}` : "taken, not saved yet"}
                  </span>
                )}
              </label>
            </li>
          ))}
        </ul>
        {tickNote && (
          <p class="small warning" role="status">
            {tickNote}
          </p>
        )}
        {today?.tomorrow && (
          <p class="small">
            {date === todayIso() ? "Tomorrow" : "The day after"}: <strong>{today.tomorrow.total}</strong> (
            {today.tomorrow.doses.map((d) => `${d.dose} at ${d.time}`).join(", ")})
          </p>
        )}
        {today?.instructions.map((line) => (
          <p key={line} class="instruction">
            {line}
          </p>
        ))}
        {today?.today && (
          <p class="small">
            <a href="/schedule">Your whole schedule (to print)</a>
          </p>
        )}
      </div>
      <form class="card stack checkin" onSubmit={submit} aria-labelledby="checkin-title">
        <h2 id="checkin-title">Daily check-in</h2>
        <label>
          Day
          <input type="date" value={date} max={todayIso()} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        {done && (
          <p class="small good">
            You have checked in for this day: below is what you saved. Change anything and save again to
            correct it.
          </p>
        )}
        <Scale
          name="pain"
          label="Pain (average over the last 24 hours)"
          value={pain}
          onChange={setPain}
          low="0 no pain"
          high="10 worst"
        />
        <Scale
          name="mood"
          label="Mood"
          value={mood}
          onChange={setMood}
          low="0 very low"
          high="10 very good"
        />
        <Scale name="energy" label="Energy" value={energy} onChange={setEnergy} low="0 none" high="10 full" />
        <Scale
          name="clarity"
          label="Mental clarity"
          value={clarity}
          onChange={setClarity}
          low="0 foggy"
          high="10 clear"
        />
        <fieldset>
          <legend>Side effects</legend>
          <div class="chips">
            {Object.entries(SIDE_EFFECT_LABEL).map(([id, label]) => (
              <label key={id} class={effects.includes(id) ? "chip on" : "chip"}>
                <input
                  type="checkbox"
                  checked={effects.includes(id)}
                  onChange={(e) =>
                    setEffects(e.currentTarget.checked ? [...effects, id] : effects.filter((x) => x !== id))
                  }
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>Compared with the previous dose (optional)</legend>
          <div class="chips">
            {["better", "same", "worse"].map((v) => (
              <label key={v} class={impression === v ? "chip on" : "chip"}>
                <input
                  type="radio"
                  name="impression"
                  checked={impression === v}
                  onChange={() => setImpression(v)}
                />
                {v}
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          Note (optional)
          <textarea
            name="note"
            maxLength={2000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </label>
        {status && (
          <p class="good" role="status">
            {status}
          </p>
        )}
        {pendingCount() > 0 && <p class="small muted">{pendingCount()} check-in(s) waiting to be sent.</p>}
        <button type="submit" class="big">
          {done ? "Save correction" : "Save check-in"}
        </button>
      </form>
      {assessment && entries.length > 0 && (
        <div class="card">
          <h2>Your progress</h2>
          <TitrationChart
            compact
            windowUg={assessment.windowUg}
            medUg={assessment.medUg}
            baselinePain={before.length ? before.reduce((a, b) => a + b, 0) / before.length : null}
            days={entries
              .filter((e) => e.date >= start)
              .map((e) => ({
                date: e.date,
                totalUg: e.checkIn.doses.reduce((s, d) => s + d.ug, 0),
                pain: e.checkIn.pain,
                sideEffects: e.checkIn.sideEffects,
              }))}
          />
        </div>
      )}
      <Questionnaires id={me.id} forPatient />
    </section>
  );
}
