/** `ldn serve` refuses a setting it cannot start with as a usage error: exit 2, naming it. */
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../testing.ts";

const NAMES = ["LDN_LOGIN_FAILURES", "LDN_FILL_DAYS", "LDN_FILL_LEAD_DAYS"] as const;

describe("ldn serve with a bad setting", () => {
  const before = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const name of NAMES) {
      if (before[name] === undefined) delete process.env[name];
      else process.env[name] = before[name];
    }
  });

  it.each([
    ["LDN_LOGIN_FAILURES", "0", "must be a whole number above 0"],
    // The pharmacy's limit: a server that started with these refused every queue request.
    ["LDN_FILL_DAYS", "120", "must be a whole number of days from 1 to 90"],
    ["LDN_FILL_DAYS", "0", "must be a whole number of days from 1 to 90"],
    ["LDN_FILL_LEAD_DAYS", "91", "must be a whole number of days from 0 to 90"],
  ])(
    "%s=%s: exits 2 naming the setting and the value, not 1 as an internal error",
    async (name, value, why) => {
      process.env[name] = value;
      const { code, stderr } = await runCli(["serve", "--db", "/nonexistent/never-opened.sqlite"]);
      expect(stderr).toBe(`ldn: ${name}: ${why} (got "${value}")\n`);
      expect(code).toBe(2);
    },
  );
});
