/**
 * The server names the field at fault as the request holds it ("body.screening.opioids[1]",
 * "query.today"): exact for a programmer, API wording for a clinician. These helpers put it as
 * a form would ("Opioids, line 2") and take it off a message shown beside its own field.
 */

/** Words for the request's field names that do not read well split at their capitals. */
const WORDS: Readonly<Record<string, string>> = {
  protocolId: "protocol",
  stepUg: "step",
  startDose: "starting dose",
  maxDose: "highest dose",
  mmeFactor: "MME factor",
  dailyMme: "daily MME",
  ug: "dose",
  newPassword: "new password",
  currentPassword: "current password",
};

/**
 * @example fieldLabel("body.screening.opioids[1]") // "Opioids, line 2"
 * @example fieldLabel("body.settings.stepUg") // "Step"
 * @example fieldLabel("query.today") // "Today"
 * @example fieldLabel("body") // "" (the whole request: the message says what)
 */
export function fieldLabel(field: string): string {
  // Zod writes an index as a part of its own ("sideEffects.2"): as the server's other paths do.
  const path = field.replace(/^(body|query|params|checkIn)\./, "").replace(/\.(\d+)(?=\.|$)/g, "[$1]");
  // The last part says what it is; a container before it (screening, settings) adds nothing.
  const name = (path.split(".").pop() ?? path).replace(/\[\d+\]$/, "");
  if (name === "body" || name === "query") return "";
  const words =
    WORDS[name] ?? name.replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  const index = [...path.matchAll(/\[(\d+)\]/g)].pop()?.[1];
  return index === undefined ? label : `${label}, line ${Number(index) + 1}`;
}

/**
 * The message without the field it starts with, for a message shown beside that field.
 *
 * @example withoutField("body.pain: must be 0 to 10 (got 12)", "body.pain") // "must be 0 to 10 (got 12)"
 */
export function withoutField(message: string, field: string | undefined): string {
  const prefix = `${field}: `;
  return field && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/**
 * The message with the field it starts with put as a form would.
 *
 * @example withFieldLabel("body.screening.opioids[1]: unknown opioid", "body.screening.opioids[1]") // "Opioids, line 2: unknown opioid"
 */
export function withFieldLabel(message: string, field: string | undefined): string {
  const reason = withoutField(message, field);
  if (reason === message || !field) return message;
  const label = fieldLabel(field);
  return label ? `${label}: ${reason}` : reason.charAt(0).toUpperCase() + reason.slice(1);
}
