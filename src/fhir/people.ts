/**
 * Who is in a record: the patient, the clinic (Organization), its staff (Practitioner) and ldn
 * itself (a Device: the engine that proposes and the system that acts).
 */
import type {
  Condition,
  Device,
  Organization,
  Patient as FhirPatient,
  Practitioner,
} from "@medplum/fhirtypes";
import type { Clinic } from "../app/ports/clinic-repository.ts";
import type { Patient } from "../app/ports/patient-repository.ts";
import type { Staff } from "../app/ports/staff-repository.ts";
import { CHRONIC_PAIN, LDN_DEVICE_ID, PATIENT_ID_SYSTEM, ref, SCREENING_EXTENSION } from "./codes.ts";

/**
 * The patient with ldn's id as an identifier, so a later import recognises them. ldn keeps a
 * display name only (no birth date, no address), so that is all the resource says.
 *
 * @example patientResource(patient).name // [{ text: "Alex Morgan" }]
 */
export function patientResource(patient: Patient): FhirPatient {
  return {
    resourceType: "Patient",
    id: patient.id,
    identifier: [{ system: PATIENT_ID_SYSTEM, value: patient.id }],
    active: true,
    name: [{ text: patient.displayName }],
    managingOrganization: ref("Organization", patient.clinicId),
    ...screeningExtension(patient),
  };
}

function screeningExtension(patient: Patient): Pick<FhirPatient, "extension"> {
  const answers = (patient.screening as { answers?: Record<string, unknown> }).answers;
  if (answers === undefined) return {};
  const rest = Object.fromEntries(Object.entries(answers).filter(([key]) => key !== "opioids"));
  return { extension: [{ url: SCREENING_EXTENSION, valueString: JSON.stringify(rest) }] };
}

export function organizationResource(clinic: Clinic): Organization {
  return { resourceType: "Organization", id: clinic.id, active: true, name: clinic.name };
}

/** A staff member; their email is their work contact. The password hash never leaves ldn. */
export function practitionerResource(staff: Staff): Practitioner {
  return {
    resourceType: "Practitioner",
    id: staff.id,
    active: staff.disabledAt === null,
    name: [{ text: staff.displayName }],
    telecom: [{ system: "email", value: staff.email, use: "work" }],
  };
}

export function ldnDevice(): Device {
  return {
    resourceType: "Device",
    id: LDN_DEVICE_ID,
    deviceName: [{ name: "ldn titration engine", type: "user-friendly-name" }],
    type: { text: "software" },
  };
}

/**
 * The chronic pain every enrolled patient has (SNOMED 82423001), with how long it has lasted as
 * the screening recorded it.
 *
 * @example chronicPain(patient, 48).onsetString // "about 48 months before 2027-01-04"
 */
export function chronicPain(patient: Patient, painMonths: number | undefined): Condition {
  const enrolled = patient.createdAt.slice(0, 10);
  return {
    resourceType: "Condition",
    id: `${patient.id}-chronic-pain`,
    clinicalStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }],
    },
    verificationStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: "confirmed" }],
    },
    category: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/condition-category",
            code: "problem-list-item",
          },
        ],
      },
    ],
    code: CHRONIC_PAIN,
    subject: ref("Patient", patient.id),
    ...(painMonths === undefined ? {} : { onsetString: `about ${painMonths} months before ${enrolled}` }),
    recordedDate: patient.createdAt,
  };
}
