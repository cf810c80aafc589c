/**
 * The figures of `ldn analyze --out DIR`: the MED histogram and, per scale, a pre/post
 * plot (one grey line per patient, the mean in colour). Hand-built SVG strings, as in
 * simulation-svg.ts: two small chart types do not justify a charting library, and the
 * ones that draw nicely (Observable Plot, D3) need a DOM in Node.
 */
import type { PrePostFigure } from "../../domain/cohort/analyze-cohort.ts";
import type { MedHistogram } from "../../domain/cohort/med-histogram.ts";
import { scaleLabel } from "./cohort-tables.ts";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Round tick values covering [0, max]. */
function ticks(max: number, target = 5): number[] {
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(r1(v * 1000) / 1000);
  return out;
}

/**
 * @example medHistogramSvg(analysis.medHistogram); // '<svg xmlns="http://www.w3.org/2000/svg" ...'
 */
export function medHistogramSvg(h: MedHistogram): string {
  const left = 40;
  const top = 30;
  const height = 180;
  const barWidth = 28;
  const width = left + Math.max(1, h.bins.length) * barWidth + 20;
  const maxCount = h.bins.reduce((most, b) => Math.max(most, b.count), 1);
  const yTicks = ticks(maxCount);
  const yMax = Math.max(maxCount, yTicks[yTicks.length - 1]!);
  const y = (v: number) => r1(top + height - (v / yMax) * height);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + height + 50}" font-family="sans-serif" font-size="11" role="img" aria-label="Histogram of MED">`,
    `<text x="${left}" y="16" font-size="13">MED, mg/day (n = ${h.n})</text>`,
  ];
  for (const t of yTicks) {
    parts.push(
      `<line x1="${left}" x2="${width - 10}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`,
    );
  }
  h.bins.forEach((b, i) => {
    const x = left + i * barWidth;
    parts.push(
      `<rect x="${x + 2}" y="${y(b.count)}" width="${barWidth - 4}" height="${r1(top + height - y(b.count))}" fill="#3182bd">` +
        `<title>${esc(`${b.fromMg} < MED <= ${b.toMg} mg/day: ${b.count}`)}</title></rect>`,
      `<text x="${x + barWidth}" y="${top + height + 14}" text-anchor="middle">${b.toMg}</text>`,
    );
  });
  parts.push(`<text x="${left}" y="${top + height + 36}">upper edge of each 0.5 mg bin</text>`, "</svg>");
  return parts.join("\n");
}

/**
 * A slope chart of one scale: each patient's pre and post joined by a line (the first
 * `FIGURE_PAIRS` patients of a large cohort; the title says so), the mean of all in colour.
 *
 * @example prePostSvg(accumulator.prePostFigures(analysis)[0]);
 */
export function prePostSvg(figure: PrePostFigure): string {
  const { scale, n, shown } = figure;
  const lo = Math.floor(Math.min(0, figure.min ?? 0));
  const hi = Math.ceil(Math.max(1, figure.max ?? 1));
  const left = 50;
  const top = 40;
  const height = 200;
  const xPre = left + 40;
  const xPost = left + 200;
  const y = (v: number) => r1(top + height - ((v - lo) / (hi - lo)) * height);
  const better = scale.direction === "higher-is-better" ? "higher" : "lower";
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="${top + height + 40}" font-family="sans-serif" font-size="11" role="img" aria-label="${esc(scaleLabel(scale.name))} before and after">`,
    `<text x="10" y="16" font-size="13">${esc(scaleLabel(scale.name))} (n = ${n}, ${better} is better)</text>`,
  ];
  for (const t of ticks(hi - lo).map((v) => v + lo)) {
    parts.push(
      `<line x1="${left}" x2="290" y1="${y(t)}" y2="${y(t)}" stroke="#eee"/>`,
      `<text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`,
    );
  }
  if (shown.length < n) {
    parts.push(
      `<text x="10" y="30" fill="#555">lines for the first ${shown.length} patients; the mean of all ${n}</text>`,
    );
  }
  for (const p of shown) {
    parts.push(
      `<line x1="${xPre}" x2="${xPost}" y1="${y(p.pre)}" y2="${y(p.post)}" stroke="#999" stroke-opacity="0.6"/>`,
    );
  }
  if (figure.preMean !== null && figure.postMean !== null) {
    const m0 = figure.preMean;
    const m1 = figure.postMean;
    parts.push(
      `<line x1="${xPre}" x2="${xPost}" y1="${y(m0)}" y2="${y(m1)}" stroke="#e6550d" stroke-width="3">` +
        `<title>${esc(`mean ${m0.toFixed(2)} -> ${m1.toFixed(2)}`)}</title></line>`,
    );
  }
  parts.push(
    `<text x="${xPre}" y="${top + height + 18}" text-anchor="middle">pre</text>`,
    `<text x="${xPost}" y="${top + height + 18}" text-anchor="middle">post</text>`,
    "</svg>",
  );
  return parts.join("\n");
}
