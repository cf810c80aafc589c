/**
 * The test bench: one seeded virtual cohort run through each protocol and detector. Every
 * protocol sees the very same patients (each patient's traits and daily events come from
 * its own seeded streams), so differences are the protocols' and detectors', not luck's.
 */
import type { IsoDate } from "../calendar-date.ts";
import { invalidArgument } from "../errors.ts";
import { getProtocol, protocolKey } from "../protocols/catalogue.ts";
import { resolveSettings } from "../protocols/settings.ts";
import { chooseDetector } from "../titration/detectors/choose-detector.ts";
import type { DetectorName } from "../titration/detectors/detector.ts";
import { CapsuleCounter } from "./fill-capsules.ts";
import { createRng, deriveSeed } from "./prng.ts";
import { runPatient, type PatientOutcome } from "./run-patient.ts";
import { summariseOutcomes, type OutcomeSummary } from "./summarise-outcomes.ts";
import { drawPatient } from "./virtual-patient.ts";

/** Protocols the bench runs by default: those that search for or test a dose (ULDN is continued, not judged). */
export const DEFAULT_SIMULATED_PROTOCOLS = [
  "micro-titration",
  "fixed-then-micro-adjust",
  "conventional-titration",
  "dose-response-0.75",
  "fixed-standard",
  "ldn-once-daily",
] as const;

export interface SimulationOptions {
  readonly seed: number;
  readonly patients: number;
  /** false for the noise-free twin cohort (same curves, exact ratings). */
  readonly noisy: boolean;
  readonly protocols: readonly string[];
  readonly detectors: readonly DetectorName[];
  /** Plans fills for the capsules column; pass one to read how many fills were planned. */
  readonly capsules?: CapsuleCounter;
  /** Called after each patient run, with runs done and runs in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SimulationRow {
  readonly protocol: string;
  readonly protocolKey: string;
  readonly detector: DetectorName;
  readonly summary: OutcomeSummary;
}

export interface SimulationResult {
  readonly seed: number;
  readonly patients: number;
  readonly cohort: "noisy" | "noise-free";
  readonly rows: readonly SimulationRow[];
}

/** An arbitrary fixed start date: the bench's calendar does not matter, only day counts. */
export const BENCH_START = "2027-01-04" as IsoDate;

/**
 * @example runSimulation({ seed: 1, patients: 1000, noisy: true, protocols: ["micro-titration"], detectors: ["literal", "robust"] })
 */
export function runSimulation(options: SimulationOptions): SimulationResult {
  if (!Number.isSafeInteger(options.patients) || options.patients < 1) {
    throw invalidArgument("patients", options.patients, "must be a whole number above 0");
  }
  const total = options.patients * options.protocols.length * options.detectors.length;
  let done = 0;
  const rows: SimulationRow[] = [];
  const capsules = options.capsules ?? new CapsuleCounter();
  for (const id of options.protocols) {
    const protocol = getProtocol(id);
    const settings = resolveSettings(protocol);
    for (const name of options.detectors) {
      const ctx = { protocol, settings, detector: chooseDetector(name), start: BENCH_START, capsules };
      const outcomes: PatientOutcome[] = [];
      for (let i = 0; i < options.patients; i++) {
        const patient = drawPatient(createRng(deriveSeed(options.seed, i, 0)), i, options.noisy);
        const events = createRng(deriveSeed(options.seed, i, 1));
        const ratings = createRng(deriveSeed(options.seed, i, 2));
        outcomes.push(runPatient(ctx, patient, events, ratings));
        options.onProgress?.(++done, total);
      }
      rows.push({
        protocol: id,
        protocolKey: protocolKey(protocol),
        detector: name,
        summary: summariseOutcomes(outcomes),
      });
    }
  }
  return {
    seed: options.seed,
    patients: options.patients,
    cohort: options.noisy ? "noisy" : "noise-free",
    rows,
  };
}
