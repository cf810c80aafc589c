/** The day's doses to tick as they are taken: each tick is saved at once, or kept while offline. */
import type { TodayDto } from "../../../src/http/api/patients.ts";
import { shortDate, todayIso } from "../format.ts";

/** "08:03", the phone's clock time of an instant. */
const clockOf = (iso: string) =>
  new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

/** What is known of the day's doses: loading, loaded, or not to be had without a connection. */
export type DosesState =
  | { readonly kind: "loading" }
  | { readonly kind: "loaded"; readonly today: TodayDto }
  | { readonly kind: "unreachable" };

export function TodaysDoses({
  date,
  state,
  isTaken,
  onTick,
  tickNote,
}: {
  readonly date: string;
  readonly state: DosesState;
  readonly isTaken: (time: string) => boolean;
  readonly onTick: (time: string, taken: boolean) => void;
  readonly tickNote: string | null;
}) {
  const today = state.kind === "loaded" ? state.today : null;
  const doses = today?.today?.doses ?? [];
  const isToday = date === todayIso();
  return (
    <div class="card">
      <h2>
        {isToday ? "Today’s doses" : "Doses"} ({shortDate(date)})
      </h2>
      {today?.today ? (
        <p class="muted small">
          Total {today.today.total}. Tap each dose as you take it: it is saved at once.
        </p>
      ) : state.kind === "unreachable" ? (
        <p class="warning" role="status">
          The doses for {shortDate(date)} cannot be loaded without a connection.
          {isToday ? "" : " Today’s doses are kept on this phone: choose today to see them."} You can still
          check in: it is sent when you are back online.
        </p>
      ) : (
        <p class="muted">{today ? "No doses on this day." : "Loading…"}</p>
      )}
      <ul class="doses" aria-label={today ? `Doses for ${shortDate(date)}` : "Doses loading"}>
        {doses.map((d) => (
          <li key={d.time}>
            <label class={isTaken(d.time) ? "dose taken" : "dose"}>
              <input
                type="checkbox"
                checked={isTaken(d.time)}
                onChange={(e) => onTick(d.time, e.currentTarget.checked)}
              />
              <span class="time">{d.time}</span> <span class="amount">{d.dose}</span>
              {isTaken(d.time) && (
                <span class="taken-at small">
                  {d.takenAt ? `taken ${clockOf(d.takenAt)}` : "taken, not saved yet"}
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
          {isToday ? "Tomorrow" : "The day after"}: <strong>{today.tomorrow.total}</strong> (
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
  );
}
