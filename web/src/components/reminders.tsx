/**
 * Reminders at each dose time with the app closed (issue 12): a private calendar link the phone's
 * calendar subscribes to, and email reminders when the clinic sends email. For the patient on
 * their phone and for their clinician on the chart.
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import { CopyButton } from "./copy-button.tsx";
import { ErrorNote } from "./field-error.tsx";

interface Feed {
  readonly active: boolean;
  readonly createdAt: string | null;
}
interface Choices {
  readonly email: string;
  readonly doseReminders: boolean;
  readonly questionnaireNotices: boolean;
  readonly clinicSendsEmail: boolean;
}

function CalendarLink({ patientId }: { readonly patientId: string }) {
  const [feed, setFeed] = useState<Feed | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const base = `/api/patients/${patientId}/calendar`;
  useEffect(() => {
    api.get<Feed>(base).then(setFeed, (e) => setError(messageOf(e)));
  }, [base]);
  const make = async () => {
    setError(null);
    try {
      const made = await api.post<{ path: string; createdAt: string }>(base);
      setLink(`${location.host}${made.path}`);
      setFeed({ active: true, createdAt: made.createdAt });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const stop = async () => {
    setError(null);
    try {
      setFeed(await api.delete<Feed>(base));
      setLink(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const https = link && `${location.protocol}//${link}`;
  return (
    <div class="stack">
      <h3>Calendar</h3>
      <p class="small muted">
        A private link your phone’s calendar subscribes to: an alarm at each dose time, kept up to date when
        your doses change. Anyone with the link sees your doses: keep it to yourself.
      </p>
      {https && (
        <p>
          <a href={`webcal://${link}`} data-testid="webcal-link">
            Subscribe in your calendar
          </a>{" "}
          <CopyButton text={https} label="Copy link" />
          <br />
          <code class="small feed-url" data-testid="calendar-url">
            {https}
          </code>
        </p>
      )}
      {feed?.active && !https && (
        <p class="small">
          A calendar link is in use. Make a new one to see it again (the old one then stops).
        </p>
      )}
      <div class="row">
        <button type="button" onClick={make}>
          {feed?.active ? "Make a new link" : "Make a calendar link"}
        </button>
        {feed?.active && (
          <button type="button" class="secondary" onClick={stop}>
            Stop the link
          </button>
        )}
      </div>
      <ErrorNote message={error} />
    </div>
  );
}

function EmailReminders({ patientId }: { readonly patientId: string }) {
  const [choices, setChoices] = useState<Choices | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const path = `/api/patients/${patientId}/reminders`;
  useEffect(() => {
    api.get<Choices>(path).then(setChoices, (e) => setError(messageOf(e)));
  }, [path]);
  if (!choices) return <ErrorNote message={error} />;
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setNote(null);
    try {
      const { email, doseReminders, questionnaireNotices } = choices;
      setChoices(await api.put<Choices>(path, { email, doseReminders, questionnaireNotices }));
      setNote("Saved.");
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <form class="stack" onSubmit={save}>
      <h3>Email</h3>
      {!choices.clinicSendsEmail && (
        <p class="small muted">
          Your clinic does not send email yet; your choices are kept for when it does.
        </p>
      )}
      <label>
        Email address
        <input
          type="email"
          value={choices.email}
          onInput={(e) => setChoices({ ...choices, email: e.currentTarget.value })}
        />
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={choices.doseReminders}
          onChange={(e) => setChoices({ ...choices, doseReminders: e.currentTarget.checked })}
        />{" "}
        An email at each dose time
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={choices.questionnaireNotices}
          onChange={(e) => setChoices({ ...choices, questionnaireNotices: e.currentTarget.checked })}
        />{" "}
        An email when a questionnaire is due
      </label>
      <ErrorNote message={error} />
      <p class="small" role="status">
        {note}
      </p>
      <button type="submit">Save email choices</button>
    </form>
  );
}

export function Reminders({ patientId }: { readonly patientId: string }) {
  return (
    <details class="card">
      <summary>
        <h2 class="inline">Reminders</h2>
      </summary>
      <CalendarLink patientId={patientId} />
      <EmailReminders patientId={patientId} />
    </details>
  );
}
