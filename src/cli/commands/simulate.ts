/**
 * `ldn simulate`: the virtual-patient test bench. Runs a seeded virtual cohort through
 * protocols and detectors and reports how well each finds the hidden MED: by default the
 * realistic bench (drop-out, side effects, missed doses); with `--judge`, the judged bench of
 * issue 11 (idealised patients, score and non-responder MED share against the goals). A
 * progress bar goes to stderr on long runs, only when stderr is a terminal.
 */
import { writeFileSync } from "node:fs";
import { Option, type Command } from "commander";
import {
  JUDGED_AUTOCORRELATION,
  JUDGED_BASELINE_DAYS,
  JUDGED_NOISE_SD,
  MAX_JUDGED_BASELINE_DAYS,
  MAX_JUDGED_NOISE_SD,
} from "../../domain/simulation/judged-settings.ts";
import { runJudged } from "../../domain/simulation/run-judged.ts";
import { invalidArgument } from "../../domain/errors.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { DEFAULT_SIMULATED_PROTOCOLS, runSimulation } from "../../domain/simulation/run-simulation.ts";
import { DETECTOR_NAMES, type DetectorName } from "../../domain/titration/detectors/detector.ts";
import { formatOption, parsePositiveInt, printJson } from "../output.ts";
import { simulationJudgedTable } from "../render/simulation-judged-table.ts";
import { simulationSvg } from "../render/simulation-svg.ts";
import { simulationTable } from "../render/simulation-table.ts";
import { parseDecimalIn, parseWholeIn } from "./simulate-options.ts";

interface SimulateFlags {
  patients: number;
  seed: number;
  cohort: "noisy" | "noise-free";
  protocols?: string;
  detectors: string;
  format: "table" | "json";
  out?: string;
  judge?: boolean;
  noiseSd?: number;
  autocorrelation?: number;
  baselineDays?: number;
}

/** The protocol `--judge` runs when `--protocols` is not given: issue 11 judges micro-titration. */
const JUDGED_DEFAULT_PROTOCOL = "micro-titration";

/**
 * Adds `ldn simulate` to the program.
 *
 * @example register(new Command("ldn"))
 */
export function register(program: Command): void {
  program
    .command("simulate")
    .description(
      "run a seeded virtual cohort through protocols and detectors; report how well each finds the MED",
    )
    .option("--patients <n>", "virtual patients", parsePositiveInt("--patients", 1_000_000), 1000)
    .option(
      "--seed <n>",
      "seed of the cohort (the same seed gives the same figures)",
      parsePositiveInt("--seed", 2 ** 31),
      1,
    )
    .addOption(
      new Option("--cohort <kind>", "day-to-day rating noise (not with --judge, which reports both)")
        .choices(["noisy", "noise-free"])
        .default("noisy"),
    )
    .option(
      "--protocols <list>",
      `comma-separated protocol ids (default: ${DEFAULT_SIMULATED_PROTOCOLS.join(",")}; with --judge: ${JUDGED_DEFAULT_PROTOCOL})`,
    )
    .option("--detectors <list>", "comma-separated detectors", DETECTOR_NAMES.join(","))
    .addOption(formatOption(["table", "json"]))
    .option("--out <file.svg>", "also write a plot of the results as SVG (not with --judge)")
    .option(
      "--judge",
      "judge the engine as issue 11 asks: idealised patients, score and non-responders given a MED, noisy and noise-free, against the goals",
    )
    .option(
      "--noise-sd <points>",
      `with --judge: SD of the day-to-day rating noise (default ${JUDGED_NOISE_SD})`,
      parseDecimalIn("--noise-sd", 0, MAX_JUDGED_NOISE_SD),
    )
    .option(
      "--autocorrelation <r>",
      `with --judge: day-to-day autocorrelation of the noise, 0 to below 1 (default ${JUDGED_AUTOCORRELATION})`,
      parseDecimalIn("--autocorrelation", 0, 1, true),
    )
    .option(
      "--baseline-days <n>",
      `with --judge: diary days before the first dose (default ${JUDGED_BASELINE_DAYS})`,
      parseWholeIn("--baseline-days", 0, MAX_JUDGED_BASELINE_DAYS),
    )
    .addHelpText(
      "after",
      `
Examples:
  ldn simulate --patients 2000 --seed 7
  ldn simulate --protocols micro-titration --cohort noise-free --format json
  ldn simulate --out results.svg
  ldn simulate --judge --patients 2000
  ldn simulate --judge --protocols micro-titration,dose-response-0.75 --noise-sd 1.5 --autocorrelation 0.3
  ldn simulate --judge --baseline-days 7 --seed 2 --format json`,
    )
    .action((flags: SimulateFlags, command: Command) => {
      checkCombination(flags, command);
      const protocols = (flags.protocols ?? defaultProtocols(flags))
        .split(",")
        .map((p) => getProtocol(p.trim()).id);
      const detectors = flags.detectors.split(",").map((d) => parseDetector(d.trim()));
      if (flags.judge) return judge(flags, protocols, detectors);
      const progress = progressBar();
      const result = runSimulation({
        seed: flags.seed,
        patients: flags.patients,
        noisy: flags.cohort === "noisy",
        protocols,
        detectors,
        onProgress: progress.update,
      });
      progress.done();
      if (flags.out) writeFileSync(flags.out, simulationSvg(result));
      if (flags.format === "json") printJson(result);
      else process.stdout.write(simulationTable(result));
    });
}

