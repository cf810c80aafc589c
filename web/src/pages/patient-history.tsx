/**
 * The patient's own record: past check-ins to look back on and correct, those still waiting on
 * the phone, and their trends (pain, mood, energy, clarity and side effects with the dose).
 */
import type { AssessmentDto } from "../../../src/http/routes/assessment.ts";
import type { DiaryDayDto } from "../../../src/http/routes/check-ins.ts";
import { TitrationChart } from "../components/chart.tsx";
import { SIDE_EFFECT_LABEL, shortDate } from "../format.ts";
import { waitingCheckIns } from "../offline-queue.ts";
import { DoseReason } from "./dose-reason.tsx";

/** "pain 4 · mood 6 · energy 5 · clarity 7": what was rated, in a line. */
function ratings(c: DiaryDayDto["checkIn"]): string {
  const parts: [string, number | undefined][] = [
    ["pain", c.pain],
    ["mood", c.mood],
    ["energy", c.energy],
    ["clarity", c.clarity],
  ];
  return parts
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => `${name} ${v}`)
    .join(" · ");
}

function PastEntries({
  patientId,
  entries,
  onEdit,
}: {
  readonly patientId: string;
  readonly entries: readonly DiaryDayDto[];
  readonly onEdit: (date: string) => void;
}) {
  const waiting = waitingCheckIns(patientId);
  // Two months, newest first: an older day is opened by choosing it in the check-in's Day.
  const newestFirst = [...entries].reverse().slice(0, 60);
  return (
    <div class="card" aria-labelledby="history-title">
      <h2 id="history-title">Your check-ins</h2>
      {entries.length === 0 && waiting.length === 0 && (
        <p class="muted">None yet: your first check-in will show here.</p>
      )}
      <ul class="history">
        {waiting.map((w) => (
          <li key={w.key} class="waiting">
            <strong>{w.date ? shortDate(w.date) : "A check-in"}</strong>{" "}
            <span class="tag warning">waiting to be sent</span>
            <div class="small">{w.pain === null ? "" : `pain ${w.pain}`}</div>
          </li>
        ))}
        {newestFirst.map((e) => (
          <li key={e.id}>
            <div class="row spread">
              <strong>{shortDate(e.date)}</strong>
              <button
                type="button"
                class="secondary"
                aria-label={`Edit ${shortDate(e.date)}`}
                onClick={() => onEdit(e.date)}
              >
                Edit
              </button>
            </div>
            <div class="small">{ratings(e.checkIn)}</div>
            {e.checkIn.sideEffects.length > 0 && (
              <div class="small">
                Side effects: {e.checkIn.sideEffects.map((s) => SIDE_EFFECT_LABEL[s] ?? s).join(", ")}
              </div>
            )}
            {e.version > 1 && <div class="small muted">corrected</div>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PatientHistory({
  patientId,
  entries,
  assessment,
  planStart,
  onEdit,
}: {
  readonly patientId: string;
  readonly entries: readonly DiaryDayDto[];
  readonly assessment: AssessmentDto | null;
  /** The plan's first day, when known: only then are earlier days the pain before LDN. */
  readonly planStart: string | null;
  readonly onEdit: (date: string) => void;
}) {
  // Without the plan's start (not loaded, or none yet) no day is called "before LDN".
  const before = planStart === null ? [] : entries.filter((e) => e.date < planStart);
  const shown = planStart === null ? entries : entries.filter((e) => e.date >= planStart);
  return (
    <>
      {assessment && <DoseReason assessment={assessment} />}
      <PastEntries patientId={patientId} entries={entries} onEdit={onEdit} />
      {shown.length > 0 && (
        <div class="card">
          <h2>Your trends</h2>
          <p class="small muted">Tap a name below the chart to show or hide it.</p>
          <TitrationChart
            compact
            everySeries
            windowUg={assessment?.windowUg ?? null}
            medUg={assessment?.medUg ?? null}
            baselinePain={
              before.length ? before.reduce((a, e) => a + e.checkIn.pain, 0) / before.length : null
            }
            days={shown.map((e) => ({
              date: e.date,
              totalUg: e.checkIn.doses.reduce((s, d) => s + d.ug, 0),
              pain: e.checkIn.pain,
              mood: e.checkIn.mood ?? null,
              energy: e.checkIn.energy ?? null,
              clarity: e.checkIn.clarity ?? null,
              sideEffects: e.checkIn.sideEffects,
            }))}
          />
        </div>
      )}
    </>
  );
}
