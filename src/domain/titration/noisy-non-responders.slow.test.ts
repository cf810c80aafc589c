/**
 * The engine issue's noisy non-responders: 200 simulated diaries of 120 days each, a small
 * cohort, so it runs with the slow files, not in the unit loop (what-was-measured.test.ts has
 * the engine issue's other cases).
 */
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../calendar-date.ts";
import { getProtocol } from "../protocols/catalogue.ts";
import { createAr1Noise } from "../simulation/ar1-noise.ts";
import { createRng, deriveSeed } from "../simulation/prng.ts";
import { assessTitration } from "./assess-titration.ts";
import { buildDiary } from "./testing/diary-builder.ts";

const start = "2027-01-04" as IsoDate;
const micro = getProtocol("micro-titration");

describe("noisy diaries: no MED by chance", () => {
  it("gives a MED to at most 10% of 200 non-responders whose ratings wander (SD 1, bad days in runs)", () => {
    let given = 0;
    for (let i = 0; i < 200; i++) {
      const noise = createAr1Noise(createRng(deriveSeed(11, i, 0)), { sd: 1, autocorrelation: 0.5 });
      const rate = () => Math.min(10, Math.max(0, Math.round(6 + noise())));
      const baseline = [rate(), rate(), rate()];
      const specs = Array.from({ length: 120 }, (_, d) => ({
        ug: 100 * (Math.floor(d / 2) + 1),
        pain: rate(),
      }));
      const a = assessTitration({
        protocol: micro,
        start,
        baseline,
        days: buildDiary(start, specs),
        detector: "robust",
      });
      if (a.medUg !== null) given += 1;
      else expect(a.state).toBe("stopped");
    }
    expect(given / 200).toBeLessThanOrEqual(0.1);
  });
});
