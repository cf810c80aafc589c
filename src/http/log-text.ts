/**
 * Text from a request written into the server's log. A path or a message can carry newlines
 * (`/api/x%0Aldn server: ...` decodes to two lines) and would forge a log entry; here every
 * control character is escaped, so each entry the server writes is exactly one line, and the
 * lines of a stack trace that follow it are marked as its continuation.
 */

/** C0 controls, DEL, C1 controls and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * @example logSafe("/api/a\nldn server: forged") // "/api/a\\u000aldn server: forged"
 */
export function logSafe(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A multi-line detail (a stack trace) under a log entry: each line escaped and indented with
 * "  | ", so no line of it can pass for an entry of its own.
 *
 * @example logDetail("Error: boom\n    at f") // "  | Error: boom\n  |     at f"
 */
export function logDetail(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `  | ${logSafe(line)}`)
    .join("\n");
}
