/**
 * What the server reads from a request before any schema sees it: the JSON body, the path and
 * the query. Hostile input is refused here, once, for every route, with `invalid_request` naming
 * the field, before it can reach a lookup table, a recursive function or a database:
 *
 * - JSON nested deeper than {@link MAX_JSON_DEPTH} levels (35 KB of `[` overflowed the stack of
 *   code that walks values recursively, such as `JSON.stringify`);
 * - NUL characters (PostgreSQL's text cannot hold them: it answered with an error, a 500);
 * - unpaired UTF-16 surrogates (not Unicode: SQLite stored them as invalid UTF-8);
 * - the key `__proto__` (no field of this API has that name; an object built from it changes
 *   its own prototype instead of holding the value).
 */
import { badRequest } from "../domain/errors.ts";

/**
 * The deepest JSON a request may carry. The deepest real body (a plan's settings, a screening's
 * opioids) is 4 levels; 32 leaves room without ever approaching a stack limit.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Parses a JSON request body, or throws `invalid_request` naming the body (malformed or too deep)
 * or the field holding hostile text. An empty body is `undefined`.
 *
 * @example parseJsonBody('{"pain": 4}') // { pain: 4 }
 * @example parseJsonBody("[".repeat(5000)) // throws invalid_request "body: nested deeper than 32 levels"
 */
export function parseJsonBody(text: string): unknown {
  if (text === "") return undefined;
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw badRequest("body", `nested deeper than ${MAX_JSON_DEPTH} levels; no request here needs more`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw badRequest("body", "not valid JSON");
  }
  refuseHostileText(value, "body");
  return value;
}

/**
 * The deepest nesting of arrays and objects in JSON text, counted without parsing it (brackets
 * inside strings do not count). Malformed text still gets a number; JSON.parse judges the rest.
 *
 * @example jsonDepth('{"a": [1, {"b": "]]"}]}') // 3
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Throws `invalid_request` naming the first field (`body.displayName`, `query.patientId`,
 * `body.settings.__proto__`) whose name or text is hostile: a NUL character, an unpaired UTF-16
 * surrogate, or the key `__proto__`. Values are walked without recursion.
 *
 * @example refuseHostileText({ name: "a\u0000b" }, "body") // throws "body.name: must not contain NUL characters"
 */
export function refuseHostileText(value: unknown, where: string): void {
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length > 0) {
    const [v, field] = stack.pop()!;
    if (typeof v === "string") checkText(v, field);
    else if (Array.isArray(v)) v.forEach((item, i) => stack.push([item, `${field}.${i}`]));
    else if (typeof v === "object" && v !== null) {
      for (const [key, item] of Object.entries(v)) {
        const named = `${field}.${key}`;
        checkText(key, named);
        if (key === "__proto__") throw badRequest(named, '"__proto__" is not a field name here');
        stack.push([item, named]);
      }
    }
  }
}

function checkText(text: string, field: string): void {
  if (text.includes("\u0000"))
    throw badRequest(field, `must not contain NUL characters (got ${shown(text)})`);
  if (UNPAIRED_SURROGATE.test(text))
    throw badRequest(
      field,
      `contains an unpaired UTF-16 surrogate, which is not Unicode text (got ${shown(text)})`,
    );
}

/** The value as JSON, cut to a readable length (JSON escapes NUL and lone surrogates). */
function shown(text: string): string {
  const json = JSON.stringify(text);
  return json.length > 60 ? `${json.slice(0, 57)}..."` : json;
}
