/** Display helpers. Doses come from the server already as ISMP text; these format dates and states. */
export const STATE_LABEL: Readonly<Record<string, string>> = {
  titrating: "Titrating",
  window: "In the window",
  med: "MED set",
  paused: "Paused",
  stopped: "Stopped",
  maintenance: "Maintenance",
};

/** "2027-01-04" -> "Mon 4 Jan" */
export function shortDate(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return d.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
}

/** "Mon 4 Jan, 09:12": an instant in the viewer's zone. */
export function whenText(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** Today's date on this device, YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** ISMP dose text from micrograms (chart labels): mcg below 0.1 mg, else mg with a leading zero and no trailing zero. */
export function doseText(ug: number): string {
  if (ug < 100) return `${ug} mcg`;
  // The same digits as the server's formatMg: integer arithmetic, no floating point.
  const frac = String(ug % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${Math.floor(ug / 1000)}${frac ? `.${frac}` : ""} mg`;
}

export const SIDE_EFFECT_LABEL: Readonly<Record<string, string>> = {
  "gi-upset": "Upset stomach / nausea",
  "abdominal-pain": "Abdominal pain",
  insomnia: "Trouble sleeping",
  "vivid-dreams": "Vivid dreams",
  drowsiness: "Drowsy",
  headache: "Headache",
  dizziness: "Dizzy",
  agitation: "Agitated",
  irritability: "Irritable",
  // Offered to every patient, not only those with opioids at screening: an opioid can be started
  // after screening (004: one patient's opioids rose from 15 to 67.5 MME after a fracture).
  withdrawal: "Opioid withdrawal",
  other: "Other",
};

/**
 * A sentence and the citation at its end, apart: "Take with food (004)." gives "Take with food."
 * and "004", so the citation can sit behind a Source disclosure (issue 12: citations only where
 * a clinician asks for them).
 *
 * @example splitCitation("GI upset: take with food (004).") // { text: "GI upset: take with food.", source: "004" }
 */
export function splitCitation(sentence: string): { text: string; source: string | null } {
  const m = /\s*\((00[0-4][^)]*)\)(\.?)$/.exec(sentence);
  return m ? { text: sentence.slice(0, m.index) + m[2], source: m[1]! } : { text: sentence, source: null };
}

/**
 * A sentence with every bracketed citation of a source document ("(004: a higher dose can lose
 * the benefit)") taken out, and those citations apart, for a Source disclosure.
 *
 * @example citationsApart("Back to 0.7 mg (004: a higher dose can lose the benefit).")
 * // { text: "Back to 0.7 mg.", sources: ["004: a higher dose can lose the benefit"] }
 */
export function citationsApart(sentence: string): { text: string; sources: string[] } {
  const sources: string[] = [];
  const text = sentence.replace(/\s*\((00[0-4](?:\b[^()]*)?)\)/g, (_, source: string) => {
    sources.push(source);
    return "";
  });
  return { text, sources };
}
