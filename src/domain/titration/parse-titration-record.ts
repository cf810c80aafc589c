/**
 * Reading one patient's record as the batch interface receives it (one JSON Lines line of
 * `ldn assess`): id, protocol, start, baseline, days, and optionally settings, the
 * clinician's decisions, asOf, the plan's detector and the opioids recorded at screening.
 * Each error names the field path.
 */
import { parseIsoDate } from "../calendar-date.ts";
import { parseDiaryDay, parseRating, asObject } from "../diary/parse-diary-day.ts";
import { invalidArgument } from "../errors.ts";
import { getProtocol } from "../protocols/catalogue.ts";
import type { SettingOverrides } from "../protocols/settings.ts";
import type { OpioidsAtScreening, TitrationInput } from "./assess-titration.ts";
import { parseDecision } from "./decisions.ts";
import { chooseDetector } from "./detectors/choose-detector.ts";
import type { Detector } from "./detectors/detector.ts";

export interface TitrationRecord extends TitrationInput {
  readonly id: string;
}

/**
 * @example
 * parseTitrationRecord({ id: "p1", protocol: "micro-titration", start: "2027-01-04", baseline: [7], days: [] }, robustDetector)
 */
export function parseTitrationRecord(value: unknown, defaultDetector: Detector): TitrationRecord {
  const obj = asObject(value, "line");
  if (typeof obj.id !== "string" && typeof obj.id !== "number") {
    throw invalidArgument("id", obj.id, "must be a patient id (text)");
  }
  if (typeof obj.protocol !== "string")
    throw invalidArgument("protocol", obj.protocol, "must be a protocol id");
  const protocol = getProtocol(obj.protocol);
  if (typeof obj.start !== "string") throw invalidArgument("start", obj.start, "must be a date, YYYY-MM-DD");
  const start = parseIsoDate(obj.start, "start");
  const baseline = obj.baseline === undefined ? [] : parseBaseline(obj.baseline);
  if (!Array.isArray(obj.days)) throw invalidArgument("days", obj.days, "must be a list of diary days");
  const days = obj.days.map((d, i) => parseDiaryDay(d, `days[${i}]`));
  const decisions = obj.decisions === undefined ? [] : parseDecisions(obj.decisions, protocol);
  return {
    id: String(obj.id),
    protocol,
    start,
    baseline,
    days,
    decisions,
    settings: obj.settings === undefined ? {} : parseSettings(obj.settings),
    detector: obj.detector === undefined ? defaultDetector : chooseDetector(String(obj.detector)),
    ...(obj.asOf === undefined ? {} : { asOf: parseIsoDate(String(obj.asOf), "asOf") }),
    ...(obj.opioids === undefined || obj.opioids === null ? {} : { opioids: parseOpioids(obj.opioids) }),
  };
}

/** Longest opioid name kept (as the server's screening form); longer is a pasting accident. */
export const MAX_OPIOID_NAME_LENGTH = 200;

/**
 * The opioids recorded at screening: `{"names": ["oxycodone"], "mmePerDay": 60}` (names may
 * be empty: no opioids). MME a day as the screening computed it, 0 when none converts.
 *
 * @example parseOpioids({ names: ["oxycodone"], mmePerDay: 60 }) // { names: ["oxycodone"], mmePerDay: 60 }
 */
export function parseOpioids(value: unknown): OpioidsAtScreening {
  const obj = asObject(value, "opioids");
  if (!Array.isArray(obj.names)) {
    throw invalidArgument(
      "opioids.names",
      obj.names,
      'must be a list of opioid names, e.g. ["oxycodone"], or []',
    );
  }
  const names = obj.names.map((n, i) => {
    const name = typeof n === "string" ? n.trim() : "";
    if (name === "" || name.length > MAX_OPIOID_NAME_LENGTH) {
      throw invalidArgument(
        `opioids.names[${i}]`,
        n,
        `must be an opioid's name (text, 1 to ${MAX_OPIOID_NAME_LENGTH} characters)`,
      );
    }
    return name;
  });
  const mme = obj.mmePerDay;
  if (typeof mme !== "number" || !Number.isFinite(mme) || mme < 0) {
    throw invalidArgument(
      "opioids.mmePerDay",
      mme,
      "must be the total morphine milligram equivalents a day, 0 or more",
    );
  }
  return { names, mmePerDay: mme };
}

function parseBaseline(value: unknown): number[] {
  if (!Array.isArray(value)) throw invalidArgument("baseline", value, "must be a list of pain ratings 0-10");
  return value.map((v, i) => parseRating(v, `baseline[${i}]`));
}

function parseDecisions(value: unknown, protocol: TitrationInput["protocol"]) {
  if (!Array.isArray(value)) throw invalidArgument("decisions", value, "must be a list");
  return value.map((d, i) => parseDecision(d, protocol, `decisions[${i}]`));
}

function parseSettings(value: unknown): SettingOverrides {
  const obj = asObject(value, "settings");
  for (const [key, v] of Object.entries(obj)) {
    const ok =
      typeof v === "string" ||
      typeof v === "number" ||
      (Array.isArray(v) && v.every((t) => typeof t === "string"));
    if (!ok) throw invalidArgument(`settings.${key}`, v, "must be text, a number or a list of times");
  }
  return obj as SettingOverrides;
}
