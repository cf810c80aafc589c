/**
 * The one schedule builder: any protocol, its settings, a start date and a length
 * give a day-by-day plan. Every day is checked against the protocol's hard limits, so
 * no schedule this returns can exceed them.
 */
import { micrograms, type Micrograms } from "../dose.ts";
import { addDays, parseIsoDate, type IsoDate } from "../calendar-date.ts";
import { invalidArgument } from "../errors.ts";
import { assertWithinLimits } from "./limits.ts";
import type { ProtocolDefinition, Regimen, ResolvedSettings } from "./protocol.ts";
import { resolveSettings, type SettingOverrides } from "./settings.ts";
import { splitDoses, type ScheduledDose } from "./split-doses.ts";

/** Ten years: a bound on output size, far beyond any real plan. */
export const MAX_SCHEDULE_DAYS = 3660;

export interface ScheduleDay {
  /** 1 on the start date. */
  readonly day: number;
  readonly date: IsoDate;
  readonly totalUg: Micrograms;
  readonly doses: readonly ScheduledDose[];
}

export interface Schedule {
  readonly protocol: ProtocolDefinition;
  readonly start: IsoDate;
  readonly settings: ResolvedSettings;
  readonly regimen: Regimen;
  readonly days: readonly ScheduleDay[];
}

export interface ScheduleOptions {
  /** First day, YYYY-MM-DD. */
  readonly start: string;
  /** Length in days; the protocol's default when absent. Never past the protocol's `lastDay`. */
  readonly days?: number;
  /** Setting overrides, including `times`. */
  readonly settings?: SettingOverrides;
}

/**
 * @example buildSchedule(microTitration, { start: "2027-01-04", days: 11 }).days[8]
 * // { day: 9, date: "2027-01-12", totalUg: 500, doses: [200, 100, 100, 100 at 08:00..20:00] }
 */
export function buildSchedule(protocol: ProtocolDefinition, options: ScheduleOptions): Schedule {
  const start = parseIsoDate(options.start, "start");
  const settings = resolveSettings(protocol, options.settings);
  const regimen = protocol.regimen(settings);
  const length = options.days ?? regimen.defaultDays;
  if (!Number.isSafeInteger(length) || length < 1 || length > MAX_SCHEDULE_DAYS) {
    throw invalidArgument("days", length, `must be a whole number from 1 to ${MAX_SCHEDULE_DAYS}`);
  }
  const days: ScheduleDay[] = [];
  // A protocol with a stop (004: day 120) schedules nothing after it, whatever length is asked.
  const last = Math.min(length, regimen.lastDay ?? length);
  for (let day = 1; day <= last; day++) {
    const totalUg = dailyTotalUg(regimen, day);
    const entry = {
      day,
      date: addDays(start, day - 1),
      totalUg,
      doses: splitDoses(totalUg, settings.times, regimen.granularityUg),
    };
    assertWithinLimits(protocol, entry, days.at(-1)?.totalUg, `day ${day} (${entry.date})`);
    days.push(entry);
  }
  return { protocol, start, settings, regimen, days };
}

/**
 * The day's total on day `day` (1-based): `startUg` plus one step for every
 * `daysPerLevel` days already passed, held at `plateauUg`.
 *
 * @example dailyTotalUg(microTitrationRegimen, 119) // 6000 (004: 6 mg on days 119-120)
 */
export function dailyTotalUg(regimen: Regimen, day: number): Micrograms {
  const level = Math.floor((day - 1) / regimen.daysPerLevel);
  const raw = regimen.startUg + level * regimen.stepUg;
  return micrograms(
    regimen.stepUg >= 0 ? Math.min(raw, regimen.plateauUg) : Math.max(raw, regimen.plateauUg),
  );
}
