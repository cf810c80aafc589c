/**
 * The JSON form of an MME result: a stable contract (keys are only ever added). Numbers
 * are exact and unrounded; `total` is the display text of the total.
 */
import { formatMme } from "../../domain/opioids/format-mme.ts";
import type { MmeResult } from "../../domain/opioids/mme.ts";

/**
 * Maps an MME result to its documented JSON shape.
 *
 * @example mmeJson(calculateMme([{ drug: "morphine", amount: 30, unit: "mg", dosesPerDay: 1 }])).total // "30 MME/day"
 */
export function mmeJson(result: MmeResult) {
  return {
    regimens: result.lines.map((l) => ({
      drug: l.drug,
      written: l.written,
      amount: l.amount,
      unit: l.unit,
      dosesPerDay: l.dosesPerDay,
      perDay: l.perDay,
      perDayUnit: l.perDayUnit,
      factor: l.factor,
      mmePerDay: l.mmePerDay,
      source: l.source,
    })),
    totalMmePerDay: result.totalMmePerDay,
    total: `${formatMme(result.totalMmePerDay)} MME/day`,
    flags: result.flags.map((f) => ({
      code: f.code,
      threshold: f.threshold,
      comparison: f.comparison,
      message: f.message,
      source: f.source,
    })),
    caveats: result.caveats.map((c) => ({
      code: c.code,
      drug: c.drug,
      message: c.message,
      source: c.source,
    })),
    notes: result.notes,
  };
}
