/**
 * The schedule builder's property: whatever valid settings a clinician picks, no day of any
 * protocol's schedule is over its limits. Slow (150 draws of up to 200 days per protocol), so it
 * runs with the integration project, not the unit inner loop.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DomainError } from "../errors.ts";
import { PROTOCOLS } from "./catalogue.ts";
import { limitViolations } from "./limits.ts";
import type { ProtocolDefinition } from "./protocol.ts";
import { buildSchedule } from "./schedule.ts";
import { resolveSettings } from "./settings.ts";

/** fc.tuple over a list of arbitraries, without spreading the list into a call. */
function tupleOf<T>(arbs: readonly fc.Arbitrary<T>[]): fc.Arbitrary<T[]> {
  return arbs.reduce<fc.Arbitrary<T[]>>(
    (acc, arb) => fc.tuple(acc, arb).map(([xs, x]) => [...xs, x]),
    fc.constant([]),
  );
}

/**
 * Draws a valid value for every setting of a protocol, within its bounds; doses in whole
 * units of the protocol's granularity (its aliquots), as a clinician would set them, so a
 * draw is a real setting rather than, mostly, a total no aliquot splits.
 */
function arbitrarySettings(protocol: ProtocolDefinition) {
  const unit = protocol.regimen(resolveSettings(protocol)).granularityUg;
  const entries = protocol.settings.map((s) => {
    if (s.kind === "dose") {
      return fc
        .integer({ min: Math.ceil(s.minUg / unit), max: Math.floor(s.maxUg / unit) })
        .map((k) => [s.key, k * unit] as const);
    }
    if (s.kind === "integer") return fc.integer({ min: s.min, max: s.max }).map((v) => [s.key, v] as const);
    return fc
      .uniqueArray(fc.integer({ min: 0, max: 23 * 60 + 59 }), {
        minLength: 1,
        maxLength: protocol.limits.maxDosesPerDay,
      })
      .map((ms) =>
        ms
          .sort((a, b) => a - b)
          .map((m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`),
      )
      .map((v) => [s.key, v] as const);
  });
  return tupleOf<readonly [string, string | number | readonly string[]]>(entries).map((kv) =>
    Object.fromEntries(kv),
  );
}

describe("no schedule ever exceeds its protocol's limits", () => {
  for (const protocol of PROTOCOLS) {
    it(`${protocol.id}: every day of every valid schedule is within the limits, or the builder refuses`, () => {
      let built = 0;
      const runs = 150;
      fc.assert(
        fc.property(arbitrarySettings(protocol), fc.integer({ min: 1, max: 200 }), (settings, days) => {
          let schedule;
          try {
            schedule = buildSchedule(protocol, { start: "2027-01-04", days, settings });
          } catch (e) {
            // Refusing is allowed only for a limit (e.g. too few dose times for the total) or an unsplittable total.
            expect((e as DomainError).code).toMatch(/limit_exceeded|invalid_dose/);
            return;
          }
          built += 1;
          schedule.days.forEach((d, i) => {
            expect(limitViolations(protocol, d, schedule.days[i - 1]?.totalUg)).toEqual([]);
            expect(d.doses.reduce((a, x) => a + x.ug, 0)).toBe(d.totalUg);
            expect(d.doses.every((x) => Number.isInteger(x.ug) && x.ug > 0)).toBe(true);
          });
        }),
        { numRuns: runs },
      );
      // The property means little if the draws rarely make a schedule: most must.
      expect(built / runs).toBeGreaterThanOrEqual(0.9);
    });
  }
});
