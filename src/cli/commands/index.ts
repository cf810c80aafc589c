/**
 * Every command of the `ldn` CLI, in the order `ldn --help` lists them.
 * One file per command; each exports `register(program)`.
 */
import type { Command } from "commander";
import { register as registerProtocols } from "./protocols.ts";
import { register as registerSchedule } from "./schedule.ts";
import { register as registerMme } from "./mme.ts";
import { register as registerScreen } from "./screen.ts";
import { register as registerCompound } from "./compound.ts";

export function registerCommands(program: Command): void {
  registerProtocols(program);
  registerSchedule(program);
  registerMme(program);
  registerScreen(program);
  registerCompound(program);
}
