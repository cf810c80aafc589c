/**
 * Starting a plan: a protocol version with settings, a start date and a detector. Checks the
 * settings against the protocol's limits (by building its schedule), refuses protocols that
 * screening ruled out, refuses any plan while the screening has pregnancy "unknown" (004
 * excluded pregnancy, so it must be known first), and requires a recorded reason to go on past
 * an opioid interaction alert (clinical reference 3: alert on any naltrexone plan with an active
 * opioid, and require a clinician's recorded decision).
 */
import type { Plan } from "../ports/plan-repository.ts";
import type { Repositories } from "../ports/store.ts";
import { parseIsoDate } from "../../domain/calendar-date.ts";
import {
  atField,
  invalidArgument,
  notFound,
  pregnancyUnknown,
  unacceptable,
  underField,
} from "../../domain/errors.ts";
import { getProtocol } from "../../domain/protocols/catalogue.ts";
import { buildSchedule } from "../../domain/protocols/schedule.ts";
import { resolveSettings, type SettingOverrides } from "../../domain/protocols/settings.ts";
import { chooseDetector } from "../../domain/titration/detectors/choose-detector.ts";
import { storedScreening } from "./enrol-patient.ts";
import { opioidFacts } from "./summarise-patient.ts";

export interface StartPlanInput {
  readonly patientId: string;
  readonly protocolId: string;
  readonly settings: SettingOverrides;
  readonly startDate: string;
  readonly detector: string;
  /** Why the clinician goes on despite an interaction alert; required when there is one. */
  readonly interactionReason?: string;
}

/**
 * @example
 * await startPlan(tx, staffId, { patientId, protocolId: "micro-titration", settings: {},
 *   startDate: "2027-01-04", detector: "robust" });
 */
export async function startPlan(tx: Repositories, staffId: string, input: StartPlanInput): Promise<Plan> {
  const patient = await tx.patients.get(input.patientId);
  if (!patient) throw notFound("patient");
  // Each refusal named where the request holds it (`protocolId`, `settings.stepUg`).
  const protocol = atField("protocolId", () => getProtocol(input.protocolId));
  const start = parseIsoDate(input.startDate, "startDate");
  // Resolved once here only to name a bad one; buildSchedule resolves them again for itself.
  underField("settings", () => resolveSettings(protocol, input.settings));
  buildSchedule(protocol, { start, settings: input.settings });
  chooseDetector(input.detector, "detector");
  const stored = storedScreening(patient);
  const screening = stored.result;
  if (screening.eligibility === "not-eligible") {
    const reasons = screening.reasons.map((r) => r.message).join("; ");
    throw unacceptable("protocolId", `screening found the patient not eligible (${reasons})`);
  }
  // 004 excluded pregnancy ("yes" is not eligible, above); "unknown" holds every plan until it is known.
  if (stored.answers.pregnancy === "unknown") {
    throw pregnancyUnknown(
      "screening.pregnancy",
      'the patient\'s screening records pregnancy status "unknown"; record it ' +
        "(yes / no / not applicable) in screening before starting a plan (004 excluded pregnancy)",
    );
  }
  const fit = screening.protocols.find((p) => p.protocolId === protocol.id);
  if (fit?.fit === "unsuitable") {
    throw invalidArgument("protocolId", protocol.id, `screening ruled this protocol out: ${fit.why}`);
  }
  const reason = input.interactionReason?.trim() ?? "";
  if (fit?.interaction && reason === "") {
    throw unacceptable(
      "interactionReason",
      `${fit.interaction.message}. Record why you go on before starting this plan.`,
    );
  }
  const plan = await tx.plans.create({
    patientId: patient.id,
    protocolId: protocol.id,
    protocolVersion: protocol.version,
    settings: input.settings,
    startDate: start,
    detector: input.detector,
    interactionAck: fit?.interaction ? { by: staffId, reason, alert: fit.interaction.message } : null,
  });
  // Going on past the interaction with a recorded reason acknowledges the opioid flag as it
  // stands: it returns on the dashboard only when the opioids recorded change.
  if (fit?.interaction)
    await tx.attention.acknowledge({
      patientId: patient.id,
      code: "opioid-interaction",
      facts: opioidFacts(patient),
    });
  return plan;
}
