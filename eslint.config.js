// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * No array spread into a call's arguments (`Math.max(...values)`, `push(...rows)`): every
 * element becomes an argument on the stack, and past about a hundred thousand elements the
 * call throws "Maximum call stack size exceeded". `ldn analyze` crashed so on a registry of
 * a million rows (issue 14). Use a loop or `reduce`. Array literals (`[...a, ...b]`) are fine.
 * test/no-spread-calls.test.ts checks the rule still catches it.
 */
const NO_SPREAD_IN_CALLS = [
  {
    selector: "CallExpression > SpreadElement.arguments",
    message:
      "no spread into a call's arguments: a large array overflows the stack (issue 14); use a loop or reduce",
  },
  {
    selector: "NewExpression > SpreadElement.arguments",
    message:
      "no spread into a constructor's arguments: a large array overflows the stack (issue 14); use a loop",
  },
];

/**
 * One error vocabulary (issue 16, item 3): errors are built by the small factories in
 * src/domain/errors.ts (invalidDose, conflict, notFound...), never with `new DomainError(...)`,
 * so each code keeps one shape and docs/errors.md stays the whole list.
 * test/one-error-vocabulary.test.ts checks the rule still fires.
 */
const ONE_ERROR_VOCABULARY = [
  {
    selector: "NewExpression[callee.name='DomainError']",
    message: "build errors with the factories in src/domain/errors.ts (docs/errors.md), not new DomainError",
  },
];

/** The domain is pure (docs/architecture.md, "Pass time in"): no clock, no unseeded randomness. */
const PURE_DOMAIN = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "pass the date in" },
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: "pass the date in",
  },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: "pass a seeded RNG in",
  },
];

export default tseslint.config(
  { ignores: ["node_modules", "dist", "coverage", "data", "out", "web/dist"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // One zod: every schema is zod 4's (issue 16), so shapes mix without surprises.
      "no-restricted-imports": ["error", { paths: [{ name: "zod", message: 'import "zod/v4"' }] }],
    },
  },
  {
    // Type-checked rules (issue 16): a promise nobody awaits loses its error, and an unawaited
    // write in a test lets the test pass before the write has happened.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests build their small arrays as they like; what ships must not spread into calls.
    files: ["src/**/*.ts", "src/**/*.tsx", "web/src/**/*.ts", "web/src/**/*.tsx", "bench/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: { "no-restricted-syntax": ["error", ...NO_SPREAD_IN_CALLS, ...ONE_ERROR_VOCABULARY] },
  },
  {
    // The domain is pure: no I/O, no clock, no environment (docs/architecture.md).
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
      // Repeated here: this block's list replaces the one above for the domain's files.
      "no-restricted-syntax": ["error", ...NO_SPREAD_IN_CALLS, ...ONE_ERROR_VOCABULARY, ...PURE_DOMAIN],
    },
  },
  {
    // The factories' own file builds DomainErrors: the domain's lists, less ONE_ERROR_VOCABULARY.
    files: ["src/domain/errors.ts"],
    rules: { "no-restricted-syntax": ["error", ...NO_SPREAD_IN_CALLS, ...PURE_DOMAIN] },
  },
);
