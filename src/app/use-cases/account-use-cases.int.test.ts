/**
 * The account use cases against a real database: staff added all or none, and no password is
 * hashed or checked while a transaction is open (issue 14: scrypt inside the SQLite write lock
 * held up every check-in queued behind it).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../ports/actor.ts";
import type { LoginThrottle } from "../ports/login-throttle.ts";
import type { PasswordHasher } from "../ports/password-hasher.ts";
import type { Store } from "../ports/store.ts";
import { scryptHasher } from "../../crypto/scrypt-hasher.ts";
import { DomainError } from "../../domain/errors.ts";
import { openStore } from "../../store/sql-store.ts";
import { DIALECTS, testDatabaseConfig } from "../../store/testing/test-databases.ts";
import { addStaff } from "./add-staff.ts";
import { changePassword } from "./change-password.ts";
import { signIn } from "./sign-in.ts";

/** A store that knows when one of its transactions is open. */
function watched(store: Store): Store & { readonly open: () => number } {
  let open = 0;
  return {
    open: () => open,
    lookupSession: (id) => store.lookupSession(id),
    loginThrottle: (windowMs) => store.loginThrottle(windowMs),
    close: () => store.close(),
    async transaction(actor, work) {
      open += 1;
      try {
        return await store.transaction(actor, work);
      } finally {
        open -= 1;
      }
    },
  };
}

/** A real (fast) scrypt hasher that records whether a transaction was open at each call. */
function hasherWatching(store: { open: () => number }, seen: number[]): PasswordHasher {
  const inner = scryptHasher(10);
  return {
    hash: (password) => (seen.push(store.open()), inner.hash(password)),
    verify: (password, stored) => (seen.push(store.open()), inner.verify(password, stored)),
  };
}

const NO_THROTTLE: LoginThrottle = {
  begin: async () => ({ failed: async () => {}, succeeded: async () => {}, abandoned: async () => {} }),
};
const SETTINGS = { loginFailures: 5, loginAddressFailures: 20, sessionIdleMinutes: 30 };
const CLOCK = { now: () => new Date("2027-01-05T09:00:00Z") };

for (const dialect of DIALECTS) {
  describe(`account use cases on ${dialect}`, () => {
    let cleanup: () => Promise<void>;
    let store: ReturnType<typeof watched>;
    let seen: number[];
    let services: Parameters<typeof changePassword>[0];

    beforeEach(async () => {
      const db = testDatabaseConfig(dialect);
      cleanup = db.cleanup;
      store = watched(await openStore(db.config));
      seen = [];
      const passwords = hasherWatching(store, seen);
      services = { store, clock: CLOCK, passwords, throttle: NO_THROTTLE, settings: SETTINGS };
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    const member = (email: string, password = "a long enough password") => ({
      email,
      displayName: ` ${email} `,
      role: "clinician" as const,
      password,
    });

    it("adds staff with their passwords hashed before the transaction opens, and the clinic when new", async () => {
      const added = await addStaff(services, SYSTEM_ACTOR, {
        clinic: { name: " Riverside " },
        members: [member("A@X.example"), member("b@x.example")],
      });
      expect(added.clinicCreated).toBe(true);
      expect(added.clinic.name).toBe("Riverside");
      expect(added.staff.map((s) => [s.email, s.displayName])).toEqual([
        ["a@x.example", "A@X.example"],
        ["b@x.example", "b@x.example"],
      ]);
      expect(seen).toEqual([0, 0]);
      const again = await addStaff(services, SYSTEM_ACTOR, {
        clinic: { name: "Riverside" },
        members: [member("c@x.example")],
      });
      expect([again.clinicCreated, again.clinic.id]).toEqual([false, added.clinic.id]);
    });

    it("adds none when one email is taken, and refuses a short password before hashing anything", async () => {
      await addStaff(services, SYSTEM_ACTOR, { clinic: { name: "R" }, members: [member("a@x.example")] });
      const taken = addStaff(services, SYSTEM_ACTOR, {
        clinic: { name: "Other" },
        members: [member("new@x.example"), member("A@x.example")],
      });
      await expect(taken).rejects.toMatchObject({ code: "conflict", details: { field: "email" } });
      const clinics = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
      expect(clinics.map((c) => c.name)).toEqual(["R"]);
      seen.length = 0;
      const short = addStaff(services, SYSTEM_ACTOR, {
        clinic: { name: "R" },
        members: [member("s@x.example", "short")],
      });
      await expect(short).rejects.toBeInstanceOf(DomainError);
      await expect(short).rejects.toMatchObject({ code: "invalid_argument", details: { field: "password" } });
      expect(seen).toEqual([]);
    });

    it("changes a password checking and hashing outside any transaction; the old one stops working", async () => {
      const { staff } = await addStaff(services, SYSTEM_ACTOR, {
        clinic: { name: "R" },
        members: [member("a@x.example", "the first password")],
      });
      const subject = { kind: "staff" as const, id: staff[0]!.id };
      seen.length = 0;
      const wrong = changePassword(services, subject, {
        currentPassword: "not the password",
        newPassword: "the second password",
        address: "203.0.113.7",
      });
      await expect(wrong).rejects.toMatchObject({
        code: "invalid_argument",
        details: { field: "currentPassword" },
      });
      const token = await changePassword(services, subject, {
        currentPassword: "the first password",
        newPassword: "the second password",
        address: "203.0.113.7",
      });
      expect(token).toMatch(/^[\w-]{43}$/);
      expect(seen).toEqual([0, 0, 0]);
      const login = (password: string) => signIn(services, { login: "a@x.example", password, address: "x" });
      await expect(login("the first password")).rejects.toMatchObject({ code: "unauthenticated" });
      expect((await login("the second password")).id).toBe(staff[0]!.id);
    });
  });
}
