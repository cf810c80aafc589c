import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "e2e/**/*.e2e.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
