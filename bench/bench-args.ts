/**
 * The benches' command lines: node's parseArgs, with `--help` (the bench's own opening comment,
 * which says what it measures and how to run it) and a bad flag answered in one line with exit
 * status 2, not a stack trace.
 *
 *   const flags = benchArgs(import.meta.filename, { rounds: { type: "string", default: "3" } });
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

/** The parsed flags of this process, or it exits (0 after --help, 2 after a bad flag). */
export function benchArgs<const O extends NonNullable<ParseArgsConfig["options"]>>(file: string, options: O) {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    process.stdout.write(usage(file));
    process.exit(0);
  }
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    return refuse(file, (error as Error).message);
  }
}

/** Says what is wrong with the command line, points at --help, and exits 2. */
export function refuse(file: string, message: string): never {
  process.stderr.write(`${basename(file)}: ${message}\nRun it with --help for what it takes.\n`);
  process.exit(2);
}

/** The file's opening comment, as plain text. */
function usage(file: string): string {
  const comment = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync(file, "utf8"))?.[1] ?? "";
  return `${comment
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, ""))
    .join("\n")
    .trim()}\n`;
}
