/**
 * The administrator's clinic settings (issue 12): the name and phone number printed on patients'
 * schedules, and the SMTP server email reminders go through (its password stays on the server,
 * in LDN_SMTP_PASSWORD).
 */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";

interface Settings {
  readonly name: string;
  readonly phone: string;
  readonly smtp: {
    readonly host: string;
    readonly port: number;
    readonly secure: boolean;
    readonly user: string;
    readonly from: string;
  };
  readonly smtpPasswordSet: boolean;
}

export function ClinicSettingsPage() {
  const [s, setS] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    api.get<Settings>("/api/clinic/settings").then(setS, (e) => setError(messageOf(e)));
  }, []);
  if (!s) return error ? <ErrorNote message={error} /> : <p class="loading">Loading…</p>;
  const smtp = (patch: Partial<Settings["smtp"]>) => setS({ ...s, smtp: { ...s.smtp, ...patch } });
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      setS(await api.put<Settings>("/api/clinic/settings", { name: s.name, phone: s.phone, smtp: s.smtp }));
      setSaved(true);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const text = (label: string, value: string, onInput: (v: string) => void) => (
    <label>
      {label}
      <input type="text" value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    </label>
  );
  return (
    <section class="narrow">
      <h1>Clinic settings</h1>
      <form class="card stack" onSubmit={submit}>
        <h2>For patients</h2>
        {text("Clinic name", s.name, (name) => setS({ ...s, name }))}
        <label>
          Phone number patients call
          <input type="tel" value={s.phone} onInput={(e) => setS({ ...s, phone: e.currentTarget.value })} />
        </label>
        <h2>Email reminders (SMTP)</h2>
        <p class="small muted">
          Leave the server empty to send no email. The password is not kept here: set LDN_SMTP_PASSWORD where
          the server runs ({s.smtpPasswordSet ? "it is set" : "it is not set"}).
        </p>
        {text("Server", s.smtp.host, (host) => smtp({ host }))}
        <label>
          Port
          <input
            type="number"
            min={1}
            max={65535}
            value={String(s.smtp.port)}
            onInput={(e) => smtp({ port: Number(e.currentTarget.value) })}
          />
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={s.smtp.secure}
            onChange={(e) => smtp({ secure: e.currentTarget.checked })}
          />{" "}
          TLS from the start (usually port 465)
        </label>
        {text("User name", s.smtp.user, (user) => smtp({ user }))}
        <label>
          From address
          <input type="email" value={s.smtp.from} onInput={(e) => smtp({ from: e.currentTarget.value })} />
        </label>
        <ErrorNote message={error} />
        {saved && <p role="status">Saved.</p>}
        <button type="submit">Save clinic settings</button>
      </form>
    </section>
  );
}
