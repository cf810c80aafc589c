/**
 * The fixed list of side effects a diary day can name (issue 3, from the effects the
 * sources report: 004 "Adverse Effects", 001 and 003). A fixed list keeps the engine's
 * rules exact: GI upset and abdominal pain hold the titration, insomnia and vivid dreams
 * move the doses earlier, drowsiness above the MED returns to it, agitation asks for review,
 * opioid withdrawal (002) raises an alert.
 */
export const SIDE_EFFECTS = [
  "gi-upset", // 004: "upset stomach"; GI upset or nausea
  "abdominal-pain", // 004: "abdominal pain and/or nausea"
  "insomnia", // 004: "difficulties falling asleep"
  "vivid-dreams", // 004: "disturbing vivid dreams"
  "drowsiness", // 004: "drowsiness at 1.4 mg"
  "headache", // 001, 003
  "dizziness", // 001, 003
  "agitation", // 004: one patient agitated
  "irritability", // 001: irritability or mood change
  // 002: naltrexone can "knock the opiates off their receptors, inducing withdrawal symptoms and
  // worsening pain"; reported by a patient who takes opioids (the engine alerts on it).
  "withdrawal",
  "other",
] as const;

export type SideEffect = (typeof SIDE_EFFECTS)[number];

/** How each side effect reads for a clinician. */
export const SIDE_EFFECT_LABELS: Readonly<Record<SideEffect, string>> = Object.freeze({
  "gi-upset": "upset stomach or nausea",
  "abdominal-pain": "abdominal pain",
  insomnia: "trouble sleeping",
  "vivid-dreams": "vivid dreams",
  drowsiness: "drowsiness",
  headache: "headache",
  dizziness: "dizziness",
  agitation: "agitation",
  irritability: "irritability",
  withdrawal: "opioid withdrawal symptoms",
  other: "other",
});

/** GI complaints: 004 holds the titration at that dose until they stop. */
export const GI_EFFECTS: readonly SideEffect[] = ["gi-upset", "abdominal-pain"];

/** Sleep complaints: 004 moves the last dose to 4 PM, then earlier, then all in the morning. */
export const SLEEP_EFFECTS: readonly SideEffect[] = ["insomnia", "vivid-dreams"];

/**
 * True when `text` is one of the fixed side effects.
 *
 * @example isSideEffect("insomnia") // true
 */
export function isSideEffect(text: unknown): text is SideEffect {
  return typeof text === "string" && (SIDE_EFFECTS as readonly string[]).includes(text);
}
