/**
 * The login throttle over the database, on SQLite and PostgreSQL: the behaviour the in-memory
 * throttle had (issue 13), and that two stores on one database (two server processes) count
 * the same attempts (issue 14).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Attempt, LoginThrottle, ThrottleKey, ThrottleRefusal } from "../../app/ports/login-throttle.ts";
import type { Store } from "../../app/ports/store.ts";
import { openStore } from "../sql-store.ts";
import { DIALECTS, testDatabaseConfig, type TestDatabaseConfig } from "../testing/test-databases.ts";

const account = (name: string, limit = 5): ThrottleKey => ({
  name: `login-account:${name}`,
  limit,
  clearOnSuccess: true,
});
const address = (ip: string, limit = 5): ThrottleKey => ({ name: `login-address:${ip}`, limit });

type Begun = Attempt | ThrottleRefusal;
function started(result: Begun): Attempt {
  if ("retryAfterSeconds" in result) throw new Error(`refused for ${result.retryAfterSeconds} s`);
  return result;
}
const waitOf = (result: Begun): number => ("retryAfterSeconds" in result ? result.retryAfterSeconds : 0);

for (const dialect of DIALECTS) {
  describe(`login throttle in the database (${dialect})`, () => {
    let test: TestDatabaseConfig;
    let stores: Store[];
    const throttle = (windowMs: number, store = 0): LoginThrottle => stores[store]!.loginThrottle(windowMs);

    beforeEach(async () => {
      test = testDatabaseConfig(dialect);
      // Two stores on one database: two server processes, as far as the throttle can tell.
      stores = [await openStore(test.config)];
      stores.push(await openStore(test.config));
    });
    afterEach(async () => {
      for (const store of stores) await store.close();
      await test.cleanup();
    });

    const keys = [account("a@x.example"), address("10.0.0.1")];

    it("allows 5 failures in the window and refuses the 6th attempt until the oldest leaves it", async () => {
      const t = throttle(15 * 60_000);
      for (let i = 0; i < 4; i++) await started(await t.begin(keys, i * 1000)).failed();
      await started(await t.begin(keys, 4000)).failed();
      expect(waitOf(await t.begin(keys, 5000))).toBe(15 * 60 - 5);
      expect(waitOf(await t.begin(keys, 15 * 60_000 - 1))).toBe(1);
      await started(await t.begin(keys, 15 * 60_000)).abandoned();
    });

    it("counts attempts in flight: 40 begun at once for one account get 5 checks (over two servers on PostgreSQL)", async () => {
      // Two SQLite connections in one process cannot wait for each other: better-sqlite3 waits
      // for a lock synchronously, holding up the event loop the other connection needs.
      const server = (i: number) => (dialect === "postgres" ? i % 2 : 0);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          throttle(15 * 60_000, server(i)).begin([account("a", 5), address(`ip${i}`)], 0),
        ),
      );
      const begun = results.filter((r): r is Attempt => !("retryAfterSeconds" in r));
      expect(begun).toHaveLength(5);
      expect(results.filter((r) => waitOf(r) === 5)).toHaveLength(35);
      for (const a of begun) await a.failed();
      expect(waitOf(await throttle(15 * 60_000).begin([account("a", 5)], 1000))).toBe(15 * 60 - 1);
    });

    it("locks an account after failures spread over two servers, on both", async () => {
      for (let i = 0; i < 5; i++)
        await started(await throttle(60_000, i % 2).begin([account("b")], i)).failed();
      expect(waitOf(await throttle(60_000, 0).begin([account("b")], 10))).toBe(60);
      expect(waitOf(await throttle(60_000, 1).begin([account("b")], 10))).toBe(60);
    });

    it("forgets an attempt that never ran, and ends an attempt only once", async () => {
      const t = throttle(60_000);
      const a = started(await t.begin([account("a", 1)], 0));
      await a.abandoned();
      await a.failed();
      await started(await t.begin([account("a", 1)], 0)).failed();
      expect(waitOf(await t.begin([account("a", 1)], 0))).toBe(60);
    });

    it("blocks an address that tries many accounts, and forgives an account, never an address, on success", async () => {
      const t = throttle(60_000);
      await started(await t.begin([account("a", 2), address("1", 2)], 0)).failed();
      await started(await t.begin([account("b", 2), address("1", 2)], 0)).failed();
      expect(waitOf(await t.begin([account("c", 2), address("1", 2)], 1))).toBeGreaterThan(0);
      await started(await t.begin([account("c", 2), address("2", 2)], 1)).abandoned();
      await started(await t.begin([account("a", 2), address("3", 2)], 1)).succeeded();
      await started(await t.begin([account("a", 2), address("4", 2)], 1)).failed();
      await started(await t.begin([account("a", 2), address("4", 2)], 1)).abandoned();
      expect(waitOf(await t.begin([account("z", 2), address("1", 2)], 1))).toBeGreaterThan(0);
    });

    it("keeps separate counters for separate names: an address's invitation failures are not its login failures", async () => {
      const t = throttle(60_000);
      for (let i = 0; i < 3; i++)
        await started(await t.begin([{ name: "invitation-address:1", limit: 3 }], 0)).failed();
      expect(waitOf(await t.begin([{ name: "invitation-address:1", limit: 3 }], 0))).toBe(60);
      await started(await t.begin([account("a", 3), address("1", 3)], 0)).succeeded();
    });

    it("stops counting an attempt left in flight by a server that died, after a minute", async () => {
      const t = throttle(15 * 60_000);
      started(await t.begin([account("d", 1)], 0)); // never ended: its server was killed
      expect(waitOf(await t.begin([account("d", 1)], 59_999))).toBe(5);
      await started(await t.begin([account("d", 1)], 60_000)).abandoned();
    });

    it("remembers failures across a restart: a new store on the same database still refuses", async () => {
      for (let i = 0; i < 5; i++) await started(await throttle(60_000).begin([account("e")], 0)).failed();
      await stores[0]!.close();
      stores[0] = await openStore(test.config);
      expect(waitOf(await throttle(60_000).begin([account("e")], 1))).toBe(60);
    });
  });
}
