/**
 * Outcome questionnaires (BPI, PROMIS Global-10, PROMIS Physical Function 4a): answered with
 * the same 0-10 (or 1-5) buttons as the daily check-in, a warning before saving one that cannot
 * be scored, a notice when one is due, and the scores with the change since the first.
 */
import { useEffect, useState } from "preact/hooks";
import type { AssessmentDto } from "../../../src/http/routes/assessment.ts";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";
import { Scale } from "../components/scale.tsx";
import { shortDate, todayIso } from "../format.ts";
import { QUESTIONNAIRE_FORMS, unscorable, type QuestionnaireForm } from "../questionnaire-forms.ts";
import type { QuestionnaireDto } from "../../../src/http/routes/questionnaires.ts";
import { QuestionnaireResults } from "./questionnaire-results.tsx";

type Due = AssessmentDto["forPatient"]["questionnaireDue"];

/** The notice of a questionnaire due, in the patient's words. */
function DueNotice({ due }: { readonly due: NonNullable<Due> }) {
  return (
    <p class="alert due-notice" role="status">
      {due.kind === "start"
        ? "Please answer the questionnaires below: your clinic uses them to see how LDN helps you over time."
        : `It is time to answer your questionnaires again (due since ${shortDate(due.since)}): it shows your clinic how much LDN has helped.`}
    </p>
  );
}

function FormFill({
  id,
  form,
  forPatient,
  onDone,
}: {
  readonly id: string;
  readonly form: QuestionnaireForm;
  readonly forPatient: boolean;
  readonly onDone: (saved: boolean) => void;
}) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [answeredOn, setAnsweredOn] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  // The scores a save now would leave unscored, once the patient has been warned of them.
  const [warned, setWarned] = useState<string[] | null>(null);
  const missing = unscorable(form, answers);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    if (missing.length > 0 && warned?.join() !== missing.join()) return setWarned(missing);
    try {
      await api.post(`/api/patients/${id}/questionnaires`, {
        instrument: form.instrument,
        answeredOn,
        answers,
      });
      onDone(true);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form onSubmit={submit} class="stack" aria-label={form.title}>
      <h3>{form.title}</h3>
      <p class="small muted">{form.intro}</p>
      <label>
        {forPatient ? "Day" : "Answered on"}
        <input
          type="date"
          required
          value={answeredOn}
          max={todayIso()}
          onInput={(e) => setAnsweredOn(e.currentTarget.value)}
        />
      </label>
      {form.sections.map((section) => (
        // A heading, not a fieldset: each question is its own fieldset, with the check-in's full width.
        <div key={section.legend} class="stack">
          <h4>{section.legend}</h4>
          {section.items.map((item) => (
            <Scale
              key={item.id}
              name={`${form.instrument}-${item.id}`}
              label={item.label}
              value={answers[item.id] ?? null}
              onChange={(v) => {
                setAnswers({ ...answers, [item.id]: v });
              }}
              min={item.min}
              max={item.max}
              low={item.low}
              high={item.high}
            />
          ))}
        </div>
      ))}
      {warned && missing.length > 0 && (
        <div class="warning" role="alert">
          <p>Some questions are not answered, so these cannot be scored:</p>
          <ul>
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <p>Answer them, or save anyway.</p>
        </div>
      )}
      <ErrorNote message={error} />
      <div class="row">
        <button type="submit">{warned && missing.length > 0 ? "Save anyway" : "Save answers"}</button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function Questionnaires({
  id,
  forPatient,
  due = null,
  onSaved,
}: {
  readonly id: string;
  readonly forPatient?: boolean;
  readonly due?: Due;
  readonly onSaved?: () => void;
}) {
  const [responses, setResponses] = useState<QuestionnaireDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<QuestionnaireForm | null>(null);
  const load = () =>
    api
      .get<QuestionnaireDto[]>(`/api/patients/${id}/questionnaires`)
      .then(setResponses, (e) => setError(messageOf(e)));
  useEffect(() => void load(), [id]);
  const done = (saved: boolean) => {
    setOpen(null);
    if (!saved) return;
    void load();
    onSaved?.();
  };
  return (
    <div class="card" aria-labelledby="questionnaires-title">
      <h2 id="questionnaires-title">{forPatient ? "Your questionnaires" : "Questionnaires"}</h2>
      {forPatient && due && <DueNotice due={due} />}
      <ErrorNote message={error} />
      <QuestionnaireResults responses={responses} forPatient={forPatient ?? false} />
      {open ? (
        <FormFill key={open.instrument} id={id} form={open} forPatient={forPatient ?? false} onDone={done} />
      ) : (
        <div class="stack">
          {QUESTIONNAIRE_FORMS.map((form) => (
            <button key={form.instrument} type="button" class="secondary" onClick={() => setOpen(form)}>
              {forPatient ? `Answer: ${form.title}` : `Enter ${form.title}`}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
