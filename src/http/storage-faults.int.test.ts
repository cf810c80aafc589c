/**
 * Faults of the database answered for what they are (issue 14, item 5): a full disk and a lock
 * held by another process are 503 with Retry-After, on reads too (every read writes an audit
 * event), and nothing stored before is lost. Real SQLite: the disk fills through SQLite's own
 * `max_page_count` limit (a real SQLITE_FULL), the lock is another connection's write
 * transaction on the same file (a real SQLITE_BUSY).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, openSqliteFile, sqliteDatabase, type Database } from "../store/database.ts";
import { createSqlStore } from "../store/sql-store.ts";
import { buildServer } from "./server.ts";
import { ELIGIBLE_SCREENING, seedClinic, TEST_HASHER, TEST_PASSWORD } from "./testing/test-server.ts";

describe("database faults over HTTP (SQLite)", () => {
  let dir: string;
  let native: BetterSqlite3.Database;
  let database: Database;
  let request: (method: string, path: string, body?: unknown) => Promise<Response>;
  let logged: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "ldn-faults-"));
    const path = join(dir, "ldn.sqlite");
    await (await openDatabase({ kind: "sqlite", path })).close(); // migrated
    // The server's own connection, kept in hand so the test can set its limits.
    native = openSqliteFile(path);
    database = sqliteDatabase(native, path);
    const store = createSqlStore(database);
    const clinic = await seedClinic(store, "faults");
    logged = [];
    const { app } = buildServer({
      store,
      passwords: TEST_HASHER,
      webRoot: null,
      log: (m) => logged.push(m),
    });
    let cookie = "";
    request = async (method, path, body) => {
      const res = await app.request(`http://ldn.test${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      cookie = res.headers.get("set-cookie")?.split(";")[0] ?? cookie;
      return res;
    };
    const login = await request("POST", "/api/session", {
      login: clinic.staff.clinician.email,
      password: TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
  });

  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const enrol = (name: string) =>
    request("POST", "/api/patients", { displayName: name, screening: ELIGIBLE_SCREENING });

  it("answers a full disk with 503 and Retry-After on writes and on reads, and loses nothing", async () => {
    expect((await enrol("Before the disk filled")).status).toBe(201);
    const pages = native.pragma("page_count", { simple: true }) as number;
    native.pragma(`max_page_count = ${pages}`);
    // Writes that need a new page fail: enrol until the last free bytes of the last page are used.
    const statuses: number[] = [];
    for (let i = 0; i < 50 && !statuses.includes(503); i++) statuses.push((await enrol(`Full ${i}`)).status);
    const full = await enrol("Full again");
    expect(full.status).toBe(503);
    expect(full.headers.get("retry-after")).toBe("60");
    expect(((await full.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    // A read writes its audit event: once even that does not fit, refused the same way, not a 500.
    let read = await request("GET", "/api/patients");
    for (let i = 0; i < 200 && read.status === 200; i++) {
      read = await request("GET", "/api/patients");
    }
    expect(read.status).toBe(503);
    expect(read.headers.get("retry-after")).toBe("60");
    expect(logged.some((m) => m.includes("database disk_full"))).toBe(true);

    native.pragma("max_page_count = 1073741823"); // the operator frees space
    const after = await request("GET", "/api/patients");
    expect(after.status).toBe(200);
    const names = ((await after.json()) as { displayName: string }[]).map((p) => p.displayName);
    expect(names).toContain("Before the disk filled");
    // Exactly the enrolments acknowledged with 201 are there: none half-written.
    const acknowledged = statuses.filter((s) => s === 201).length;
    expect(names.filter((n) => n.startsWith("Full "))).toHaveLength(acknowledged);
    expect(names).not.toContain("Full again");
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
  });

  it("answers a database locked by another process with 503 and Retry-After, then works once it is free", async () => {
    native.pragma("busy_timeout = 200"); // the server's wait for the lock, shortened for the test
    const other = new BetterSqlite3(join(dir, "ldn.sqlite"));
    try {
      other.exec("BEGIN IMMEDIATE"); // another process holds the write lock
      const locked = await enrol("While locked");
      expect(locked.status).toBe(503);
      expect(locked.headers.get("retry-after")).toBe("2");
      const read = await request("GET", "/api/patients");
      expect(read.status).toBe(503);
      other.exec("ROLLBACK");
      expect((await enrol("Once free")).status).toBe(201);
    } finally {
      other.close();
    }
  });
});
