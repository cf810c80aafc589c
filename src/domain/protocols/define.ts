/** Freezes a protocol definition deeply, so no code can change a published protocol at run time. */
import type { ProtocolDefinition } from "./protocol.ts";

export function defineProtocol(definition: ProtocolDefinition): ProtocolDefinition {
  return deepFreeze(definition);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The label shown beside every number the sources do not give. */
export const CLINIC_SETTING = "clinic setting, not a published fact";
