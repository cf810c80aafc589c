/**
 * Every command of the `ldn` CLI, in the order `ldn --help` lists them.
 * One file per command; each exports `register(program)`.
 */
import type { Command } from "commander";
import { register as registerProtocols } from "./protocols.ts";
import { register as registerSchedule } from "./schedule.ts";
import { register as registerMme } from "./mme.ts";
import { register as registerScreen } from "./screen.ts";
import { register as registerAssess } from "./assess.ts";
import { register as registerSimulate } from "./simulate.ts";
import { register as registerCompound } from "./compound.ts";
import { register as registerPrint } from "./print.ts";
import { register as registerScore } from "./score.ts";
import { register as registerBackup } from "./backup.ts";
import { register as registerRestore } from "./restore.ts";
import { register as registerAudit } from "./audit.ts";
import { register as registerAnalyze } from "./analyze.ts";
import { register as registerServe } from "./serve.ts";
import { register as registerAdmin } from "./admin.ts";
import { register as registerFhir } from "./fhir.ts";

export function registerCommands(program: Command): void {
  registerProtocols(program);
  registerSchedule(program);
  registerMme(program);
  registerScreen(program);
  registerAssess(program);
  registerSimulate(program);
  registerCompound(program);
  registerPrint(program);
  registerScore(program);
  registerBackup(program);
  registerRestore(program);
  registerAudit(program);
  registerAnalyze(program);
  registerServe(program);
  registerAdmin(program);
  registerFhir(program);
}
