/** Joining by invitation: the token is in the link's #fragment, so it never reaches server logs. */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf, type Me } from "../api.ts";
import { CopyButton } from "../components/copy-button.tsx";
import { ErrorNote } from "../components/field-error.tsx";
import { navigate } from "../router.ts";

export function Join({ onJoined }: { readonly onJoined: (me: Me) => void }) {
  const token = location.hash.slice(1);
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [joined, setJoined] = useState<{ loginCode: string; me: Me } | null>(null);
  const [clinicName, setClinicName] = useState<string | null>(null);
  useEffect(() => {
    if (!token) return;
    api.post<{ clinicName: string }>("/api/invitations/clinic", { token }).then(
      (r) => setClinicName(r.clinicName),
      (err) => setError(messageOf(err)),
    );
  }, [token]);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (password !== repeat) return setError("The two passwords are not the same.");
    try {
      setJoined(
        await api.post<{ loginCode: string; me: Me }>("/api/invitations/accept", { token, password }),
      );
    } catch (err) {
      setError(messageOf(err));
    }
  };
  if (joined) {
    return (
      <main class="narrow" id="main">
        <h1>Welcome, {joined.me.displayName}</h1>
        <p data-testid="join-clinic">You have joined {joined.me.clinicName}.</p>
        <div class="card stack">
          <p>Your login code is</p>
          <p class="login-code" data-testid="login-code">
            {joined.loginCode}
          </p>
          <p>
            <CopyButton text={joined.loginCode} label="Copy login code" />
          </p>
          <p>Write it down: you sign in with this code and your password.</p>
          <button
            type="button"
            onClick={() => {
              history.replaceState(null, "", "/");
              onJoined(joined.me);
              navigate("/");
            }}
          >
            Continue
          </button>
        </div>
      </main>
    );
  }
  return (
    <main class="narrow" id="main">
      <h1>Join {clinicName ?? "your clinic"}</h1>
      <p class="muted">Choose a password (at least 8 characters) to finish joining.</p>
      {!token && (
        <ErrorNote message="This link has no invitation in it: open the link your clinic gave you." />
      )}
      <form onSubmit={submit} class="card stack">
        <label>
          Password
          <input
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <label>
          The same password again
          <input
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            value={repeat}
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
        </label>
        <ErrorNote message={error} />
        <button type="submit">Join</button>
      </form>
    </main>
  );
}
