/**
 * The patient's titration as one picture (004's Figure 2, this patient's real curve): the daily
 * dose as steps, pain (and mood, energy, clarity) as lines on 0-10, side effects as marks, the
 * window of effectiveness shaded and the MED drawn across. Plain SVG: no chart library, no
 * inline styles (the CSP forbids them); colours come from classes in app.css.
 */
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
  readonly compact?: boolean;
}

const W = 760;
const H = 300;
const PAD = { left: 48, right: 48, top: 16, bottom: 36 };

export function TitrationChart({ days, windowUg, medUg, baselinePain, compact }: Props) {
  if (days.length === 0) return <p class="muted">No check-ins yet: the chart starts with the first one.</p>;
  const maxUg = Math.max(100, ...days.map((d) => d.totalUg), medUg ?? 0);
  const x = (i: number) =>
    PAD.left + (days.length === 1 ? 0 : (i / (days.length - 1)) * (W - PAD.left - PAD.right));
  const yPain = (v: number) => PAD.top + (1 - v / 10) * (H - PAD.top - PAD.bottom);
  const yDose = (ug: number) => PAD.top + (1 - ug / maxUg) * (H - PAD.top - PAD.bottom);
  // A step per day: across at the day's dose, then up or down to the next day's.
  const steps =
    days
      .map((d, i) => (i === 0 ? `M${x(0)},${yDose(d.totalUg)}` : `H${x(i)} V${yDose(d.totalUg)}`))
      .join(" ") + ` H${W - PAD.right}`;
  const line = (key: "pain" | "mood" | "energy" | "clarity") => {
    let path = "";
    days.forEach((d, i) => {
      const v = d[key];
      if (v === null || v === undefined) return;
      path += `${path === "" ? "M" : "L"}${x(i).toFixed(1)},${yPain(v).toFixed(1)} `;
    });
    return path;
  };
  const firstWindow = windowUg === null ? -1 : days.findIndex((d) => d.totalUg >= windowUg);
  const doseTicks = [0, maxUg / 2, maxUg].map((ug) => Math.round(ug / 100) * 100);
  const label = `Daily dose steps and pain over ${days.length} days${medUg ? `, MED ${medUg / 1000} mg` : ""}`;
  return (
    <figure class={compact ? "chart compact" : "chart"}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <title>{label}</title>
        {firstWindow >= 0 && (
          <rect
            class="window"
            x={x(firstWindow)}
            y={PAD.top}
            width={W - PAD.right - x(firstWindow)}
            height={H - PAD.top - PAD.bottom}
          />
        )}
        {[0, 5, 10].map((v) => (
          <g key={`p${v}`}>
            <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={yPain(v)} y2={yPain(v)} />
            <text class="axis" x={PAD.left - 8} y={yPain(v) + 4} text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        {doseTicks.map((ug) => (
          <text key={`d${ug}`} class="axis dose" x={W - PAD.right + 6} y={yDose(ug) + 4}>
            {ug === 0 ? "0" : `${ug / 1000} mg`}
          </text>
        ))}
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
          <line class="med" x1={PAD.left} x2={W - PAD.right} y1={yDose(medUg)} y2={yDose(medUg)} />
        )}
        <path class="dose-steps" d={steps} />
        {!compact && <path class="series mood" d={line("mood")} />}
        {!compact && <path class="series energy" d={line("energy")} />}
        {!compact && <path class="series clarity" d={line("clarity")} />}
        <path class="series pain" d={line("pain")} />
        {days.map((d, i) =>
          d.sideEffects.length > 0 ? (
            <g key={`s${i}`} class="side-effect">
              <circle cx={x(i)} cy={H - PAD.bottom + 12} r={5} />
              <title>{`${d.date}: ${d.sideEffects.join(", ")}`}</title>
            </g>
          ) : null,
        )}
        <text class="axis" x={PAD.left} y={H - 4}>
          {days[0]!.date}
        </text>
        <text class="axis" x={W - PAD.right} y={H - 4} text-anchor="end">
          {days.at(-1)!.date}
        </text>
      </svg>
      <figcaption class="legend">
        <span class="key pain">Pain (0-10, left)</span>
        {!compact && <span class="key mood">Mood</span>}
        {!compact && <span class="key energy">Energy</span>}
        {!compact && <span class="key clarity">Clarity</span>}
        <span class="key dose-steps">Daily dose (right)</span>
        {windowUg !== null && <span class="key window">Window of effectiveness</span>}
        {medUg !== null && <span class="key med">MED</span>}
        <span class="key side-effect">Side effect</span>
      </figcaption>
    </figure>
  );
}
