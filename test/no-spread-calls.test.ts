/**
 * Issue 14: `Math.max(...values)` on a million MEDs overflowed the stack and crashed
 * `ldn analyze`. eslint.config.js forbids spreading into a call's arguments anywhere in
 * src (tests aside); this checks the rule still fires, in the domain (which has its own
 * list of restricted syntax) and outside it, and that array literals stay allowed.
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

async function spreadMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
}

describe("no spread into a call's arguments", () => {
  it("is an error in the domain and in the command line, for calls and constructors", async () => {
    const code = [
      "export const top = (xs: number[]) => Math.max(...xs);",
      "export const all = (a: number[], b: number[]) => { a.push(...b); return a; };",
      "export const copy = (xs: number[]) => new Array<number>(...xs);",
      "",
    ].join("\n");
    for (const file of ["src/domain/cohort/example.ts", "src/cli/render/example.ts"]) {
      const messages = await spreadMessages(code, file);
      expect(messages, file).toHaveLength(3);
      expect(messages[0]).toMatch(/overflows the stack \(issue 14\)/);
    }
  });

  it("still forbids reading the clock in the domain alongside it", async () => {
    const messages = await spreadMessages("export const now = () => Date.now();\n", "src/domain/example.ts");
    expect(messages).toEqual(["pass the date in"]);
  });

  it("allows spreading into an array literal and a loop over the values", async () => {
    const code = [
      "export const both = (a: number[], b: number[]) => [...a, ...b];",
      "export const top = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), -Infinity);",
      "",
    ].join("\n");
    expect(await spreadMessages(code, "src/domain/cohort/example.ts")).toEqual([]);
  });
});
