// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules", "dist", "coverage", "data", "out", "web/dist"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The domain is pure: no I/O, no clock, no environment (see docs/architecture in ../shared).
    files: ["src/domain/**/*.ts"],
    ignores: ["src/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: ["node:*", "fs", "path", "process", "../../cli/*", "../../app/*", "../cli/*", "../app/*"],
        },
      ],
      "no-restricted-globals": ["error", "process"],
      // Pass time in (architecture: "Pass time in"): no reading the clock inside the domain.
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "pass the date in" },
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: "pass the date in",
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: "pass a seeded RNG in",
        },
      ],
    },
  },
);
