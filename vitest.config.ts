import { existsSync } from "node:fs";
import { defineConfig } from "vitest/config";

/**
 * Three projects, so each layer runs alone (`npx vitest run --project unit`):
 * - unit: the pure core (domain, app, documents, fhir) in worker threads without a fresh module
 *   graph per file, the inner loop of seconds. Pure code keeps no state between files, so
 *   isolating each file would only add start-up time.
 * - integration: real SQLite files, PostgreSQL, server processes, the CLI, whole simulated
 *   cohorts (`*.slow.test.ts`), and the cross-cutting checks in test/.
 * - browser: Debian's chromium through playwright-core (e2e/).
 * `vitest run` with no project runs all three, as `npm test` does.
 *
 * Without chromium (a contributor's machine, not root) the browser project is left out with a
 * warning, so the other two still run; on CI it is always in, and fails if chromium is missing.
 */
const PURE = [
  "src/domain/**/*.test.ts",
  "src/app/**/*.test.ts",
  "src/documents/**/*.test.ts",
  "src/fhir/**/*.test.ts",
];
const NOT_UNIT = ["**/*.int.test.ts", "**/*.slow.test.ts", "**/node_modules/**"];

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const WITH_BROWSER = Boolean(process.env.CI) || existsSync(CHROMIUM);
if (!WITH_BROWSER)
  console.warn(`ldn: no chromium at ${CHROMIUM}: the browser tests (e2e/) are left out of this run`);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // `npm run test:e2e` without chromium has nothing to run, and has said why.
    passWithNoTests: !WITH_BROWSER,
    reporters: ["default", "./test/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: PURE, exclude: NOT_UNIT, pool: "threads", isolate: false },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: [
            "src/**/*.int.test.ts",
            "src/**/*.slow.test.ts",
            "src/{cli,http,store}/**/*.test.ts",
            "test/**/*.test.ts",
          ],
          pool: "forks",
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: WITH_BROWSER ? ["e2e/**/*.e2e.test.ts"] : [],
          pool: "forks",
        },
      },
    ],
  },
});
