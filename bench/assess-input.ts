/**
 * The input of bench/assess.ts: seeded JSON Lines patients as a clinic's system would send
 * them to `ldn assess`, about 65 diary days each (12 KB a line). Mostly micro-titration
 * (004) on the scheduled doses, some conventional titration and fixed standard dose, some
 * on opioids, some with a clinician's decision, with pain that falls for responders and
 * wanders for the others; 1 line in 500 is bad (a rating out of range), as real exports
 * have them. Written with the protocols' own schedules, not the titration engine, so the
 * input stays the same while the engine changes.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { addDays, parseIsoDate } from "../src/domain/calendar-date.ts";
import { getProtocol } from "../src/domain/protocols/catalogue.ts";
import { buildSchedule } from "../src/domain/protocols/schedule.ts";

/** mulberry32: a small seeded generator, so every run writes the same patients. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = "2027-01-04";
const PROTOCOLS = [
  "micro-titration",
  "micro-titration",
  "micro-titration",
  "conventional-titration",
  "fixed-standard",
];
const SIDE_EFFECTS = ["vivid-dreams", "insomnia", "headache", "gi-upset"];

/** Each protocol's schedule, built once: every patient starts the same day. */
const schedules = new Map(
  [...new Set(PROTOCOLS)].map((id) => [id, buildSchedule(getProtocol(id), { start: START, days: 80 }).days]),
);

/**
 * One patient's line (without the newline).
 *
 * @example patientLine(seeded(1), 0) // '{"id":"p0","protocol":"micro-titration",...}'
 */
function patientLine(random: () => number, index: number): string {
  const rating = (x: number) => Math.max(0, Math.min(10, Math.round(x)));
  const noise = () => (random() + random() + random() - 1.5) * 1.4;
  const protocol = PROTOCOLS[index % PROTOCOLS.length]!;
  const schedule = schedules.get(protocol)!;
  const dayCount = 58 + Math.floor(random() * 15);
  const responder = random() < 0.6;
  const baselinePain = 5 + random() * 3;
  const days = [];
  for (let d = 0; d < dayCount; d++) {
    const scheduled = schedule[d]!;
    const relief = responder ? Math.min(3, scheduled.totalUg / 400) : 0;
    const missed = random() < 0.03;
    days.push({
      date: addDays(parseIsoDate(START), d),
      doses: missed ? scheduled.doses.slice(1) : scheduled.doses.map((x) => ({ time: x.time, ug: x.ug })),
      pain: rating(baselinePain - relief + noise()),
      mood: rating(5 + relief / 2 + noise()),
      energy: rating(4 + relief / 2 + noise()),
      clarity: rating(5 + noise()),
      sideEffects: random() < 0.05 ? [SIDE_EFFECTS[Math.floor(random() * SIDE_EFFECTS.length)]!] : [],
      impression: random() < 0.5 ? "same" : relief > 1 ? "better" : "same",
    });
  }
  if (index % 500 === 499) days[Math.floor(dayCount / 2)]!.pain = 11;
  const record: Record<string, unknown> = {
    id: `p${index}`,
    protocol,
    start: START,
    baseline: [
      rating(baselinePain + noise()),
      rating(baselinePain + noise()),
      rating(baselinePain + noise()),
    ],
    days,
  };
  if (index % 7 === 3) record.opioids = { names: ["oxycodone"], mmePerDay: 45 };
  if (index % 11 === 5 && dayCount > 40) {
    record.decisions = [{ date: addDays(parseIsoDate(START), 40), kind: "pause", note: "holiday" }];
  }
  return JSON.stringify(record);
}

/**
 * Writes `patients` lines to `path`.
 *
 * @example await writeAssessInput("/tmp/patients.jsonl", 100_000)
 */
export async function writeAssessInput(path: string, patients: number): Promise<void> {
  const random = seeded(14);
  const out = createWriteStream(path);
  let batch: string[] = [];
  for (let i = 0; i < patients; i++) {
    batch.push(patientLine(random, i));
    if (batch.length === 500 || i === patients - 1) {
      if (!out.write(batch.join("\n") + "\n")) await once(out, "drain");
      batch = [];
    }
  }
  out.end();
  await once(out, "finish");
}
