/** The administrator's page: the clinic's staff, adding and disabling accounts. */
import { useEffect, useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";

interface Staff {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly disabled: boolean;
}

export function StaffAdmin() {
  const [staff, setStaff] = useState<Staff[]>([]);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState("clinician");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const load = () => api.get<Staff[]>("/api/staff").then(setStaff, (e) => setError(messageOf(e)));
  useEffect(() => void load(), []);
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post("/api/staff", { email, displayName: name, role, password });
      await load();
      setStatus(`${name} can now sign in as ${email}.`);
      setEmail("");
      setName("");
      setPassword("");
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const disable = async (s: Staff) => {
    if (
      !confirm(
        `Disable ${s.displayName}'s account? They will be signed out at once and cannot sign in again.`,
      )
    )
      return;
    try {
      await api.post(`/api/staff/${s.id}/disable`, {});
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <section>
      <h1>Staff</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id}>
              <td>{s.displayName}</td>
              <td>{s.email}</td>
              <td>{s.role}</td>
              <td>
                {s.disabled ? (
                  <span class="muted">disabled</span>
                ) : (
                  <button type="button" class="link" onClick={() => disable(s)}>
                    Disable
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="card stack narrow" onSubmit={add}>
        <h2>Add a staff member</h2>
        <label>
          Name
          <input name="displayName" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Email (their login)
          <input
            name="email"
            type="email"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label>
          Role
          <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            <option value="clinician">Clinician</option>
            <option value="pharmacist">Pharmacist (plans and compounding, no diaries)</option>
            <option value="administrator">Administrator</option>
          </select>
        </label>
        <label>
          First password (at least 8 characters; they change it after signing in)
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <ErrorNote message={error} />
        {status && (
          <p role="status" class="good">
            {status}
          </p>
        )}
        <button type="submit">Add</button>
      </form>
    </section>
  );
}
