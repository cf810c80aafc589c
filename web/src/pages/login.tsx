/** Sign in: staff with their email, patients with the login code they were given. */
import { useState } from "preact/hooks";
import { api, messageOf, type Me } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";

export function Login({
  onSignedIn,
  sessionEnded = false,
}: {
  readonly onSignedIn: (me: Me) => void;
  /** The session ended on a page: say so, and that signing in returns to it. */
  readonly sessionEnded?: boolean;
}) {
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { me } = await api.post<{ me: Me }>("/api/session", { login, password });
      onSignedIn(me);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="narrow" id="main">
      <h1>Sign in</h1>
      {sessionEnded ? (
        <p class="notice" role="status">
          Your session has ended. Sign in again to go back to the page you were on.
        </p>
      ) : (
        <p class="muted">Low-dose naltrexone titration for your pain clinic.</p>
      )}
      <form onSubmit={submit} class="card stack">
        <label>
          Email or login code
          <input
            name="login"
            autoComplete="username"
            required
            value={login}
            onInput={(e) => setLogin(e.currentTarget.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <ErrorNote message={error} />
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p class="muted small">Patients: use the login code you were given when you joined (like K7QM-3XPA).</p>
    </main>
  );
}
