/** Changing one's own password, for staff and patients: every other session of theirs ends. */
import { useState } from "preact/hooks";
import { ApiError, api, messageOf, reasonOf } from "../api.ts";
import { ErrorNote } from "../components/field-error.tsx";

type Field = "currentPassword" | "newPassword" | "repeat";

export function PasswordPage() {
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: "",
    newPassword: "",
    repeat: "",
  });
  const [error, setError] = useState<{ field: Field | null; message: string } | null>(null);
  const [done, setDone] = useState(false);
  const set = (field: Field) => (e: Event) =>
    setValues({ ...values, [field]: (e.currentTarget as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(false);
    if (values.newPassword !== values.repeat)
      return setError({ field: "repeat", message: "The two new passwords are not the same." });
    try {
      await api.post("/api/me/password", {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      setError(null);
      setValues({ currentPassword: "", newPassword: "", repeat: "" });
      setDone(true);
    } catch (err) {
      // The server names the field at fault ("body.newPassword: ..."): the message goes beside it.
      const text = err instanceof ApiError ? `${err.field ?? ""} ${err.message}` : "";
      const field = (["currentPassword", "newPassword"] as const).find((f) => text.includes(f)) ?? null;
      setError({ field, message: field ? reasonOf(err) : messageOf(err) });
    }
  };
  const input = (field: Field, label: string, autoComplete: string) => (
    <label>
      {label}
      <input
        type="password"
        name={field}
        autoComplete={autoComplete}
        required
        value={values[field]}
        onInput={set(field)}
        aria-invalid={error?.field === field}
        aria-describedby={error?.field === field ? `${field}-error` : undefined}
      />
      {error?.field === field && <ErrorNote id={`${field}-error`} message={error.message} />}
    </label>
  );
  return (
    <section class="narrow">
      <h1>Change your password</h1>
      <form class="card stack" onSubmit={submit}>
        {input("currentPassword", "Current password", "current-password")}
        {input("newPassword", "New password (at least 8 characters, not a common one)", "new-password")}
        {input("repeat", "The new password again", "new-password")}
        {error && error.field === null && <ErrorNote message={error.message} />}
        {done && (
          <p role="status">
            Your password is changed. You stay signed in here; your other sessions have ended.
          </p>
        )}
        <button type="submit">Change password</button>
      </form>
    </section>
  );
}
