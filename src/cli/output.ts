/**
 * Output helpers shared by every command: the --format option and JSON printing.
 * JSON output is a stable contract (documented in the README): keys are never renamed,
 * only added.
 */
import { Option } from "commander";
import { invalidArgument } from "../domain/errors.ts";

/** A `--format` option limited to `choices`, defaulting to the first. */
export function formatOption(choices: readonly string[]): Option {
  return new Option("--format <format>", "output format").choices(choices).default(choices[0]);
}

/** Prints a value as one JSON document followed by a newline. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

/** Parses a whole positive number given on the command line, naming the option if it is not one. */
export function parsePositiveInt(option: string, max = 100_000) {
  return (text: string): number => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > max) {
      throw invalidArgument(option, text, `must be a whole number from 1 to ${max}`);
    }
    return n;
  };
}
