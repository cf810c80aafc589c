/**
 * What a clinician's override set, in plain words for the chart ("set the daily dose to
 * 0.7 mg"), never the engine's field names.
 */
import { formatDose } from "../../domain/dose.ts";

/**
 * @example describeDecision({ kind: "set-dose", totalUg: 700 }, "mg") // "set the daily dose to 0.7 mg"
 */
export function describeDecision(
  engineDecision: Readonly<Record<string, unknown>> | null,
  unit: "mg" | "mcg",
): string | null {
  if (engineDecision === null) return null;
  const dose = (v: unknown) => (typeof v === "number" ? formatDose(v, unit) : "a dose");
  switch (engineDecision.kind) {
    case "set-dose":
      return `set the daily dose to ${dose(engineDecision.totalUg)}`;
    case "set-med":
      return `set the MED at ${dose(engineDecision.totalUg)}`;
    case "consolidate":
      return engineDecision.doseCount === 1
        ? "take the day's dose at once"
        : `take the day's dose in ${String(engineDecision.doseCount)} doses`;
    case "pause":
      return "pause LDN";
    case "resume":
      return "resume LDN";
    case "stop":
      return "stop LDN";
    default:
      return "a change of plan";
  }
}
