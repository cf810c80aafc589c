/**
 * The one-minute daily check-in. Each error is shown at the question it is about, next to
 * Save on a phone's screen rather than at the top of the page (issue 12).
 */
import { useEffect, useState } from "preact/hooks";
import type { DiaryDayDto } from "../../../src/http/routes/check-ins.ts";
import { ApiError, messageOf, reasonOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { Scale } from "../components/scale.tsx";
import { SIDE_EFFECT_LABEL, shortDate, todayIso } from "../format.ts";
import { pendingCount, sendCheckIn } from "../offline-queue.ts";

/** The questions of the form, by the name the server gives a field ("checkIn.pain" is "pain"). */
type FieldName = "date" | "pain" | "mood" | "energy" | "clarity" | "sideEffects" | "impression" | "note";
const FIELDS: readonly FieldName[] = [
  "date",
  "pain",
  "mood",
  "energy",
  "clarity",
  "sideEffects",
  "impression",
  "note",
];

/**
 * The question a server error is about, or null when it is about none of them (then it is
 * shown by Save).
 *
 * @example fieldOf("checkIn.pain") // "pain"
 * @example fieldOf("body.sideEffects.2") // "sideEffects"
 */
export function fieldOf(field: string | undefined): FieldName | null {
  const name = field?.replace(/^(checkIn|body)\./, "").split(/[.[]/)[0];
  return FIELDS.find((f) => f === name) ?? null;
}

type Errors = Partial<Record<FieldName | "form", string>>;

/** The 0-10 questions, in the order asked: one Scale each; pain alone must be answered. */
const SCALES = [
  { name: "pain", label: "Pain (average over the last 24 hours)", low: "0 no pain", high: "10 worst" },
  { name: "mood", label: "Mood", low: "0 very low", high: "10 very good" },
  { name: "energy", label: "Energy", low: "0 none", high: "10 full" },
  { name: "clarity", label: "Mental clarity", low: "0 foggy", high: "10 clear" },
] as const;
type ScaleName = (typeof SCALES)[number]["name"];
type Ratings = Record<ScaleName, number | null>;

/** The ratings of a saved check-in, an unanswered one as null; all null for a new day. */
function ratingsOf(checkIn: Partial<Record<ScaleName, number>> | undefined): Ratings {
  return {
    pain: checkIn?.pain ?? null,
    mood: checkIn?.mood ?? null,
    energy: checkIn?.energy ?? null,
    clarity: checkIn?.clarity ?? null,
  };
}

/** The answered ratings only: an unanswered optional question is left out of the check-in. */
function answered(ratings: Ratings): Partial<Record<ScaleName, number>> {
  const out: Partial<Record<ScaleName, number>> = {};
  for (const { name } of SCALES) {
    const value = ratings[name];
    if (value !== null) out[name] = value;
  }
  return out;
}

/** Brings the question an error is about into view and focus, so the patient sees it at once. */
function focusField(field: FieldName | "form"): void {
  const selector = field === "date" ? ".checkin input[type=date]" : `.checkin [name="${field}"]`;
  // After the error is drawn, so it is scrolled into view with its question.
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLElement>(
      field === "form" ? ".checkin button[type=submit]" : selector,
    );
    // The whole question with its error (a scale's fieldset), not the first button's label.
    (input?.closest("fieldset") ?? input?.closest("label"))?.scrollIntoView({ block: "center" });
    input?.focus({ preventScroll: true });
  });
}

