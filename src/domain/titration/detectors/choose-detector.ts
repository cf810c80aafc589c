/** Picking a detector by name, as a plan or `--detector` names it. */
import { invalidArgument } from "../../errors.ts";
import { DETECTOR_NAMES, type Detector } from "./detector.ts";
import { literalDetector } from "./literal.ts";
import { robustDetector } from "./robust.ts";

/**
 * @example chooseDetector("robust").name // "robust"
 */
export function chooseDetector(name: string, field = "detector"): Detector {
  if (name === "literal") return literalDetector;
  if (name === "robust") return robustDetector;
  throw invalidArgument(field, name, `must be one of ${DETECTOR_NAMES.join(", ")}`);
}
