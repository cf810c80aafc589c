/**
 * compiledOnce on every database (testing/test-databases.ts): the query is built once per
 * database and runs with each call's values, inside transactions too; a query whose values do
 * not each reach one parameter is refused at its first run.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compiledOnce } from "./compiled-once.ts";
import { openDatabase, type Database } from "./database.ts";
import { DIALECTS, testDatabaseConfig, type TestDatabaseConfig } from "./testing/test-databases.ts";

for (const dialect of DIALECTS) {
  describe(`compiledOnce on ${dialect}`, () => {
    let test: TestDatabaseConfig;
    let database: Database;
    let builds: number;
    const insertClinic = compiledOnce((db, v: { id: string; name: string; created_at: string }) => {
      builds++;
      return db.insertInto("clinics").values(v);
    });
    const clinicNamed = compiledOnce((db, v: { name: string }) => {
      builds++;
      return db.selectFrom("clinics").select(["id", "name"]).where("name", "=", v.name).orderBy("id");
    });

    beforeEach(async () => {
      test = testDatabaseConfig(dialect);
      database = await openDatabase(test.config);
      builds = 0;
    });
    afterEach(async () => {
      await database.close();
      await test.cleanup();
    });

    it("builds once and runs with each call's values, in and out of transactions", async () => {
      const at = new Date(0).toISOString();
      await insertClinic(database.db, { id: "c1", name: "North", created_at: at });
      await database.db
        .transaction()
        .execute((trx) => insertClinic(trx, { name: "South", id: "c2", created_at: at }));
      await insertClinic(database.db, { id: "c3", name: "North", created_at: at });
      expect((await clinicNamed(database.db, { name: "North" })).rows).toEqual([
        { id: "c1", name: "North" },
        { id: "c3", name: "North" },
      ]);
      expect((await clinicNamed(database.db, { name: "South" })).rows).toEqual([{ id: "c2", name: "South" }]);
      expect((await clinicNamed(database.db, { name: "East" })).rows).toEqual([]);
      // Once each for this database (the other dialect's database compiles its own).
      expect(builds).toBe(2);
    });

    it("refuses a query that does not use each value as exactly one parameter", async () => {
      const twice = compiledOnce((db, v: { name: string }) =>
        db.selectFrom("clinics").select("id").where("name", "=", v.name).where("id", "=", v.name),
      );
      const unused = compiledOnce((db, _v: { name: string }) => db.selectFrom("clinics").select("id"));
      await expect(twice(database.db, { name: "x" })).rejects.toThrow("'name' must be exactly one parameter");
      await expect(unused(database.db, { name: "x" })).rejects.toThrow(
        "'name' must be exactly one parameter",
      );
    });
  });
}
