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
 * The slow files (minutes on a shared 2-core machine) run on CI, in `npm test` and with
 * LDN_SLOW=1 (or when named); elsewhere a plain `npx vitest run src/domain` leaves them out and says so, so the
 * first command a newcomer types takes seconds.
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

// A slow file named on the command line runs too: leaving out what was asked for would puzzle.
const NAMED_SLOW = process.argv.some((arg) => arg.includes(".slow."));
const WITH_SLOW = Boolean(process.env.CI) || process.env.LDN_SLOW === "1" || NAMED_SLOW;
if (!WITH_SLOW)
  console.warn("ldn: the slow simulations (*.slow.test.ts) are left out of this run; LDN_SLOW=1 runs them");

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // `npm run test:e2e` without chromium has nothing to run, and has said why.
    passWithNoTests: !WITH_BROWSER,
    reporters: ["default", "./test/summary-reporter.ts"],
    // Said here, not in the unit project: vitest's threads pool reads `isolate` from the root
    // config only, so a project's `isolate: false` still started a new thread and re-imported
    // vitest and the domain for every file (three times the CPU of `--project unit src/domain`).
    // Only the unit project uses threads; the others use forks, which stay isolated.
    poolOptions: { threads: { isolate: false } },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: PURE, exclude: NOT_UNIT, pool: "threads" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: [
            "src/**/*.int.test.ts",
            ...(WITH_SLOW ? ["src/**/*.slow.test.ts"] : []),
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
