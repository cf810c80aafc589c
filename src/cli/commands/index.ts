/**
 * Every command of the `ldn` CLI, in the order `ldn --help` lists them.
 * One file per command; each exports `register(program)`.
 */
import type { Command } from "commander";

export function registerCommands(program: Command): void {
  void program;
}
