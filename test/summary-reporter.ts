/**
 * Ends a test run with the plain line "N passed, N failed, N skipped", which CI
 * reads as the run's count (vitest's own summary is formatted differently).
 */
import { writeSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
    }
    // Written at exit so it comes after vitest's own summary; synchronously, so it is not lost.
    const line = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`;
    process.once("exit", () => writeSync(1, line));
  }
}
