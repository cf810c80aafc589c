/**
 * Where a hostile value may go in a request: every field a route's zod schema names and every
 * place a valid sample has a value; a sample made from a schema; a value set (or removed) at
 * a path without touching the rest. Used by the fuzz suite's request builder.
 */
import type { z } from "zod/v4";

export type Path = readonly (string | number)[];

/** Where a value may go: every field the schema names and every place the sample has a value. */
export function fieldPaths(schema: z.ZodType | undefined, sample: unknown): Path[] {
  const paths = new Map<string, Path>();
  const add = (p: Path) => paths.set(JSON.stringify(p), p);
  const fromSchema = (s: z.ZodType | undefined, at: Path, depth: number) => {
    if (!s || depth > 6) return;
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    switch (def.type) {
      case "optional":
      case "nullable":
      case "default":
        return fromSchema(def.innerType as z.ZodType, at, depth);
      case "object":
        for (const [key, inner] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          add([...at, key]);
          fromSchema(inner, [...at, key], depth + 1);
        }
        return;
      case "array":
        add([...at, 0]);
        return fromSchema(def.element as z.ZodType, [...at, 0], depth + 1);
      default:
        return;
    }
  };
  const fromSample = (v: unknown, at: Path, depth: number) => {
    if (depth > 6) return;
    if (Array.isArray(v)) v.forEach((item, i) => (add([...at, i]), fromSample(item, [...at, i], depth + 1)));
    else if (typeof v === "object" && v !== null)
      for (const [key, item] of Object.entries(v)) {
        add([...at, key]);
        fromSample(item, [...at, key], depth + 1);
      }
  };
  add([]);
  fromSchema(schema, [], 0);
  fromSample(sample, [], 0);
  return [...paths.values()];
}

/**
 * A plausible valid value for a schema, for routes without a hand-written sample.
 *
 * @example sampleOf(z.object({ a: z.string(), b: z.number().optional() })) // { a: "sample" }
 */
export function sampleOf(schema: z.ZodType | undefined): unknown {
  if (!schema) return undefined;
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case "optional":
      return undefined;
    case "nullable":
      return sampleOf(def.innerType as z.ZodType);
    case "default":
      return typeof def.defaultValue === "function"
        ? (def.defaultValue as () => unknown)()
        : def.defaultValue;
    case "object":
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>)
          .map(([k, v]) => [k, sampleOf(v)] as const)
          .filter(([, v]) => v !== undefined),
      );
    case "string":
      return def.format === "email" ? "sample@example.org" : "2027-01-05";
    case "number":
      return 1;
    case "boolean":
      return true;
    case "enum":
      return Object.values(def.entries as Record<string, unknown>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "array":
      return [];
    case "record":
      return {};
    case "union":
      return sampleOf((def.options as z.ZodType[])[0]);
    default:
      return {};
  }
}

export function setAt(root: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return remove ? undefined : value;
  const [head, ...rest] = path;
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(root)
    ? [...(root as unknown[])]
    : typeof root === "object" && root !== null
      ? { ...(root as Record<string, unknown>) }
      : typeof head === "number"
        ? []
        : {};
  const c = container as Record<string | number, unknown>;
  if (rest.length === 0) {
    if (remove) {
      if (Array.isArray(container)) container.splice(head as number, 1);
      else delete c[head!];
    } else c[head!] = value;
  } else c[head!] = setAt(c[head!], rest, value, remove);
  return container;
}
