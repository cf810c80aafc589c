import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scryptHasher } from "../../crypto/scrypt-hasher.ts";
import { openDatabase } from "../../store/database.ts";
import { runCli } from "../testing.ts";

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ldn-cli-admin-"));
  db = join(dir, "ldn.sqlite");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const create = (...extra: string[]) => [
  "admin",
  "create",
  "--clinic",
  "Riverside Pain Clinic",
  "--email",
  "Admin@Riverside.example",
  "--name",
  "A. Admin",
  "--db",
  db,
  ...extra,
];

describe("ldn admin create", () => {
  it("creates the clinic and an administrator whose printed password verifies", async () => {
    const { code, stdout } = await runCli(create());
    expect(code).toBe(0);
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(stdout)?.[1];
    expect(password).toBeDefined();
    const database = await openDatabase({ kind: "sqlite", path: db });
    try {
      const staff = await database.db.selectFrom("staff").selectAll().executeTakeFirstOrThrow();
      expect([staff.email, staff.role]).toEqual(["admin@riverside.example", "administrator"]);
      expect(await scryptHasher().verify(password!, staff.password_hash)).toBe(true);
      const clinics = await database.db.selectFrom("clinics").selectAll().execute();
      expect(clinics.map((c) => c.name)).toEqual(["Riverside Pain Clinic"]);
    } finally {
      await database.close();
    }
  });

  it("refuses an email that already has an account, and a short password from stdin", async () => {
    const first = await runCli(create("--password-stdin"), "a long enough password\n");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const again = await runCli(create("--password-stdin"), "another long password\n");
    expect(again.code).toBe(2);
    expect(again.stderr).toBe("ldn: email: admin@riverside.example already has an account\n");
    const short = await runCli(
      [
        "admin",
        "create",
        "--clinic",
        "X",
        "--email",
        "b@x.example",
        "--name",
        "B",
        "--db",
        db,
        "--password-stdin",
      ],
      "short\n",
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("password: must be at least 8 characters");
  });
});
