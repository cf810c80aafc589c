/**
 * A 0-10 rating as native radio buttons drawn as a row of boxes: one tab stop, arrow keys move
 * the choice, and screen readers hear "Pain, 7, radio button, 8 of 11". Used by the daily
 * check-in and by the questionnaires, so both are answered the same way.
 */
import { ErrorNote } from "./field-error.tsx";

export function Scale({
  name,
  label,
  value,
  onChange,
  low,
  high,
  min = 0,
  max = 10,
  error = null,
}: {
  name: string;
  label: string;
  value: number | null;
  onChange: (v: number) => void;
  low: string;
  high: string;
  min?: number;
  max?: number;
  /** What is wrong with this answer, shown inside the question it is about. */
  error?: string | null;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset class={error ? "scale invalid" : "scale"} aria-describedby={error ? errorId : undefined}>
      <legend>{label}</legend>
      <div class="scale-buttons" role="radiogroup" aria-label={label}>
        {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((v) => (
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
      <ErrorNote id={errorId} message={error} />
    </fieldset>
  );
}
