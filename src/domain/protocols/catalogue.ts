/**
 * The protocol catalogue: every protocol of the clinical reference, section 2.
 * Definitions are frozen and versioned; `protocolKey` is what a recommendation records.
 */
import { unknownProtocol } from "../errors.ts";
import { conventionalTitration } from "./conventional-titration.ts";
import { doseResponse075 } from "./dose-response-0-75.ts";
import { fixedStandard } from "./fixed-standard.ts";
import { fixedThenMicroAdjust } from "./fixed-then-micro-adjust.ts";
import { ldnOnceDaily } from "./ldn-once-daily.ts";
import { microTitration } from "./micro-titration.ts";
import type { ProtocolDefinition } from "./protocol.ts";
import { uldnSub1mg } from "./uldn-sub-1mg.ts";
import { uldnWithOpioids } from "./uldn-with-opioids.ts";

export const PROTOCOLS: readonly ProtocolDefinition[] = Object.freeze([
  microTitration,
  fixedStandard,
  conventionalTitration,
  ldnOnceDaily,
  uldnWithOpioids,
  uldnSub1mg,
  doseResponse075,
  fixedThenMicroAdjust,
]);

/**
 * Looks a protocol up by id, refusing an unknown id with the list of known ones.
 *
 * @example getProtocol("micro-titration").version // 1
 */
export function getProtocol(id: string): ProtocolDefinition {
  const found = PROTOCOLS.find((p) => p.id === id);
  if (!found) {
    throw unknownProtocol(
      id,
      PROTOCOLS.map((p) => p.id),
    );
  }
  return found;
}

/** "micro-titration@2": the identity a stored plan or recommendation records. */
export function protocolKey(protocol: Pick<ProtocolDefinition, "id" | "version">): string {
  return `${protocol.id}@${protocol.version}`;
}
