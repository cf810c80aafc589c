/**
 * The `ldn` command: builds the commander program from one module per command.
 * Exit status (docs/errors.md): 0 done; 1 an internal fault; 2 a usage or setting error (a
 * flag, a file, an environment variable), printed as one line naming it; 3 `ldn assess` when
 * some lines failed. Nothing prints a stack trace unless LDN_DEBUG is set.
 */
import { Command, CommanderError } from "commander";
import { problemOf } from "../domain/problem.ts";
import { registerCommands } from "./commands/index.ts";

export const EXIT_USAGE = 2;

/** Builds the program; `main` runs it. Exposed so tests can run commands in-process. */
export function buildProgram(): Command {
  const program = new Command("ldn")
    .description("Low-dose naltrexone (LDN) titration for pain clinics")
    .version("0.1.0")
    .showSuggestionAfterError()
    .configureHelp({ sortSubcommands: false })
    .exitOverride();
  registerCommands(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the CLI with `argv` (without node and script), returning the exit status. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help/version text).
    return error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  // The same normaliser as the server's answers and `ldn assess`'s error lines.
  const problem = problemOf(error);
  if (problem) {
    process.stderr.write(`ldn: ${problem.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`ldn: internal error: ${message}\n`);
  if (process.env.LDN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}
