/**
 * `ldn simulate`: the virtual-patient test bench. Runs a seeded virtual cohort through
 * protocols and detectors and reports how well each finds the hidden MED. A progress bar
 * goes to stderr on long runs, only when stderr is a terminal.
 */
import { writeFileSync } from "node:fs";
import { Option, type Command } from "commander";
import { invalidArgument } from "../../domain/errors.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { DEFAULT_SIMULATED_PROTOCOLS, runSimulation } from "../../domain/simulation/run-simulation.ts";
import { DETECTOR_NAMES, type DetectorName } from "../../domain/titration/detectors/detector.ts";
import { formatOption, parsePositiveInt, printJson } from "../output.ts";
import { simulationSvg } from "../render/simulation-svg.ts";
import { simulationTable } from "../render/simulation-table.ts";

interface SimulateFlags {
  patients: number;
  seed: number;
  cohort: "noisy" | "noise-free";
  protocols: string;
  detectors: string;
  format: "table" | "json";
  out?: string;
}

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
      new Option("--cohort <kind>", "day-to-day pain noise")
        .choices(["noisy", "noise-free"])
        .default("noisy"),
    )
    .option("--protocols <list>", "comma-separated protocol ids", DEFAULT_SIMULATED_PROTOCOLS.join(","))
    .option("--detectors <list>", "comma-separated detectors", DETECTOR_NAMES.join(","))
    .addOption(formatOption(["table", "json"]))
    .option("--out <file.svg>", "also write a plot of the results as SVG")
    .addHelpText(
      "after",
      `
Examples:
  ldn simulate --patients 2000 --seed 7
  ldn simulate --protocols micro-titration --cohort noise-free --format json
  ldn simulate --out results.svg`,
    )
    .action((flags: SimulateFlags) => {
      const protocols = flags.protocols.split(",").map((p) => getProtocol(p.trim()).id);
      const detectors = flags.detectors.split(",").map((d) => parseDetector(d.trim()));
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
