/**
 * A query Kysely builds and compiles once per database, then runs with new values.
 *
 * Kysely builds a query as a tree of frozen nodes and compiles it to SQL on every call; for the
 * few statements every check-in runs (its session, its diary row, its audit event) that cost
 * more CPU than SQLite running them (bench/check-in.ts's CPU profile). Here the query is built
 * once with a stand-in (a Symbol) for each value, and each run puts the values in their places
 * in the compiled parameters. Only for queries whose SQL does not depend on the values: plain
 * `values({...})` and `where(column, "=", value)`; each stand-in must reach the parameters once,
 * or the first run throws.
 */
import type { Compilable, CompiledQuery, Kysely, QueryResult } from "kysely";
import type { Schema } from "./schema.ts";

interface Compiled<R> {
  readonly query: CompiledQuery<R>;
  /** For each parameter: the value's name, or undefined for a constant of the query itself. */
  readonly slots: readonly (string | undefined)[];
}

/**
 * @example
 * const byId = compiledOnce((db, v: { id: string }) => db.selectFrom("patients").selectAll().where("id", "=", v.id));
 * const { rows } = await byId(trx, { id });
 */
export function compiledOnce<V extends object, R>(
  build: (db: Kysely<Schema>, values: V) => Compilable<R>,
): (db: Kysely<Schema>, values: V) => Promise<QueryResult<R>> {
  // By the database's adapter: SQLite and PostgreSQL compile the same query differently, and a
  // transaction shares its database's adapter.
  const compiled = new WeakMap<object, Compiled<R>>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let entry = compiled.get(adapter);
    if (entry === undefined) {
      entry = compile(db, build, Object.keys(values));
      compiled.set(adapter, entry);
    }
    const { query, slots } = entry;
    const named = values as Record<string, unknown>;
    const parameters = slots.map((slot, i) => (slot === undefined ? query.parameters[i] : named[slot]));
    return await db.executeQuery<R>({ ...query, parameters });
  };
}

function compile<V extends object, R>(
  db: Kysely<Schema>,
  build: (db: Kysely<Schema>, values: V) => Compilable<R>,
  names: readonly string[],
): Compiled<R> {
  const standIns = new Map(names.map((name) => [Symbol(name), name]));
  const query = build(
    db,
    Object.fromEntries([...standIns].map(([symbol, name]) => [name, symbol])) as V,
  ).compile();
  const slots = query.parameters.map((p) => (typeof p === "symbol" ? standIns.get(p) : undefined));
  for (const name of names)
    if (slots.filter((slot) => slot === name).length !== 1)
      throw new Error(`compiledOnce: the value '${name}' must be exactly one parameter of the query`);
  return { query, slots };
}
