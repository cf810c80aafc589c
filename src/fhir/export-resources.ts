/**
 * One patient's, or a whole clinic's, records as FHIR resources, every reference resolving
 * inside what is returned: the clinic, the staff, ldn's Device, the protocols and the
 * questionnaires used come along with the patients' own resources.
 */
import type { AuditEventAgent, Resource } from "@medplum/fhirtypes";
import type { AuditEvent } from "../app/ports/audit-log.ts";
import type { Clinic } from "../app/ports/clinic-repository.ts";
import type { PatientRecords } from "../app/ports/clinic-records.ts";
import type { Staff } from "../app/ports/staff-repository.ts";
import { storedScreening } from "../app/use-cases/enrol-patient.ts";
import { getProtocol } from "../domain/protocols/catalogue.ts";
import { parseOpioidRegimens } from "../domain/opioids/parse-regimen.ts";
import { auditEvent } from "./audit-event.ts";
import { LDN_DEVICE_ID, ref } from "./codes.ts";
import { interactionIssue } from "./detected-issue.ts";
import { diaryCodeSystem, diaryObservations } from "./diary-observations.ts";
import { dosesTaken } from "./doses-taken.ts";
import { opioidStatement } from "./opioid-statements.ts";
import {
  chronicPain,
  ldnDevice,
  organizationResource,
  patientResource,
  practitionerResource,
} from "./people.ts";
import { planDefinition } from "./plan-definition.ts";
import { planRequests } from "./plan-requests.ts";
import { decisionProvenance, proposal } from "./proposals.ts";
import { questionnaire, questionnaireResponse, scoreObservations } from "./questionnaires.ts";

export interface PatientToExport {
  readonly records: PatientRecords;
  /** The patient's audit trail; empty to leave it out. */
  readonly audit: readonly AuditEvent[];
}

export interface ExportContext {
  readonly clinic: Clinic;
  readonly staff: readonly Staff[];
  /** The export's date (YYYY-MM-DD): plans are ordered up to here. */
  readonly asOf: string;
}

/**
 * Everything for these patients, shared resources once, in a stable order.
 *
 * @example exportResources(ctx, [{ records, audit: [] }]).filter((r) => r.resourceType === "Patient").length // 1
 */
export function exportResources(ctx: ExportContext, patients: readonly PatientToExport[]): Resource[] {
  const patientIds = new Set(patients.map((p) => p.records.patient.id));
  const staffIds = new Set(ctx.staff.map((s) => s.id));
  const actorRef = (kind: string, id: string): AuditEventAgent["who"] | undefined => {
    if (kind === "staff" && staffIds.has(id)) return ref("Practitioner", id);
    if (kind === "patient" && patientIds.has(id)) return ref("Patient", id);
    if (kind === "system") return ref("Device", LDN_DEVICE_ID);
    return undefined;
  };
  const own = patients.flatMap((p) => patientResources(ctx.asOf, p, actorRef));
  return [...sharedResources(ctx, patients), ...own];
}

function sharedResources(ctx: ExportContext, patients: readonly PatientToExport[]): Resource[] {
  const protocols = new Map<string, Resource>();
  const forms = new Map<string, Resource>();
  for (const { records } of patients) {
    for (const plan of records.plans) {
      const key = `${plan.protocolId}@${plan.protocolVersion}`;
      if (!protocols.has(key))
        protocols.set(key, planDefinition(getProtocol(plan.protocolId), plan.protocolVersion));
    }
    for (const q of records.questionnaires) {
      const key = `${q.instrument}@${q.instrumentVersion}`;
      if (!forms.has(key)) forms.set(key, questionnaire(q.instrument, q.instrumentVersion));
    }
  }
  return [
    organizationResource(ctx.clinic),
    ...ctx.staff.map(practitionerResource),
    ldnDevice(),
    diaryCodeSystem(),
    ...protocols.values(),
    ...forms.values(),
  ];
}

/** One patient's own resources. */
export function patientResources(
  asOf: string,
  { records, audit }: PatientToExport,
  actorRef: (kind: string, id: string) => AuditEventAgent["who"] | undefined,
): Resource[] {
  const patient = records.patient;
  const screening = storedScreening(patient);
  const written = screening.answers?.opioids ?? [];
  const opioids = written.flatMap((text) => parseOpioidRegimens(text).map((regimen) => ({ text, regimen })));
  const opioidResources = opioids.map((o, i) =>
    opioidStatement(patient.id, i, o.regimen, o.text, patient.createdAt),
  );
  const decisions = new Map(records.decisions.map((d) => [d.recommendationId, d]));
  const out: Resource[] = [patientResource(patient), chronicPain(patient, screening.answers?.painMonths)];
  const add = (resources: readonly Resource[]) => {
    for (const r of resources) out.push(r);
  };
  add(opioidResources);
  for (const plan of records.plans) {
    const orders = planRequests(plan, asOf);
    add(orders);
    const issue = interactionIssue(
      plan,
      orders[0] && ref("MedicationRequest", orders[0].id!),
      opioidResources.map((r) => ref("MedicationStatement", r.id!)),
    );
    if (issue) out.push(issue);
  }
  for (const rec of records.recommendations) out.push(proposal(rec, decisions.get(rec.id)));
  for (const decision of records.decisions) out.push(decisionProvenance(decision));
  for (const entry of records.diary) add([dosesTaken(entry), ...diaryObservations(entry)]);
  for (const q of records.questionnaires) add([questionnaireResponse(q), ...scoreObservations(q)]);
  for (const event of audit) out.push(auditEvent(event, actorRef));
  return out;
}
