/**
 * Reading a dose for a particular protocol. Ultra-low-dose protocols are written in
 * micrograms; a dose typed in mg for one is refused, never converted, because a
 * 1000-fold slip stays under the 50 mg label maximum and only this check catches it
 * (clinical reference section 3, "Units").
 */
import { parseDoseWithUnit, type Micrograms } from "../dose.ts";
import { unitMismatch } from "../errors.ts";
import type { ProtocolDefinition } from "./protocol.ts";

/**
 * @example parseProtocolDose(uldnWithOpioids, "1 mcg") // 1
 * @example parseProtocolDose(uldnWithOpioids, "0.001 mg") // throws unit_mismatch
 */
export function parseProtocolDose(
  protocol: Pick<ProtocolDefinition, "id" | "unit">,
  text: string,
  field = "dose",
): Micrograms {
  const { ug, unit } = parseDoseWithUnit(text, field);
  if (protocol.unit === "mcg" && unit === "mg") {
    throw unitMismatch(
      `${field}: ${protocol.id} is dosed in micrograms (mcg), but "${text}" is in milligrams (mg); ` +
        `write the dose in mcg, e.g. "1 mcg"`,
      { field, value: text, expectedUnit: "mcg", givenUnit: "mg" },
    );
  }
  return ug;
}
