/** Lines saying which settings a plan uses, each marked published (source) or clinic setting. */
import { formatDose } from "../../domain/dose.ts";
import type { ProtocolDefinition, ResolvedSettings } from "../../domain/protocols/protocol.ts";

export function describeSettings(protocol: ProtocolDefinition, settings: ResolvedSettings): string {
  return protocol.settings
    .map((s) => {
      const value =
        s.kind === "dose"
          ? formatDose(settings.doses[s.key]!, protocol.unit)
          : s.kind === "integer"
            ? `${settings.integers[s.key]} ${s.unit}`
            : settings.times.join(", ");
      // The note itself says "clinic setting, not a published fact" or names the source.
      return `  ${s.label} (${s.key}): ${value} -- ${s.note}\n`;
    })
    .join("");
}