function judge(flags: SimulateFlags, protocols: string[], detectors: DetectorName[]): void {
  const progress = progressBar();
  const result = runJudged({
    seed: flags.seed,
    patients: flags.patients,
    protocols,
    detectors,
    noiseSd: flags.noiseSd,
    autocorrelation: flags.autocorrelation,
    baselineDays: flags.baselineDays,
    onProgress: progress.update,
  });
  progress.done();
  if (flags.format === "json") printJson(result);
  else process.stdout.write(simulationJudgedTable(result));
}

function defaultProtocols(flags: SimulateFlags): string {
  return flags.judge ? JUDGED_DEFAULT_PROTOCOL : DEFAULT_SIMULATED_PROTOCOLS.join(",");
}

/** The judged bench's options only with --judge; the realistic bench's cohort and plot only without. */
function checkCombination(flags: SimulateFlags, command: Command): void {
  if (flags.judge) {
    if (command.getOptionValueSource("cohort") === "cli") {
      throw invalidArgument(
        "--cohort",
        flags.cohort,
        "not with --judge (it reports both noisy and noise-free)",
      );
    }
    if (flags.out !== undefined) throw invalidArgument("--out", flags.out, "not with --judge");
    return;
  }
  const judgedOnly = {
    "--noise-sd": flags.noiseSd,
    "--autocorrelation": flags.autocorrelation,
    "--baseline-days": flags.baselineDays,
  };
  for (const [option, value] of Object.entries(judgedOnly)) {
    if (value !== undefined) throw invalidArgument(option, value, "only with --judge");
  }
}

function parseDetector(name: string): DetectorName {
  if (!(DETECTOR_NAMES as readonly string[]).includes(name)) {
    throw invalidArgument("--detectors", name, `must list ${DETECTOR_NAMES.join(", ")}`);
  }
  return name as DetectorName;
}

/** A one-line bar on stderr, redrawn at most every 1%, only on a terminal. */
function progressBar() {
  const tty = process.stderr.isTTY === true;
  let shown = -1;
  return {
    update(done: number, total: number) {
      if (!tty) return;
      const pct = Math.floor((100 * done) / total);
      if (pct === shown) return;
      shown = pct;
      const filled = Math.round(pct / 2.5);
      process.stderr.write(
        `\r[${"#".repeat(filled)}${".".repeat(40 - filled)}] ${pct}% (${done}/${total} runs)`,
      );
    },
    done() {
      if (tty && shown >= 0) process.stderr.write("\n");
    },
  };
}
