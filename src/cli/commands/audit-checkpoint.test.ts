/**
 * Checkpoints kept outside the database find the tampering the chain alone cannot (issue 13,
 * item 8): the last events deleted with the stored head set back, and an event rewritten with
 * every later hash and the head recomputed.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chainHash } from "../../store/audit/chain.ts";
import type { AuditEventTable } from "../../store/schema.ts";
import { seedDatabase } from "../../store/testing/seed-database.ts";
import { runCli } from "../testing.ts";

let dir: string;
let db: string;
let keyFile: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "ldn-cli-checkpoint-"));
  db = join(dir, "ldn.sqlite");
  keyFile = join(dir, "audit.key");
  writeFileSync(keyFile, "a key kept on another machine\n");
  await seedDatabase({ kind: "sqlite", path: db }, 3);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Takes a signed checkpoint into a file, as an operator's cron job would. */
async function checkpoint(): Promise<string> {
  const { code, stdout } = await runCli(["audit", "checkpoint", "--db", db, "--key-file", keyFile]);
  expect(code).toBe(0);
  const file = join(dir, "checkpoints.jsonl");
  writeFileSync(file, stdout, { flag: "a" });
  return file;
}

/** Someone with write access to the file, who knows the chain's rules, and no key. */
function tamper(work: (native: BetterSqlite3.Database) => void): void {
  const native = new BetterSqlite3(db);
  native.exec("drop trigger audit_events_no_update; drop trigger audit_events_no_delete");
  work(native);
  native.close();
}

/** Recomputes every hash from `fromId` on, and the head, as a careful forger would. */
function rechain(native: BetterSqlite3.Database, fromId: number): void {
  const rows = native
    .prepare("select * from audit_events where id >= ? order by id")
    .all(fromId) as AuditEventTable[];
  let prev = (
    native.prepare("select hash from audit_events where id = ?").get(fromId - 1) as { hash: string }
  ).hash;
  for (const row of rows) {
    const hash = chainHash(prev, row);
    native.prepare("update audit_events set prev_hash = ?, hash = ? where id = ?").run(prev, hash, row.id);
    prev = hash;
  }
  native.prepare("update audit_chain_head set last_hash = ? where id = 1").run(prev);
}

describe("ldn audit checkpoint and verify --checkpoints", () => {
  it("prints a signed checkpoint of the verified head, and verifies against it", async () => {
    const file = await checkpoint();
    const line = JSON.parse(
      (await runCli(["audit", "checkpoint", "--db", db, "--key-file", keyFile])).stdout,
    );
    expect(line).toMatchObject({ v: 1, events: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(line.mac).toMatch(/^[0-9a-f]{64}$/);
    const ok = await runCli(["audit", "verify", "--db", db, "--checkpoints", file, "--key-file", keyFile]);
    expect([ok.code, ok.stdout]).toEqual([
      0,
      `audit chain intact: 5 events, head ${line.hash}; 1 checkpoint(s) match\n`,
    ]);
  });

  it("finds the last events deleted with the stored head set back, which the chain alone does not", async () => {
    const file = await checkpoint();
    tamper((native) => {
      native.exec("delete from audit_events where id > 3");
      native.exec(
        "update audit_chain_head set last_id = 3, last_hash = (select hash from audit_events where id = 3)",
      );
    });
    expect((await runCli(["audit", "verify", "--db", db])).code).toBe(0);
    expect(await runCli(["audit", "verify", "--db", db, "--checkpoints", file])).toEqual({
      code: 1,
      stdout: "",
      stderr: expect.stringMatching(
        /^ldn: audit log does not match .*checkpoints\.jsonl line 1: event 5, the last at the checkpoint of .*, is missing: events were deleted\n$/,
      ),
    });
  });

  it("finds an event rewritten with every later hash and the head recomputed, which the chain alone does not", async () => {
    const file = await checkpoint();
    tamper((native) => {
      native.exec("update audit_events set patient_id = 'someone else' where id = 2");
      rechain(native, 2);
    });
    expect((await runCli(["audit", "verify", "--db", db])).code).toBe(0);
    const res = await runCli(["audit", "verify", "--db", db, "--checkpoints", file]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      /event 5 does not match the checkpoint of .*: the log was rewritten up to it\n$/,
    );
  });

  it("refuses a checkpoint forged to match a rewritten log, when verified with the key", async () => {
    const file = await checkpoint();
    tamper((native) => {
      native.exec("update audit_events set patient_id = 'someone else' where id = 2");
      rechain(native, 2);
    });
    // The forger takes a fresh, unsigned checkpoint of the rewritten log and puts it in place.
    const forged = (await runCli(["audit", "checkpoint", "--db", db])).stdout;
    writeFileSync(file, forged);
    expect((await runCli(["audit", "verify", "--db", db, "--checkpoints", file])).code).toBe(0);
    const res = await runCli(["audit", "verify", "--db", db, "--checkpoints", file, "--key-file", keyFile]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/line 1: the checkpoint of .* is not signed with this key\n$/);
  });

  it("refuses a short key and a malformed checkpoint file, naming them", async () => {
    writeFileSync(keyFile, "short");
    expect(await runCli(["audit", "checkpoint", "--db", db, "--key-file", keyFile])).toEqual({
      code: 2,
      stdout: "",
      stderr: "ldn: --key-file: the key must be at least 16 bytes (got 5)\n",
    });
    const file = join(dir, "bad.jsonl");
    writeFileSync(file, '{"v":1,"events":5}\n');
    const res = await runCli(["audit", "verify", "--db", db, "--checkpoints", file]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("bad.jsonl line 1: not a checkpoint");
  });
});
