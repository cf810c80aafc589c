/**
 * Every command of the `ldn` CLI, in the order `ldn --help` lists them.
 * One file per command; each exports `register(program)`.
 */
import type { Command } from "commander";
import { register as registerProtocols } from "./protocols.ts";
import { register as registerSchedule } from "./schedule.ts";

export function registerCommands(program: Command): void {
  registerProtocols(program);
  registerSchedule(program);
}
