/** `ldn protocols [id]`: the catalogue with sources and limits, or one protocol in full. */
import type { Command } from "commander";
import { formatDose } from "../../domain/dose.ts";
import { getProtocol, PROTOCOLS, protocolKey } from "../../domain/protocols/catalogue.ts";
import type { ProtocolDefinition } from "../../domain/protocols/protocol.ts";
import { resolveSettings } from "../../domain/protocols/settings.ts";
import { formatOption, printJson } from "../output.ts";
import { describeSettings } from "../render/settings-text.ts";
import { textTable } from "../render/text-table.ts";

export function register(program: Command): void {
  program
    .command("protocols")
    .argument("[id]", "show one protocol in full")
    .description("list the protocol catalogue with sources and hard limits")
    .addOption(formatOption(["table", "json"]))
    .addHelpText(
      "after",
      "\nExamples:\n  ldn protocols\n  ldn protocols micro-titration\n  ldn protocols --format json",
    )
    .action((id: string | undefined, flags: { format: "table" | "json" }) => {
      const chosen = id ? [getProtocol(id)] : PROTOCOLS;
      if (flags.format === "json") printJson(chosen.map(protocolJson));
      else process.stdout.write(id ? protocolDetail(chosen[0]!) : catalogueTable(chosen));
    });
}

function catalogueTable(protocols: readonly ProtocolDefinition[]): string {
  const rows = protocols.map((p) => {
    const show = (ug: number) => formatDose(ug, p.unit);
    return [
      p.id,
      String(p.version),
      p.source.doc,
      show(p.limits.maxPerDoseUg),
      show(p.limits.maxPerDayUg),
      p.limits.maxStepUg === 0 ? "none" : show(p.limits.maxStepUg),
      String(p.limits.maxDosesPerDay),
      p.name,
    ];
  });
  return (
    textTable(["Protocol", "Ver", "Source", "Max/dose", "Max/day", "Max step", "Doses/day", "Name"], rows) +
    "\nSources: 000 Accurate Clinic; 001 Hill (Cleveland Clinic); 002 Liptan; 003 UPMC Palliative Care; " +
    "004 Marcus et al. 2024.\n`ldn protocols <id>` shows the rule, the settings and why each limit is set.\n"
  );
}

function protocolDetail(p: ProtocolDefinition): string {
  const show = (ug: number) => formatDose(ug, p.unit);
  const l = p.limits;
  return [
    `${p.name} (${protocolKey(p)})`,
    `Source: ${p.source.doc}, ${p.source.citation}`,
    `Rule: ${p.rule}`,
    `Unit: ${p.unit}${p.withOpioids ? " (ultra-low dose, alongside opioids)" : ""}`,
    "Hard limits:",
    `  per dose ${show(l.maxPerDoseUg)} (${l.why.maxPerDoseUg})`,
    `  per day ${show(l.maxPerDayUg)} (${l.why.maxPerDayUg})`,
    `  largest daily increase ${show(l.maxStepUg)} (${l.why.maxStepUg})`,
    `  doses a day ${l.maxDosesPerDay} (${l.why.maxDosesPerDay})`,
    "Settings (defaults):",
    describeSettings(p, resolveSettings(p)).trimEnd(),
    ...(p.notes.length ? ["Notes:", ...p.notes.map((n) => `  - ${n}`)] : []),
    "",
  ].join("\n");
}

/** The JSON form of a protocol (stable: keys are only added). */
function protocolJson(p: ProtocolDefinition) {
  return {
    id: p.id,
    version: p.version,
    key: protocolKey(p),
    name: p.name,
    source: p.source,
    rule: p.rule,
    unit: p.unit,
    withOpioids: p.withOpioids,
    limits: {
      maxPerDoseUg: p.limits.maxPerDoseUg,
      maxPerDayUg: p.limits.maxPerDayUg,
      maxStepUg: p.limits.maxStepUg,
      maxDosesPerDay: p.limits.maxDosesPerDay,
      why: p.limits.why,
    },
    settings: p.settings,
    notes: p.notes,
  };
}
