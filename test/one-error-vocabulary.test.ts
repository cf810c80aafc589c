/**
 * Issue 16, item 3: one error vocabulary. eslint.config.js forbids `new DomainError(...)` in
 * shipped code outside src/domain/errors.ts, whose factories build every error; this checks the
 * rule fires in each layer, beside the domain's other restricted syntax, and that the factories'
 * own file and the tests stay free to build one.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The examples are files that do not exist, which the type-checked rules cannot look up in the
// project: this test checks syntax rules only, so it lints without type information.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      "@typescript-eslint/no-floating-promises": "off",
      "@typescript-eslint/await-thenable": "off",
      "@typescript-eslint/no-misused-promises": "off",
    },
  },
});

async function restrictedMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

const HAND_BUILT = [
  'import { DomainError } from "../domain/errors.ts";',
  'export const missing = () => new DomainError("not_found", "No such patient");',
  "",
].join("\n");

describe("one error vocabulary", () => {
  it("refuses a hand-built DomainError in the domain, the use cases, the server, the CLI and the store", async () => {
    for (const file of [
      "src/domain/example.ts",
      "src/app/use-cases/example.ts",
      "src/http/routes/example.ts",
      "src/cli/commands/example.ts",
      "src/store/example.ts",
    ]) {
      const messages = await restrictedMessages(HAND_BUILT, file);
      expect(messages, file).toEqual([
        "build errors with the factories in src/domain/errors.ts (docs/errors.md), not new DomainError",
      ]);
    }
  });

  it("still forbids reading the clock in the domain alongside it", async () => {
    const code = `${HAND_BUILT}export const now = () => Date.now();\n`;
    const messages = await restrictedMessages(code, "src/domain/example.ts");
    expect(messages).toHaveLength(2);
    expect(messages[1]).toBe("pass the date in");
  });

  it("lets the factories' own file and the tests build one, and keeps the clock rule in errors.ts", async () => {
    expect(await restrictedMessages(HAND_BUILT, "src/domain/errors.ts")).toEqual([]);
    expect(await restrictedMessages(HAND_BUILT, "src/app/use-cases/example.test.ts")).toEqual([]);
    const clock = "export const now = () => Date.now();\n";
    expect(await restrictedMessages(clock, "src/domain/errors.ts")).toEqual(["pass the date in"]);
  });

  it("allows the factories everywhere", async () => {
    const code = [
      'import { notFound } from "../domain/errors.ts";',
      'export const missing = () => notFound("patient");',
      "",
    ].join("\n");
    expect(await restrictedMessages(code, "src/app/use-cases/example.ts")).toEqual([]);
  });
});
