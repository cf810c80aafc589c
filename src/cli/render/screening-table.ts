/** `ldn screen --format table`: the eligibility, its reasons, the opioid load and the protocols in fit order. */
import { formatMme } from "../../domain/opioids/format-mme.ts";
import type { OpioidInteractionWarning } from "../../domain/opioids/interaction.ts";
import type { Fit, ProtocolFit, ScreeningResult } from "../../domain/screening/types.ts";
import { textTable } from "./text-table.ts";

const FIT_ORDER: readonly Fit[] = ["suggested", "possible", "unsuitable"];

/**
 * The screening result as text a clinician reads top to bottom.
 *
 * @example process.stdout.write(screeningTable(screenPatient(input)))
 */
export function screeningTable(result: ScreeningResult): string {
  return [
    `Eligibility: ${result.eligibility.toUpperCase()} (rules ${result.rules})\n`,
    reasons(result),
    opioids(result),
    riskFactors(result),
    protocols(result),
    interactions(result),
  ].join("");
}

function reasons(result: ScreeningResult): string {
  if (result.reasons.length === 0) return "\nReasons: none; every criterion is met.\n";
  const lines = result.reasons.map(
    (r) =>
      `  [${r.effect}${r.scope === "mg-range" ? ", mg-range" : ""}] ${r.code}: ${r.message}\n      source: ${r.source}`,
  );
  return `\nReasons:\n${lines.join("\n")}\n`;
}

function opioids(result: ScreeningResult): string {
  const parts: string[] = [];
  if (result.mme) {
    const each = result.mme.lines.map((l) => `${l.written} ${formatMme(l.mmePerDay)}`).join(", ");
    parts.push(`  ${formatMme(result.mme.totalMmePerDay)} MME/day (${each}); CDC 2022 factors`);
    for (const c of result.mme.caveats) parts.push(`  - ${c.message}`);
  }
  if (result.opioidsWithoutMme.length > 0) {
    parts.push(`  not in the total (no MME factor): ${result.opioidsWithoutMme.join(", ")}`);
  }
  return parts.length === 0 ? "\nOpioids: none listed.\n" : `\nOpioids:\n${parts.join("\n")}\n`;
}

function riskFactors(result: ScreeningResult): string {
  if (result.riskFactors.length === 0) return "";
  const lines = result.riskFactors.map(
    (f) => `  - ${f.label}${f.recordedFrom === "opioids" ? "; read from the opioid list" : ""}`,
  );
  return `\nOIH/OAT risk factors (000):\n${lines.join("\n")}\n`;
}

function protocols(result: ScreeningResult): string {
  const sorted = [...result.protocols].sort((a, b) => FIT_ORDER.indexOf(a.fit) - FIT_ORDER.indexOf(b.fit));
  const rows = sorted.map((p) => [p.protocolId, p.fit, decision(p), p.why]);
  return `\nProtocols:\n${textTable(["Protocol", "Fit", "Decision", "Why"], rows)}`;
}

function decision(p: ProtocolFit): string {
  // An unsuitable protocol will not become a plan, so there is no decision to record.
  return p.interaction && p.fit !== "unsuitable" ? `required (${p.interaction.severity})` : "-";
}

/**
 * Each kind of interaction message once, rather than once per protocol: one for the mg range, and
 * one per ULDN source (000's and 002's ULDN are different doses with different warnings).
 */
function interactions(result: ScreeningResult): string {
  const byKind = new Map<string, OpioidInteractionWarning>();
  for (const p of result.protocols) {
    if (!p.interaction || p.fit === "unsuitable") continue;
    const kind = `${p.interaction.severity} ${p.interaction.source}`;
    if (!byKind.has(kind)) byKind.set(kind, p.interaction);
  }
  if (byKind.size === 0) return "";
  const lines = [...byKind.values()].map((w) => `  ${w.severity}: ${w.message}\n      source: ${w.source}`);
  return (
    "\nNaltrexone with opioids (shown for the first protocol of each kind and source; the same holds for " +
    `every protocol of that kind marked "required"):\n${lines.join("\n")}\n`
  );
}
