/**
 * The JSON form of a screening result: a stable contract (keys are only ever added).
 * `mme` has the same shape as `ldn mme --format json`, or is null with no convertible opioid.
 */
import type { ScreeningResult } from "../../domain/screening/types.ts";
import { mmeJson } from "./mme-json.ts";

/**
 * Maps a screening result to its documented JSON shape.
 *
 * @example printJson(screeningJson(screenPatient(input)))
 */
export function screeningJson(result: ScreeningResult) {
  return {
    rules: result.rules,
    eligibility: result.eligibility,
    reasons: result.reasons.map((r) => ({
      code: r.code,
      effect: r.effect,
      scope: r.scope,
      message: r.message,
      source: r.source,
    })),
    protocols: result.protocols.map((p) => ({
      id: p.protocolId,
      key: p.protocolKey,
      fit: p.fit,
      code: p.code,
      why: p.why,
      source: p.source,
      interaction: p.interaction && {
        code: p.interaction.code,
        severity: p.interaction.severity,
        opioids: p.interaction.opioids,
        message: p.interaction.message,
        source: p.interaction.source,
        requiresClinicianDecision: p.interaction.requiresClinicianDecision,
      },
    })),
    mme: result.mme && mmeJson(result.mme),
    opioidsWithoutMme: result.opioidsWithoutMme,
    riskFactors: result.riskFactors.map((f) => ({
      id: f.id,
      label: f.label,
      recordedFrom: f.recordedFrom,
      source: f.source,
    })),
  };
}
