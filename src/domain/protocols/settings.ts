/**
 * Resolving a protocol's settings: the defaults, overridden by what a clinic sets,
 * each override checked against the setting's bounds and the protocol's unit.
 */
import { micrograms, formatDose, type Micrograms } from "../dose.ts";
import { parseClockTime } from "../calendar-date.ts";
import { invalidArgument, limitExceeded, unknownSetting } from "../errors.ts";
import { parseProtocolDose } from "./protocol-dose.ts";
import type { ProtocolDefinition, ResolvedSettings, SettingDefinition } from "./protocol.ts";

/** Overrides by setting key: dose text ("1.5 mg"), micrograms, a whole number, or times. */
export type SettingOverrides = Readonly<Record<string, string | number | readonly string[]>>;

/**
 * @example resolveSettings(conventional, { startDose: "1 mg", intervalDays: 7 })
 */
export function resolveSettings(
  protocol: ProtocolDefinition,
  overrides: SettingOverrides = {},
): ResolvedSettings {
  for (const key of Object.keys(overrides)) {
    if (!protocol.settings.some((s) => s.key === key)) {
      throw unknownSetting(
        protocol.id,
        key,
        protocol.settings.map((s) => s.key),
      );
    }
  }
  const doses: Record<string, Micrograms> = {};
  const integers: Record<string, number> = {};
  let times: readonly string[] = [];
  for (const setting of protocol.settings) {
    const given = overrides[setting.key];
    if (setting.kind === "dose") doses[setting.key] = resolveDose(protocol, setting, given);
    else if (setting.kind === "integer") integers[setting.key] = resolveInteger(setting, given);
    else times = resolveTimes(protocol, setting, given);
  }
  return { doses, integers, times };
}

function resolveDose(
  protocol: ProtocolDefinition,
  setting: Extract<SettingDefinition, { kind: "dose" }>,
  given: SettingOverrides[string] | undefined,
): Micrograms {
  if (given === undefined) return setting.defaultUg;
  const ug =
    typeof given === "number"
      ? micrograms(given, setting.key)
      : typeof given === "string"
        ? parseProtocolDose(protocol, given, setting.key)
        : badValue(setting.key, given, "must be a dose");
  if (ug < setting.minUg || ug > setting.maxUg) {
    const range = `${formatDose(setting.minUg, protocol.unit)} to ${formatDose(setting.maxUg, protocol.unit)}`;
    throw limitExceeded(
      `${setting.key}: ${formatDose(ug, protocol.unit)} is outside ${range} for ${protocol.id}`,
      { field: setting.key, value: ug },
    );
  }
  return ug;
}

function resolveInteger(
  setting: Extract<SettingDefinition, { kind: "integer" }>,
  given: SettingOverrides[string] | undefined,
): number {
  if (given === undefined) return setting.default;
  const n =
    typeof given === "number"
      ? given
      : typeof given === "string" && /^\d+$/.test(given)
        ? Number(given)
        : NaN;
  if (!Number.isSafeInteger(n) || n < setting.min || n > setting.max) {
    return badValue(
      setting.key,
      given,
      `must be a whole number of ${setting.unit} from ${setting.min} to ${setting.max}`,
    );
  }
  return n;
}

function resolveTimes(
  protocol: ProtocolDefinition,
  setting: Extract<SettingDefinition, { kind: "times" }>,
  given: SettingOverrides[string] | undefined,
): readonly string[] {
  if (given === undefined) return setting.default;
  const list = typeof given === "string" ? given.split(",").map((t) => t.trim()) : given;
  if (!Array.isArray(list) || list.length === 0)
    return badValue(setting.key, given, "must list at least one time");
  const times = (list as readonly string[]).map((t) => parseClockTime(t, setting.key));
  if (times.some((t, i) => i > 0 && t <= times[i - 1]!)) {
    return badValue(setting.key, given, "times must be in order through the day, each once");
  }
  if (times.length > protocol.limits.maxDosesPerDay) {
    return badValue(
      setting.key,
      given,
      `${protocol.id} allows at most ${protocol.limits.maxDosesPerDay} doses a day (${protocol.limits.why.maxDosesPerDay})`,
    );
  }
  return times;
}

function badValue(field: string, value: unknown, why: string): never {
  throw invalidArgument(field, value, why);
}
