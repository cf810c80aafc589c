/** The patient's phone: today's doses to tick, a one-minute check-in, their history and trends. */
import { useEffect, useState } from "preact/hooks";
import type { PlanDto, TodayDto } from "../../../src/http/api/patients.ts";
import type { AssessmentDto } from "../../../src/http/routes/assessment.ts";
import type { DiaryDayDto } from "../../../src/http/routes/check-ins.ts";
import { ApiError, api, messageOf, type Me } from "../api.ts";
import { PatientAlerts } from "../components/alerts.tsx";
import { ErrorNote } from "../components/field-error.tsx";
import { RefusedCheckIns } from "../components/refused-check-ins.tsx";
import { Reminders } from "../components/reminders.tsx";
import { todayIso } from "../format.ts";
import { CheckInForm } from "./check-in-form.tsx";
import { PatientHistory } from "./patient-history.tsx";
import { Questionnaires } from "./questionnaires.tsx";
import { TodaysDoses, type DosesState } from "./todays-doses.tsx";

type PatientMe = Extract<Me, { kind: "patient" }>;

/** A copy of `ticks` without `time`. */
function without(ticks: Record<string, boolean>, time: string): Record<string, boolean> {
  const rest = { ...ticks };
  delete rest[time];
  return rest;
}

/** The day's doses with the server's saved ticks put in. */
function withTicks(state: DosesState, saved: { time: string; takenAt: string | null }[]): DosesState {
  if (state.kind !== "loaded" || !state.today.today) return state;
  const at = new Map(saved.map((d) => [d.time, d.takenAt]));
  const today = state.today.today;
  return {
    kind: "loaded",
    today: {
      ...state.today,
      today: { ...today, doses: today.doses.map((d) => ({ ...d, takenAt: at.get(d.time) ?? null })) },
    },
  };
}

export function PatientHome({ me }: { readonly me: PatientMe }) {
  const [date, setDate] = useState(todayIso());
  // The doses as loaded for a day: shown only once they are for the day chosen.
  const [loaded, setLoaded] = useState<{ readonly date: string; readonly state: DosesState } | null>(null);
  const [entries, setEntries] = useState<DiaryDayDto[]>([]);
  const [assessment, setAssessment] = useState<AssessmentDto | null>(null);
  const [planStart, setPlanStart] = useState<string | null>(null);
  // Ticks not saved yet (no connection): sent with the check-in; cleared once the server answers.
  const [pending, setPending] = useState<{ readonly date: string; readonly ticks: Record<string, boolean> }>({
    date: "",
    ticks: {},
  });
  const [tickNote, setTickNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  useEffect(() => {
    window.addEventListener("ldn-synced", reload);
    return () => window.removeEventListener("ldn-synced", reload);
  }, []);
  const loadDiary = () =>
    api.get<DiaryDayDto[]>(`/api/patients/${me.id}/check-ins`).then(setEntries, () => undefined);
  useEffect(() => {
    api.get<TodayDto>(`/api/patients/${me.id}/today?today=${date}`).then(
      (today) => setLoaded({ date, state: { kind: "loaded", today } }),
      // Without a connection a day not kept on the phone cannot load: say so, never "Loading…" for ever.
      (e) =>
        e instanceof ApiError ? setError(messageOf(e)) : setLoaded({ date, state: { kind: "unreachable" } }),
    );
    void loadDiary();
    api.get<AssessmentDto | null>(`/api/patients/${me.id}/assessment`).then(setAssessment, () => undefined);
    api.get<PlanDto[]>(`/api/patients/${me.id}/plans`).then(
      (plans) => setPlanStart(plans.at(-1)?.startDate ?? null),
      () => undefined,
    );
  }, [me.id, date, version]);

  const state: DosesState = loaded?.date === date ? loaded.state : { kind: "loading" };
  const doses = state.kind === "loaded" ? (state.today.today?.doses ?? []) : [];
  const unsaved = pending.date === date ? pending.ticks : {};
  /** Taken: as the server says (ticked, or in the saved check-in), unless ticked here since without a connection. */
  const isTaken = (time: string) => unsaved[time] ?? doses.some((d) => d.time === time && d.takenAt !== null);
  const entry = entries.find((e) => e.date === date);
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
      setLoaded((l) =>
        l && l.date === saved.date ? { date: l.date, state: withTicks(l.state, saved.doses) } : l,
      );
      setPending((p) => ({ date, ticks: without(p.date === date ? p.ticks : {}, time) }));
      // A tick on a day already checked in corrects that day's saved doses.
      if (entry) void loadDiary();
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
  /** Opens a past day in the check-in form, with what was saved, to correct it. */
  const edit = (day: string) => {
    setDate(day);
    document.getElementById("checkin-title")?.scrollIntoView({ block: "start" });
  };
  return (
    <section class="phone">
      <h1>Hello, {me.displayName}</h1>
      <ErrorNote message={error} />
      <PatientAlerts alerts={state.kind === "loaded" ? state.today.alerts : []} />
      <RefusedCheckIns patientId={me.id} />
      <TodaysDoses
        date={date}
        state={state}
        isTaken={isTaken}
        onTick={(t, c) => void tick(t, c)}
        tickNote={tickNote}
      />
      <CheckInForm
        patientId={me.id}
        date={date}
        onDate={setDate}
        entry={entry}
        takenDoses={doses.filter((d) => isTaken(d.time))}
        onSaved={reload}
      />
      <PatientHistory
        patientId={me.id}
        entries={entries}
        assessment={assessment}
        planStart={planStart}
        onEdit={edit}
      />
      <Questionnaires
        id={me.id}
        forPatient
        due={assessment?.forPatient.questionnaireDue ?? null}
        onSaved={reload}
      />
      <Reminders patientId={me.id} />
    </section>
  );
}
