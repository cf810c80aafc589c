import { describe, expect, it } from "vitest";
import { progressBar, progressLine } from "./progress-bar.ts";

describe("the export's progress bar", () => {
  it("fills in proportion to the work done", () => {
    expect(progressLine("patients", 0, 10)).toBe(`patients [${"-".repeat(30)}] 0/10`);
    expect(progressLine("patients", 3, 10)).toBe(`patients [${"#".repeat(9)}${"-".repeat(21)}] 3/10`);
    expect(progressLine("patients", 10, 10)).toBe(`patients [${"#".repeat(30)}] 10/10`);
  });

  it("redraws in place on a terminal and stays silent on a pipe", () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) =>
      ({ isTTY, write: (s: string) => written.push(s) }) as unknown as NodeJS.WriteStream;
    const piped = progressBar(stream(false), "patients");
    piped.update(1, 2);
    piped.done();
    expect(written).toEqual([]);
    const tty = progressBar(stream(true), "patients");
    tty.update(1, 2);
    tty.update(2, 2);
    tty.done();
    expect(written).toEqual([
      `\r${progressLine("patients", 1, 2)}`,
      `\r${progressLine("patients", 2, 2)}`,
      "\n",
    ]);
  });
});
