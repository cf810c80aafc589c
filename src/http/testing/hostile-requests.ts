/**
 * Hostile requests for every route, made with fast-check from the route's zod schemas: a valid
 * request for the route (a hand-written sample, or one made from the schema), then one to three
 * mutations of its body, query and path parameters, each putting a hostile value where the
 * schema (or the sample) has a field: wrong types, huge, negative and fractional numbers,
 * names every object inherits, NUL characters and lone surrogates, empty and oversize strings,
 * impossible and distant dates and times, deep nesting, added and removed fields. Some bodies are
 * raw text instead (JSON nested 5,000 deep, broken JSON, over 256 KiB).
 */
import fc from "fast-check";
import type { RouteDefinition } from "../route.ts";
import { fieldPaths, sampleOf, setAt, type Path } from "./schema-paths.ts";

/** One request, ready to send. */
export interface HostileRequest {
  readonly method: string;
  /** The path with its parameters filled and encoded, and the query string. */
  readonly url: string;
  /** JSON text, or undefined for no body. */
  readonly body: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  /** What was done to the valid request, for the failure message. */
  readonly mutations: readonly string[];
}

/** A valid request for a route: path parameter values, query, body and headers. */
export interface RouteSample {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const INHERITED = ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty", "prototype"];

/** Strings that have broken servers: prototype names, NUL, surrogates, dates, sizes, markup. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  ...INHERITED,
  "3000 constructor",
  "0.5 __proto__",
  "a\u0000b",
  "\u0000",
  "\ud800",
  "x\udc00y",
  "\u202e\u2028\u2029",
  "\ud835\udd4f",
  "x".repeat(201),
  "x".repeat(2_001),
  "x".repeat(20_000),
  "9999-12-31",
  "0000-00-00",
  "0001-01-01",
  "1900-01-01",
  "2027-02-30",
  "2027-13-01",
  "2027-1-5",
  "+010000-01-01",
  "2027-01-05T25:61:00Z",
  "25:00",
  "08:60",
  "-1:00",
  "-1",
  "0",
  "1e309",
  "-1e309",
  "9007199254740993",
  "99999999999999999999",
  "NaN",
  "Infinity",
  "null",
  "true",
  "[object Object]",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%00",
  "../../etc/passwd",
  "\u0661\u0662",
  "1 mg",
  "0.1 mg",
  "10000 mg",
];

/** Numbers JSON can carry that code often does not expect. */
export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  0.5,
  11,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  -1e308,
  5e-324,
  123456789012345680000,
];

/** One of `values` (fc.constantFrom, without spreading a list into a call). */
function pick<T>(values: readonly T[]): fc.Arbitrary<T> {
  return fc.nat({ max: values.length - 1 }).map((i) => values[i]!);
}

/** One of the arbitraries, chosen by weight (fc.oneof, without spreading a list into a call). */
function weighted<T>(options: readonly { weight: number; arbitrary: fc.Arbitrary<T> }[]): fc.Arbitrary<T> {
  const total = options.reduce((sum, o) => sum + o.weight, 0);
  return fc.nat({ max: total - 1 }).chain((n) => {
    for (const o of options) {
      if (n < o.weight) return o.arbitrary;
      n -= o.weight;
    }
    return options[0]!.arbitrary;
  });
}

const hostileString = fc.oneof(
  { weight: 4, arbitrary: pick(HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
);

const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: pick(HOSTILE_NUMBERS) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, [], {}, [null], { a: 1 }) },
);

/** A hostile JSON value: a leaf, an array or object of them, or a nesting 20 to 31 levels deep. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileLeaf },
  { weight: 1, arbitrary: fc.array(hostileLeaf, { maxLength: 5 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(pick(["a", ...INHERITED.filter((k) => k !== "__proto__")]), hostileLeaf),
  },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 5_000 }, (_, i) => i)) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 20, max: 31 }).map((depth) => {
      let v: unknown = 1;
      for (let i = 0; i < depth; i++) v = [v];
      return v;
    }),
  },
);

/** Bodies that are not JSON a schema could see: too deep, broken, too big. */
export const RAW_BODIES: readonly string[] = [
  `${"[".repeat(5_000)}1${"]".repeat(5_000)}`,
  `{"a":${'{"a":'.repeat(3_000)}1${"}".repeat(3_000)}}`,
  "{",
  '{"a": "unterminated',
  "{} trailing",
  "\ufeff{}",
  "null",
  "[]",
  '"a string"',
  "1e999",
  `{"__proto__": {"admin": true}}`,
  `{"constructor": {"prototype": {"admin": true}}}`,
  `{"a": "${"x".repeat(300 * 1024)}"}`,
];

const encodePart = (text: string) => {
  // encodeURIComponent refuses lone surrogates: send them as the bytes a client could.
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\ud800-\udfff]/g, "%ED%A0%80").replace(/[^\w%-]/g, (ch) => encodeURIComponent(ch));
  }
};

/**
 * Hostile requests for one route, from its schemas and a valid sample.
 *
 * @example fc.sample(hostileRequests(route, { params: { patientId } }), 1)
 */
