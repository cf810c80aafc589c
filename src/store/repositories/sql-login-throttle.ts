/**
 * The login throttle (src/app/ports/login-throttle.ts) over the database, so every server
 * process on one PostgreSQL counts the same attempts.
 *
 * Deciding and counting must be one step, or two processes could each see 4 failures and both
 * begin a 5th check: each `begin` is one transaction that holds the table's write lock
 * (SQLite: the transaction begins IMMEDIATE; PostgreSQL: `LOCK TABLE ... SHARE ROW EXCLUSIVE`,
 * which conflicts with itself). Logins are rare next to check-ins, so serialising them costs
 * nothing that matters.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Attempt, LoginThrottle, ThrottleKey, ThrottleRefusal } from "../../app/ports/login-throttle.ts";
import type { DialectName } from "../migrations/dialect-name.ts";
import type { Schema } from "../schema.ts";

/** While only attempts in flight fill a counter, they end within seconds: retry then. */
const IN_FLIGHT_RETRY_SECONDS = 5;
/**
 * An attempt still in flight after this long belongs to a process that died mid-check (a
 * password check takes well under a second): it stops counting, so a crash locks no one out.
 */
const IN_FLIGHT_STALE_MS = 60_000;

interface Counted {
  readonly name: string;
  readonly began_ms: number | string;
  readonly state: "in_flight" | "failed";
}

/**
 * @example
 * const throttle = sqlLoginThrottle(database.db, database.dialect, 15 * 60_000);
 * const attempt = await throttle.begin([{ name: "login-address:10.0.0.1", limit: 20 }], Date.now());
 */
export function sqlLoginThrottle(db: Kysely<Schema>, dialect: DialectName, windowMs: number): LoginThrottle {
  return {
    async begin(keys, nowMs) {
      if (keys.length === 0) return endingOnce(db, [], []);
      const names = keys.map((k) => k.name);
      const ids = await db.transaction().execute(async (trx) => {
        if (dialect === "postgres")
          await sql`lock table login_attempts in share row exclusive mode`.execute(trx);
        await trx
          .deleteFrom("login_attempts")
          .where("name", "in", names)
          .where((w) =>
            w.or([
              w("began_ms", "<=", nowMs - windowMs),
              w.and([w("state", "=", "in_flight"), w("began_ms", "<=", nowMs - IN_FLIGHT_STALE_MS)]),
            ]),
          )
          .execute();
        const rows: Counted[] = await trx
          .selectFrom("login_attempts")
          .select(["name", "began_ms", "state"])
          .where("name", "in", names)
          .orderBy("began_ms")
          .execute();
        const refusal = refusalFor(keys, rows, nowMs, windowMs);
        if (refusal) return refusal;
        const fresh = keys.map((k) => ({
          id: randomUUID(),
          name: k.name,
          began_ms: nowMs,
          state: "in_flight" as const,
        }));
        await trx.insertInto("login_attempts").values(fresh).execute();
        return fresh.map((r) => r.id);
      });
      if (!Array.isArray(ids)) return ids as ThrottleRefusal;
      return endingOnce(db, ids, keys);
    },
  };
}

/** The wait, when any counter is at its limit; undefined when the attempt may begin. */
function refusalFor(
  keys: readonly ThrottleKey[],
  rows: readonly Counted[],
  nowMs: number,
  windowMs: number,
): ThrottleRefusal | undefined {
  let wait = 0;
  for (const key of keys) {
    const mine = rows.filter((r) => r.name === key.name);
    const failures = mine.filter((r) => r.state === "failed").map((r) => Number(r.began_ms));
    if (failures.length >= key.limit) {
      // The counter frees up when the failure `limit` places from the newest leaves the window.
      const oldestThatMatters = failures[failures.length - key.limit]!;
      wait = Math.max(wait, Math.ceil((oldestThatMatters + windowMs - nowMs) / 1000));
    } else if (mine.length >= key.limit) {
      wait = Math.max(wait, IN_FLIGHT_RETRY_SECONDS);
    }
  }
  return wait > 0 ? { retryAfterSeconds: wait } : undefined;
}

/** The begun attempt: its rows become failures, or are deleted; only the first ending counts. */
function endingOnce(db: Kysely<Schema>, ids: readonly string[], keys: readonly ThrottleKey[]): Attempt {
  let ended = false;
  const end = async (work: () => Promise<unknown>) => {
    if (ended || ids.length === 0) return;
    ended = true;
    await work();
  };
  const forget = () => db.deleteFrom("login_attempts").where("id", "in", ids).execute();
  return {
    failed: () =>
      end(() => db.updateTable("login_attempts").set({ state: "failed" }).where("id", "in", ids).execute()),
    succeeded: () =>
      end(async () => {
        await forget();
        const cleared = keys.filter((k) => k.clearOnSuccess).map((k) => k.name);
        if (cleared.length > 0)
          await db
            .deleteFrom("login_attempts")
            .where("name", "in", cleared)
            .where("state", "=", "failed")
            .execute();
      }),
    abandoned: () => end(forget),
  };
}
