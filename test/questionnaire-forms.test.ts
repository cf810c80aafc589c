/**
 * The phone's questionnaire forms agree with the server's scoring: the same items and ranges,
 * and the "cannot be scored" warning shows exactly when the server would leave a score out.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BPI_ITEMS, scoreBpi } from "../src/domain/instruments/bpi.ts";
import type { InstrumentScoring, ItemDefinition } from "../src/domain/instruments/instrument.ts";
import { GLOBAL10_ITEMS, scoreGlobal10 } from "../src/domain/instruments/promis-global10.ts";
import { PF_4A_ITEMS, scorePhysicalFunction } from "../src/domain/instruments/promis-physical-function.ts";
import { QUESTIONNAIRE_FORMS, unscorable } from "../web/src/questionnaire-forms.ts";

const SERVER: Record<
  string,
  { items: readonly ItemDefinition[]; score: (a: Record<string, number>) => InstrumentScoring }
> = {
  bpi: { items: BPI_ITEMS, score: scoreBpi },
  "promis-global10": { items: GLOBAL10_ITEMS, score: scoreGlobal10 },
  "promis-pf-4a": { items: PF_4A_ITEMS, score: (a) => scorePhysicalFunction("4a", a) },
};

describe.each(QUESTIONNAIRE_FORMS.map((f) => [f.instrument, f] as const))(
  "the %s form",
  (instrument, form) => {
    const server = SERVER[instrument]!;
    const items = form.sections.flatMap((s) => s.items);

    it("asks every item the server scores, once each, with the server's range", () => {
      expect(items.map((i) => [i.id, i.min, i.max]).sort()).toEqual(
        server.items.map((i) => [i.id, i.min, i.max]).sort(),
      );
    });

    it("warns that it cannot be scored exactly when the server would leave a score out", () => {
      const ids = items.map((i) => i.id);
      fc.assert(
        fc.property(fc.subarray(ids), (answered) => {
          // Each answer the lowest of its item's range: any value in range scores alike here.
          const given = Object.fromEntries(answered.map((id) => [id, items.find((i) => i.id === id)!.min]));
          const serverLeavesOut = server.score(given).scores.some((s) => s.status === "not-computed");
          expect(unscorable(form, given).length > 0).toBe(serverLeavesOut);
        }),
        { numRuns: 300 },
      );
    });

    it("can be scored when every question is answered, and not when none is", () => {
      const all = Object.fromEntries(items.map((i) => [i.id, i.max]));
      expect(unscorable(form, all)).toEqual([]);
      expect(server.score(all).scores.every((s) => s.status === "computed")).toBe(true);
      expect(unscorable(form, {}).length).toBe(form.needs.length);
    });
  },
);
