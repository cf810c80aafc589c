/** `ldn serve` refuses a setting it cannot start with as a usage error: exit 2, naming it. */
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../testing.ts";

describe("ldn serve with a bad setting", () => {
  const before = process.env.LDN_LOGIN_FAILURES;
  afterEach(() => {
    if (before === undefined) delete process.env.LDN_LOGIN_FAILURES;
    else process.env.LDN_LOGIN_FAILURES = before;
  });

  it("exits 2 naming the setting and the value, not 1 as an internal error", async () => {
    process.env.LDN_LOGIN_FAILURES = "0";
    const { code, stderr } = await runCli(["serve", "--db", "/nonexistent/never-opened.sqlite"]);
    expect(stderr).toBe('ldn: LDN_LOGIN_FAILURES: must be a whole number above 0 (got "0")\n');
    expect(code).toBe(2);
  });
});
