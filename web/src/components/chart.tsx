/**
 * The patient's titration as one picture (004's Figure 2, this patient's real curve): the daily
 * dose as steps, pain (and mood, energy, clarity) as lines on 0-10, side effects as marks, the
 * window of effectiveness shaded and the MED drawn across. Days are placed by date, so a missed
 * week shows as a gap. Plain SVG: no chart library, no inline styles (the CSP forbids them);
 * colours come from classes in app.css.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { SIDE_EFFECT_LABEL, doseText } from "../format.ts";

export interface ChartDay {
  readonly date: string;
  readonly totalUg: number;
  readonly pain: number | null;
  readonly mood?: number | null;
  readonly energy?: number | null;
  readonly clarity?: number | null;
  readonly sideEffects: readonly string[];
}

interface Props {
  readonly days: readonly ChartDay[];
  readonly windowUg: number | null;
  readonly medUg: number | null;
  readonly baselinePain?: number | null;
  /**
   * The phone's chart: pain and dose only, drawn for a narrow screen. Without it the chart still
   * lays itself out for the width it is given (a clinician's phone), every series kept.
   */
  readonly compact?: boolean;
  /** On the phone, every series with its toggle too: the patient's own trends. */
  readonly everySeries?: boolean;
}

type Series = "pain" | "mood" | "energy" | "clarity";
const SERIES: readonly { key: Series; label: string }[] = [
  { key: "pain", label: "Pain" },
  { key: "mood", label: "Mood" },
  { key: "energy", label: "Energy" },
  { key: "clarity", label: "Clarity" },
];

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const isoOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const tickDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });

/** Most date ticks drawn, however long the diary: the chart's work is bounded whatever the data. */
export const MAX_DATE_TICKS = 12;

/**
 * Round dose ticks: 0, then steps of 1, 2, 2.5 or 5 times a power of ten micrograms (50, 100,
 * 200, 250 or 500 mcg, 1 or 2 mg...), at most five of them whatever the largest dose.
 */
export function doseTicks(maxUg: number): number[] {
  const top = Number.isFinite(maxUg) && maxUg > 0 ? maxUg : 1;
  const rough = top / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power);
  const ticks: number[] = [];
  for (let ug = 0; ug <= top && ticks.length <= 5; ug += step) ticks.push(ug);
  return ticks;
}

/**
 * The days (as day numbers) that get a date tick: every 2 days for a short diary, a week, two
 * weeks, or as many days as keeps them to `most` (MAX_DATE_TICKS unless a narrow chart asks for
 * fewer), however long the span.
 */
export function dateTickDays(first: number, last: number, most = MAX_DATE_TICKS): number[] {
  const span = last - first;
  if (!Number.isFinite(span) || span <= 0) return [];
  const limit = Math.max(1, Math.min(most, MAX_DATE_TICKS));
  const base = span <= 10 ? 2 : span <= 60 ? 7 : 14;
  const every = Math.max(base, Math.ceil(span / limit));
  const ticks: number[] = [];
  for (let n = first; n < last && ticks.length < limit; n += every) ticks.push(n);
  return ticks;
}

/** Room a date label ("28 Dec", 12 px) needs with a gap either side, in px. */
const DATE_LABEL_PX = 56;
/** The widest chart drawn, and below what width the narrow layout is used (px). */
const WIDE_PX = 860;
const NARROW_BELOW_PX = 560;

/**
 * The width the chart is given on the page, followed as it changes (a phone turned, a window
 * resized), so the SVG is drawn at that size and its 12 px labels stay 12 px instead of being
 * scaled down with the picture. Null until measured.
 */
function useWidth(active: boolean) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w) setWidth(Math.round(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [active]);
  return { ref, width };
}

