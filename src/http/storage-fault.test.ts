import { describe, expect, it } from "vitest";
import { storageFault } from "./storage-fault.ts";

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe("storageFault", () => {
  it("reads SQLite's result codes, extended ones included", () => {
    expect(storageFault(withCode("SQLITE_FULL"))?.kind).toBe("disk_full");
    expect(storageFault(withCode("SQLITE_BUSY_SNAPSHOT"))?.kind).toBe("busy");
    expect(storageFault(withCode("SQLITE_LOCKED"))?.kind).toBe("busy");
    expect(storageFault(withCode("SQLITE_READONLY_DBMOVED"))?.kind).toBe("read_only");
  });

  it("reads PostgreSQL's SQLSTATEs and a lost connection", () => {
    expect(storageFault(withCode("53100"))?.kind).toBe("disk_full");
    expect(storageFault(withCode("40P01"))?.kind).toBe("busy");
    expect(storageFault(withCode("08006"))?.kind).toBe("unreachable");
    expect(storageFault(withCode("ECONNREFUSED"))?.kind).toBe("unreachable");
  });

  it("says when to try again: soon for a lock, a minute for a full disk", () => {
    expect(storageFault(withCode("SQLITE_BUSY"))?.retryAfterSeconds).toBe(2);
    expect(storageFault(withCode("SQLITE_FULL"))?.retryAfterSeconds).toBe(60);
  });

  it("leaves every other error alone: a constraint is the program's fault, not the disk's", () => {
    expect(storageFault(withCode("SQLITE_CONSTRAINT_UNIQUE"))).toBeNull();
    expect(storageFault(withCode("SQLITE_FULLY"))).toBeNull();
    expect(storageFault(withCode("23505"))).toBeNull();
    expect(storageFault(new Error("plain"))).toBeNull();
    expect(storageFault(null)).toBeNull();
  });
});