export function CheckInForm({
  patientId,
  date,
  onDate,
  entry,
  takenDoses,
  onSaved,
}: {
  readonly patientId: string;
  readonly date: string;
  readonly onDate: (date: string) => void;
  /** What was saved for this day, if anything: the form opens with it, to correct. */
  readonly entry: DiaryDayDto | undefined;
  readonly takenDoses: readonly { readonly time: string; readonly ug: number }[];
  readonly onSaved: () => void;
}) {
  const [ratings, setRatings] = useState<Ratings>(ratingsOf(undefined));
  const [effects, setEffects] = useState<string[]>([]);
  const [impression, setImpression] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const done = entry !== undefined;
  // A day already checked in opens with what was saved, so a correction starts from it (and
  // saving it again never blanks what was not changed).
  const shownEntry = `${date}:${entry?.id ?? "none"}`;
  useEffect(() => {
    const c = entry?.checkIn;
    setRatings(ratingsOf(c));
    setEffects(c ? [...c.sideEffects] : []);
    setImpression(c?.impression ?? null);
    setNote(c?.note ?? "");
    setErrors({});
    // Only when another day, or its first saved entry, is shown: never over what is being typed.
  }, [shownEntry]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    setStatus(null);
    const { pain } = ratings;
    if (pain === null) {
      setErrors({ pain: "Choose your pain, 0 to 10, before saving." });
      return focusField("pain");
    }
    const body = {
      date,
      doses: takenDoses.map((d) => ({ time: d.time, ug: d.ug })),
      ...answered(ratings),
      pain,
      sideEffects: effects,
      ...(impression ? { impression } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    try {
      const result = await sendCheckIn({ patientId, key: crypto.randomUUID(), body });
      setStatus(
        result === "sent"
          ? done
            ? `Saved your correction for ${shortDate(date)}; the earlier version is kept for your clinic.`
            : `Saved your check-in for ${shortDate(date)}. Thank you!`
          : result === "held"
            ? `The clinic server could not save your check-in for ${shortDate(date)} just now: it is kept on this phone and will be sent again.`
            : `You are offline: your check-in for ${shortDate(date)} is kept on this phone and will be sent when you are back online.`,
      );
      onSaved();
    } catch (err) {
      const field = (err instanceof ApiError ? fieldOf(err.field) : null) ?? "form";
      setErrors({ [field]: field === "form" ? messageOf(err) : reasonOf(err) });
      focusField(field);
    }
  };
  const scaleInput = (scale: (typeof SCALES)[number]) => (
    <Scale
      key={scale.name}
      name={scale.name}
      label={scale.label}
      low={scale.low}
      high={scale.high}
      value={ratings[scale.name]}
      onChange={(v) => setRatings((r) => ({ ...r, [scale.name]: v }))}
      error={errors[scale.name] ?? null}
    />
  );
  const toggleEffect = (id: string, on: boolean) =>
    setEffects(on ? [...effects, id] : effects.filter((x) => x !== id));
  const waiting = pendingCount();
  return (
    <form class="card stack checkin" onSubmit={submit} aria-labelledby="checkin-title" noValidate>
      <h2 id="checkin-title">Daily check-in</h2>
      <label>
        Day
        <input
          type="date"
          value={date}
          max={todayIso()}
          aria-invalid={errors.date ? true : undefined}
          onInput={(e) => onDate(e.currentTarget.value)}
        />
      </label>
      <ErrorNote message={errors.date ?? null} />
      {done && (
        <p class="small good">
          You have checked in for this day: below is what you saved. Change anything and save again to correct
          it.
        </p>
      )}
      {SCALES.slice(0, 1).map(scaleInput)}
      {/* Without them the engine reads pain alone and finds fewer windows (bench/engine-stress.ts,
          pain-only diaries): the patient is told why, not made to. */}
      <p class="small">
        Mood, energy and mental clarity are optional, but rating them each day helps your clinic see sooner
        whether LDN is working for you.
      </p>
      {SCALES.slice(1).map(scaleInput)}
      <fieldset>
        <legend>Side effects</legend>
        <div class="chips">
          {Object.entries(SIDE_EFFECT_LABEL).map(([id, label]) => (
            <label key={id} class={effects.includes(id) ? "chip on" : "chip"}>
              <input
                type="checkbox"
                checked={effects.includes(id)}
                onChange={(e) => toggleEffect(id, e.currentTarget.checked)}
              />
              {label}
            </label>
          ))}
        </div>
        <ErrorNote message={errors.sideEffects ?? null} />
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
        <ErrorNote message={errors.impression ?? null} />
      </fieldset>
      <label>
        Note (optional)
        <textarea name="note" maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      <ErrorNote message={errors.note ?? null} />
      {status && (
        <p class="good" role="status">
          {status}
        </p>
      )}
      {waiting > 0 && <p class="small muted">{waiting} check-in(s) waiting to be sent.</p>}
      <ErrorNote message={errors.form ?? null} />
      <button type="submit" class="big">
        {done ? "Save correction" : "Save check-in"}
      </button>
    </form>
  );
}