/** The days to draw: valid dates only, one per date (the last given), in date order. */
function orderedDays(days: readonly ChartDay[]): ChartDay[] {
  const byDate = new Map<string, ChartDay>();
  for (const d of days) if (Number.isFinite(dayNumber(d.date))) byDate.set(d.date, d);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function TitrationChart({ days: given, windowUg, medUg, baselinePain, compact, everySeries }: Props) {
  const [shown, setShown] = useState<Record<Series, boolean>>({
    pain: true,
    mood: true,
    energy: true,
    clarity: true,
  });
  const days = orderedDays(given);
  const { ref, width } = useWidth(days.length > 0);
  if (days.length === 0) return <p class="muted">No check-ins yet: the chart starts with the first one.</p>;
  const W = compact ? 400 : Math.max(280, Math.min(WIDE_PX, width ?? WIDE_PX));
  const narrow = compact || W < NARROW_BELOW_PX;
  const H = narrow ? 240 : 320;
  const PAD = narrow
    ? { left: 26, right: 64, top: 12, bottom: 40 }
    : { left: 36, right: 70, top: 14, bottom: 46 };
  const first = dayNumber(days[0]!.date);
  const last = Math.max(first + 1, dayNumber(days.at(-1)!.date) + 1);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (n: number) => PAD.left + ((n - first) / (last - first)) * plotW;
  const xd = (iso: string) => x(dayNumber(iso));
  // A loop, not Math.max(...list): a long diary must not overflow the call stack.
  let topUg = Math.max(100, medUg ?? 0);
  for (const d of days) if (Number.isFinite(d.totalUg) && d.totalUg > topUg) topUg = d.totalUg;
  const ticks = doseTicks(topUg);
  const maxUg = ticks.at(-1)! < topUg ? topUg * 1.05 : ticks.at(-1)!;
  const yPain = (v: number) => PAD.top + (1 - v / 10) * plotH;
  const yDose = (ug: number) => PAD.top + (1 - ug / maxUg) * plotH;
  // A step per day (each day's dose held until the next day); a gap where days are missing.
  let steps = "";
  days.forEach((d, i) => {
    const n = dayNumber(d.date);
    const prev = i > 0 ? dayNumber(days[i - 1]!.date) : null;
    const y = yDose(d.totalUg).toFixed(1);
    if (prev === null || n - prev > 1) steps += `M${x(n).toFixed(1)},${y} `;
    else steps += `V${y} `;
    steps += `H${x(n + 1).toFixed(1)} `;
  });
  const line = (key: Series) => {
    let path = "";
    let prev: number | null = null;
    for (const d of days) {
      const v = d[key];
      if (v === null || v === undefined) continue;
      const n = dayNumber(d.date);
      const gap = prev === null || n - prev > 3;
      path += `${gap ? "M" : "L"}${x(n + 0.5).toFixed(1)},${yPain(v).toFixed(1)} `;
      prev = n;
    }
    return path;
  };
  const windowStart = windowUg === null ? undefined : days.find((d) => d.totalUg >= windowUg);
  // Date ticks a week apart (or every few days for a short diary), from the first day; never
  // more than MAX_DATE_TICKS, however far apart the first and last days are.
  const dateTicks = dateTickDays(first, last, Math.floor(plotW / DATE_LABEL_PX));
  const painOnly = compact && !everySeries;
  const visible = painOnly ? (["pain"] as Series[]) : SERIES.map((s) => s.key).filter((k) => shown[k]);
  const painDays = days.filter((d) => d.pain !== null).length;
  const label =
    `Daily dose steps and pain over ${days.length} days, ${days[0]!.date} to ${days.at(-1)!.date}` +
    (windowStart ? `; window of effectiveness from ${doseText(windowUg!)}` : "") +
    (medUg ? `; MED ${doseText(medUg)}` : "") +
    `; ${painDays} pain ratings`;
  return (
    <figure class={narrow ? "chart compact" : "chart"} ref={ref}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <title>{label}</title>
        {windowStart && (
          <rect
            class="window"
            x={xd(windowStart.date)}
            y={PAD.top}
            width={W - PAD.right - xd(windowStart.date)}
            height={plotH}
          />
        )}
        {(narrow ? [0, 5, 10] : [0, 2, 4, 6, 8, 10]).map((v) => (
          <g key={`p${v}`}>
            <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={yPain(v)} y2={yPain(v)} />
            <text class="axis pain-axis" x={PAD.left - 6} y={yPain(v) + 4} text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        {ticks.map((ug) => (
          <text key={`d${ug}`} class="axis dose-axis" x={W - PAD.right + 6} y={yDose(ug) + 4}>
            {ug === 0 ? "0" : doseText(ug)}
          </text>
        ))}
        {dateTicks.map((n) => (
          <g key={`t${n}`}>
            <line class="tick" x1={x(n)} x2={x(n)} y1={H - PAD.bottom} y2={H - PAD.bottom + 4} />
            {/* The first date starts at the axis, clear of the pain scale's 0 beside it. */}
            <text
              class="axis"
              x={x(n)}
              y={H - PAD.bottom + 16}
              text-anchor={n === first ? "start" : "middle"}
            >
              {tickDate(isoOf(n))}
            </text>
          </g>
        ))}
        <line class="frame" x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} />
        {baselinePain !== null && baselinePain !== undefined && (
          <line
            class="baseline"
            x1={PAD.left}
            x2={W - PAD.right}
            y1={yPain(baselinePain)}
            y2={yPain(baselinePain)}
          />
        )}
        {medUg !== null && (
          <g>
            <line class="med" x1={PAD.left} x2={W - PAD.right} y1={yDose(medUg)} y2={yDose(medUg)} />
            <text class="med-label" x={W - PAD.right - 4} y={yDose(medUg) - 6} text-anchor="end">
              MED {doseText(medUg)}
            </text>
          </g>
        )}
        {visible
          .filter((k) => k !== "pain")
          .map((k) => (
            <path key={k} class={`series ${k}`} d={line(k)} />
          ))}
        <path class="dose-steps" d={steps} />
        {visible.includes("pain") && <path class="series pain" d={line("pain")} />}
        {days.map((d) =>
          d.sideEffects.length > 0 ? (
            <g key={`s${d.date}`} class="side-effect">
              <circle cx={x(dayNumber(d.date) + 0.5)} cy={H - PAD.bottom + 28} r={narrow ? 4 : 5} />
              <title>{`${d.date}: ${d.sideEffects.map((e) => SIDE_EFFECT_LABEL[e] ?? e).join(", ")}`}</title>
            </g>
          ) : null,
        )}
      </svg>
      <figcaption class="legend">
        {painOnly ? (
          <span class="key pain">Pain (0-10, left)</span>
        ) : (
          SERIES.map((s) => (
            <label key={s.key} class={`key toggle ${s.key}`}>
              <input
                type="checkbox"
                checked={shown[s.key]}
                onChange={(e) => setShown({ ...shown, [s.key]: e.currentTarget.checked })}
              />
              {s.label}
              {s.key === "pain" ? " (0-10, left)" : ""}
            </label>
          ))
        )}
        <span class="key dose-steps">Daily dose (right)</span>
        {windowStart && <span class="key window">Window of effectiveness</span>}
        {medUg !== null && <span class="key med">MED</span>}
        {baselinePain !== null && baselinePain !== undefined && (
          <span class="key baseline">Pain before LDN</span>
        )}
        <span class="key side-effect">Side effect</span>
      </figcaption>
    </figure>
  );
}
