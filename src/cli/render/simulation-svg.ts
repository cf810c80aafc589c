/**
 * The plot of `ldn simulate --out FILE.svg`: for each protocol, grouped bars per detector
 * of the share of responders whose MED was found, the share of the best achievable benefit,
 * and the share of non-responders correctly stopped. Hand-built SVG: no DOM needed.
 */
import type { SimulationResult } from "../../domain/simulation/run-simulation.ts";

const METRICS = [
  { key: "medFound", label: "MED found" },
  { key: "benefitShare", label: "benefit share" },
  { key: "nonRespondersStopped", label: "non-responders stopped" },
] as const;
const COLOURS: Record<string, readonly string[]> = {
  literal: ["#9ecae1", "#6baed6", "#3182bd"],
  robust: ["#fdae6b", "#fd8d3c", "#e6550d"],
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * @example simulationSvg(result) // '<svg xmlns="http://www.w3.org/2000/svg" ...'
 */
export function simulationSvg(result: SimulationResult): string {
  const protocols = [...new Set(result.rows.map((r) => r.protocol))];
  const detectors = [...new Set(result.rows.map((r) => r.detector))];
  const bar = 12;
  const groupWidth = detectors.length * METRICS.length * bar + 30;
  const left = 50;
  const top = 50;
  const height = 220;
  const width = left + protocols.length * groupWidth + 20;
  const y = (v: number) => top + height - v * height;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + height + 110}" font-family="sans-serif" font-size="11">`,
    `<text x="${left}" y="20" font-size="14">ldn simulate: ${result.patients} virtual patients, ${result.cohort} cohort, seed ${result.seed}</text>`,
  ];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(
      `<line x1="${left}" x2="${width - 10}" y1="${y(tick)}" y2="${y(tick)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick * 100}%</text>`,
    );
  }
  protocols.forEach((protocol, p) => {
    const x0 = left + p * groupWidth + 10;
    detectors.forEach((detector, d) => {
      const row = result.rows.find((r) => r.protocol === protocol && r.detector === detector);
      METRICS.forEach((metric, m) => {
        const value = Math.max(0, Math.min(1, (row?.summary[metric.key] as number | null) ?? 0));
        const x = x0 + (d * METRICS.length + m) * bar;
        parts.push(
          `<rect x="${x}" y="${y(value)}" width="${bar - 2}" height="${height - (y(value) - top)}" fill="${COLOURS[detector]?.[m] ?? "#999"}">` +
            `<title>${esc(`${protocol} ${detector} ${metric.label}: ${(100 * value).toFixed(1)}%`)}</title></rect>`,
        );
      });
    });
    parts.push(
      `<text transform="translate(${x0 + 4},${top + height + 12}) rotate(30)">${esc(protocol)}</text>`,
    );
  });
  const legendY = top + height + 95;
  let lx = left;
  for (const detector of detectors) {
    METRICS.forEach((metric, m) => {
      parts.push(
        `<rect x="${lx}" y="${legendY - 9}" width="10" height="10" fill="${COLOURS[detector]?.[m] ?? "#999"}"/>`,
        `<text x="${lx + 14}" y="${legendY}">${esc(`${detector}: ${metric.label}`)}</text>`,
      );
      lx += 30 + (detector.length + metric.label.length) * 6;
    });
  }
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}
