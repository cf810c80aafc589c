/**
 * Audit checkpoints: the chain's head (how many events, the last hash) written down outside the
 * database, optionally signed with a key kept outside it too (HMAC-SHA256).
 *
 * The chain alone finds a changed event, and a removed one in the middle. It cannot find someone
 * with write access to the database who deletes the last events and sets the stored head back,
 * or who rewrites an event and recomputes every later hash and the head: the result is a valid
 * chain. A checkpoint kept elsewhere finds both, for every event up to it: the event it names is
 * gone, or its hash differs. Events after the newest checkpoint are protected by the chain alone.
 * Without a key, the checkpoints are only as safe as the place they are kept; with one, a
 * checkpoint cannot be forged by someone who does not have the key.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import { refused } from "../../domain/errors.ts";
import type { Schema } from "../schema.ts";

/** One checkpoint, as written on one line of a checkpoint file. */
export interface AuditCheckpoint {
  /** The format's version. */
  readonly v: 1;
  /** Events in the chain at the checkpoint: the last one's id. */
  readonly events: number;
  /** That event's hash. */
  readonly hash: string;
  /** When the checkpoint was taken (ISO-8601, UTC). */
  readonly at: string;
  /** HMAC-SHA256 of the above with the checkpoint key, hex; absent when made without a key. */
  readonly mac?: string;
}

const macOf = (key: Buffer, c: Omit<AuditCheckpoint, "mac">): string =>
  createHmac("sha256", key).update(`ldn-audit-checkpoint:v1:${c.events}:${c.hash}:${c.at}`).digest("hex");

/**
 * A checkpoint of a verified chain's head, signed when a key is given.
 *
 * @example makeCheckpoint({ events: 5, headHash: "ab…" }, "2027-01-10T09:00:00.000Z", key)
 */
export function makeCheckpoint(
  head: { readonly events: number; readonly headHash: string },
  at: string,
  key?: Buffer,
): AuditCheckpoint {
  const unsigned = { v: 1 as const, events: head.events, hash: head.headHash, at };
  return key ? { ...unsigned, mac: macOf(key, unsigned) } : unsigned;
}

/**
 * The checkpoints in a file's text, one JSON object a line (blank lines skipped); a malformed line
 * throws naming it.
 *
 * @example parseCheckpoints('{"v":1,"events":5,"hash":"ab…","at":"2027-01-10T09:00:00.000Z"}\n')
 */
export function parseCheckpoints(text: string, file = "checkpoints"): AuditCheckpoint[] {
  const found: AuditCheckpoint[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    const bad = (why: string) => refused(`${file} line ${i + 1}: ${why}`, { field: file, line: i + 1 });
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw bad("not JSON");
    }
    const c = value as Partial<AuditCheckpoint> | null;
    if (
      c === null ||
      typeof c !== "object" ||
      c.v !== 1 ||
      !Number.isSafeInteger(c.events) ||
      c.events! < 0 ||
      typeof c.hash !== "string" ||
      !/^[0-9a-f]{64}$/.test(c.hash) ||
      typeof c.at !== "string" ||
      (c.mac !== undefined && (typeof c.mac !== "string" || !/^[0-9a-f]{64}$/.test(c.mac)))
    )
      throw bad('not a checkpoint: {"v":1,"events":N,"hash":"<64 hex>","at":"<time>","mac"?:"<64 hex>"}');
    found.push(c as AuditCheckpoint);
  }
  return found;
}

export type CheckpointReport =
  | { readonly ok: true; readonly checked: number }
  | { readonly ok: false; readonly line: number; readonly reason: string };

/**
 * Checks each checkpoint against the database: its signature when a key is given (a checkpoint
 * without one is refused then), and that the event it names is there with the hash it recorded.
 *
 * @example
 * const report = await verifyCheckpoints(db, parseCheckpoints(text), key);
 * if (!report.ok) console.error(report.reason);
 */
export async function verifyCheckpoints(
  db: Kysely<Schema>,
  checkpoints: readonly AuditCheckpoint[],
  key?: Buffer,
): Promise<CheckpointReport> {
  for (const [i, c] of checkpoints.entries()) {
    const line = i + 1;
    if (key) {
      const expected = Buffer.from(macOf(key, c), "hex");
      const given = Buffer.from(c.mac ?? "", "hex");
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, line, reason: `the checkpoint of ${c.at} is not signed with this key` };
    }
    if (c.events === 0) continue;
    const row = await db
      .selectFrom("audit_events")
      .select(["id", "hash"])
      .where("id", "=", c.events)
      .executeTakeFirst();
    if (!row)
      return {
        ok: false,
        line,
        reason: `event ${c.events}, the last at the checkpoint of ${c.at}, is missing: events were deleted`,
      };
    if (row.hash !== c.hash)
      return {
        ok: false,
        line,
        reason: `event ${c.events} does not match the checkpoint of ${c.at}: the log was rewritten up to it`,
      };
  }
  return { ok: true, checked: checkpoints.length };
}
