/**
 * Check-ins that waited on this phone and were then refused by the server: the patient is told
 * which day, what the server said, and that they should check in for that day again.
 */
import { useEffect, useState } from "preact/hooks";
import { shortDate } from "../format.ts";
import { dismissRefused, refusedCheckIns, type RefusedCheckIn } from "../offline-queue.ts";

const dayOf = (r: RefusedCheckIn): string | null => {
  const date = (r.body as { date?: unknown } | null)?.date;
  return typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
};

/** Nothing when no waiting check-in was refused. */
export function RefusedCheckIns({ patientId }: { readonly patientId: string }) {
  const [refused, setRefused] = useState(() => refusedCheckIns(patientId));
  useEffect(() => {
    const reload = () => setRefused(refusedCheckIns(patientId));
    window.addEventListener("ldn-refused", reload);
    return () => window.removeEventListener("ldn-refused", reload);
  }, [patientId]);
  if (refused.length === 0) return null;
  return (
    <section class="card refused-check-ins" role="alert" aria-labelledby="refused-title">
      <h2 id="refused-title">
        {refused.length === 1 ? "A check-in was not saved" : `${refused.length} check-ins were not saved`}
      </h2>
      <ul>
        {refused.map((r) => {
          const day = dayOf(r);
          return (
            <li key={r.key}>
              <p>
                Your check-in {day ? `for ${shortDate(day)} ` : ""}waited on this phone, and the clinic server
                refused it: {r.message}
              </p>
              <p>Please check in {day ? "for that day " : ""}again.</p>
              <button
                type="button"
                onClick={() => {
                  dismissRefused(r.key);
                  setRefused(refusedCheckIns(patientId));
                }}
              >
                I have read this
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
