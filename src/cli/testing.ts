/**
 * Runs the CLI in-process for tests, capturing what it writes. Standard input can be
 * given as a string.
 */
import { Readable } from "node:stream";
import { vi } from "vitest";
import { run } from "./program.ts";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], stdin?: string): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const input = vi.spyOn(process, "stdin", "get");
  if (stdin !== undefined) input.mockReturnValue(Readable.from([stdin]) as unknown as typeof process.stdin);
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    process.exitCode = previousExitCode;
    out.mockRestore();
    err.mockRestore();
    input.mockRestore();
  }
}