export function hostileRequests(route: RouteDefinition, sample: RouteSample): fc.Arbitrary<HostileRequest> {
  const bodySample = sample.body !== undefined ? sample.body : sampleOf(route.body);
  const bodyPaths = fieldPaths(route.body, bodySample);
  const queryShape = (route.query as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  const queryKeys = [...new Set([...Object.keys(queryShape), ...Object.keys(sample.query ?? {}), "extra"])];
  const paramKeys = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

  const options: { weight: number; arbitrary: fc.Arbitrary<Mutation> }[] = [
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("query" as const),
        key: pick(queryKeys),
        value: hostileString,
      }),
    },
  ];
  if (route.body) {
    options.push(
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant("body-set" as const),
          path: pick(bodyPaths),
          value: hostileValue,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("body-remove" as const),
          path: pick(bodyPaths),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("body-key" as const),
          path: pick(bodyPaths),
          key: pick([...INHERITED, "extra", "\u0000"]),
          value: hostileValue,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ kind: fc.constant("raw" as const), text: pick(RAW_BODIES) }),
      },
    );
  }
  if (paramKeys.length > 0) {
    options.push({
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("param" as const),
        key: pick(paramKeys),
        value: hostileString.filter((s) => s !== "" && s !== "." && s !== ".."),
      }),
    });
  }

  return fc
    .array(weighted(options), { minLength: 1, maxLength: 3 })
    .map((mutations) => buildRequest(route, sample, bodySample, mutations));
}

/** A value nested this deep in a field is sent as text: it is the reader's job to refuse it. */
const DEEP = { deep: 5_000 };
const DEEP_MARK = "\u0000deep\u0000";

/**
 * The same hostile values put in every field, path parameter and query parameter of a route,
 * one at a time: a sweep that does not depend on luck to reach each field with each kind.
 */
export const SWEEP_VALUES: readonly unknown[] = [
  "constructor",
  "__proto__",
  "a\u0000b",
  "\ud800",
  "",
  "x".repeat(20_000),
  "9999-12-31",
  "2027-02-30",
  -1,
  1e308,
  2 ** 53 + 2,
  null,
  {},
  Array.from({ length: 31 }).reduce<unknown>((v) => [v], 1),
  DEEP,
];

/** For a field holding other fields: a string where an object or a list belongs, null, too deep. */
const HOLDER_SWEEP_VALUES: readonly unknown[] = ["constructor", null, 1, DEEP];

/**
 * Every field of the route's body (from its schema and sample) set to each of SWEEP_VALUES, and
 * each path and query parameter set to each string among them.
 *
 * @example sweepRequests(route, sample).length // fields x values
 */
export function sweepRequests(route: RouteDefinition, sample: RouteSample): HostileRequest[] {
  const bodySample = sample.body !== undefined ? sample.body : sampleOf(route.body);
  const requests: HostileRequest[] = [];
  if (route.body) {
    const paths = fieldPaths(route.body, bodySample).filter((p) => p.length > 0);
    const key = (p: Path) => JSON.stringify(p);
    // A field holding others (an object, a list) gets the wrong kinds only; its fields get all.
    const holders = new Set(paths.map((p) => key(p.slice(0, -1))));
    for (const path of paths)
      for (const value of holders.has(key(path)) ? HOLDER_SWEEP_VALUES : SWEEP_VALUES)
        requests.push(buildRequest(route, sample, bodySample, [{ kind: "body-set", path, value }]));
  }
  const strings = SWEEP_VALUES.filter((v): v is string => typeof v === "string" && v !== "");
  for (const key of [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!))
    for (const value of strings)
      requests.push(buildRequest(route, sample, bodySample, [{ kind: "param", key, value }]));
  const queryShape = (route.query as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  for (const key of Object.keys(queryShape))
    for (const value of ["", ...strings])
      requests.push(buildRequest(route, sample, bodySample, [{ kind: "query", key, value }]));
  return requests;
}

type Mutation =
  | { readonly kind: "body-set"; readonly path: Path; readonly value: unknown }
  | { readonly kind: "body-remove"; readonly path: Path }
  | { readonly kind: "body-key"; readonly path: Path; readonly key: string; readonly value: unknown }
  | { readonly kind: "raw"; readonly text: string }
  | { readonly kind: "query"; readonly key: string; readonly value: string }
  | { readonly kind: "param"; readonly key: string; readonly value: string };

function buildRequest(
  route: RouteDefinition,
  sample: RouteSample,
  bodySample: unknown,
  mutations: readonly Mutation[],
): HostileRequest {
  let body: unknown = bodySample;
  let raw: string | undefined;
  const query: Record<string, string> = { ...sample.query };
  const params: Record<string, string> = { ...sample.params };
  const said: string[] = [];
  for (const m of mutations) {
    const value = "value" in m && m.value === DEEP ? DEEP_MARK : "value" in m ? m.value : undefined;
    if (m.kind === "body-set") body = setAt(body, m.path, value, false);
    else if (m.kind === "body-remove") body = setAt(body, m.path, undefined, true);
    else if (m.kind === "body-key") body = setAt(body, [...m.path, m.key], value, false);
    else if (m.kind === "raw") raw = m.text;
    else if (m.kind === "query") query[m.key] = m.value;
    else params[m.key] = m.value;
    said.push(describe(m));
  }
  const path = route.path.replace(/:(\w+)/g, (_, key: string) => encodePart(params[key] ?? "missing"));
  const search = Object.entries(query)
    .map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`)
    .join("&");
  const hasBody = route.method !== "get";
  const json = hasBody && body !== undefined ? JSON.stringify(body) : undefined;
  const deep = `${"[".repeat(DEEP.deep)}1${"]".repeat(DEEP.deep)}`;
  const text = raw ?? json?.split(JSON.stringify(DEEP_MARK)).join(deep);
  return {
    method: route.method.toUpperCase(),
    url: `${path}${search ? `?${search}` : ""}`,
    body: hasBody ? (text ?? "") : undefined,
    headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...sample.headers },
    mutations: said,
  };
}

function describe(m: { kind: string } & Record<string, unknown>): string {
  const short = (v: unknown) => {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  };
  const { kind, ...rest } = m;
  return `${kind} ${Object.values(rest).map(short).join(" ")}`;
}
