/**
 * A corrected diary day's history for the clinician: each correction with who made it, when,
 * and what it changed (before and after, in words).
 */
import type { DiaryDayDto } from "../../../src/http/routes/check-ins.ts";
import { SIDE_EFFECT_LABEL, doseText, whenText } from "../format.ts";

const FIELD_LABEL: Readonly<Record<string, string>> = {
  doses: "Doses taken",
  pain: "Pain",
  mood: "Mood",
  energy: "Energy",
  clarity: "Clarity",
  sideEffects: "Side effects",
  impression: "Compared with the previous dose",
  note: "Note",
};

/** Who recorded a version, in words. */
export function byText(by: DiaryDayDto["recordedBy"]): string {
  if (!by) return "not recorded";
  if (by.kind === "patient") return "the patient";
  if (by.kind === "system") return "the system";
  return by.name ?? "a staff member";
}

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (field === "doses" && Array.isArray(value)) {
    const doses = value as { time: string; ug: number }[];
    return doses.length === 0 ? "none" : doses.map((d) => `${doseText(d.ug)} at ${d.time}`).join(", ");
  }
  if (field === "sideEffects" && Array.isArray(value)) {
    return value.length === 0
      ? "none"
      : value.map((e) => SIDE_EFFECT_LABEL[String(e)] ?? String(e)).join(", ");
  }
  return String(value);
}

export function DiaryCorrections({ day }: { readonly day: DiaryDayDto }) {
  if (day.corrections.length === 0) return null;
  const first = day.earlier[0];
  return (
    <details class="corrections small">
      <summary>corrected {day.corrections.length === 1 ? "once" : `${day.corrections.length} times`}</summary>
      <ol>
        {first && (
          <li>
            First recorded {whenText(first.recordedAt)} by {byText(first.recordedBy)}
          </li>
        )}
        {day.corrections.map((c) => (
          <li key={c.version}>
            Corrected {whenText(c.recordedAt)} by {byText(c.recordedBy)}:{" "}
            {c.changes.length === 0
              ? "saved again, nothing changed"
              : c.changes
                  .map(
                    (ch) =>
                      `${FIELD_LABEL[ch.field] ?? ch.field} ${valueText(ch.field, ch.from)} → ${valueText(ch.field, ch.to)}`,
                  )
                  .join("; ")}
          </li>
        ))}
      </ol>
    </details>
  );
}
