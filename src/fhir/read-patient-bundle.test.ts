import type { Bundle, MedicationRequest, Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors.ts";
import { screenAnswers } from "../app/use-cases/enrol-patient.ts";
import { readPatientBundle } from "./read-patient-bundle.ts";

const UCUM = "http://unitsofmeasure.org";

/** An opioid order shaped like HL7's CDC opioid guideline MMEMedicationRequest. */
const order = (id: string, drug: string, mg: number, everyHours: number): MedicationRequest => ({
  resourceType: "MedicationRequest",
  id,
  status: "active",
  intent: "order",
  subject: { reference: "Patient/ehr-1" },
  medicationCodeableConcept: { text: drug },
  dosageInstruction: [
    {
      timing: { repeat: { frequency: 1, period: everyHours, periodUnit: "h" } },
      doseAndRate: [{ doseQuantity: { value: mg, unit: "mg", system: UCUM, code: "mg" } }],
    },
  ],
});

const bundle = (resources: Resource[]): Bundle => ({
  resourceType: "Bundle",
  type: "collection",
  entry: resources.map((resource) => ({ resource })),
});

const ehrPatient: Resource = {
  resourceType: "Patient",
  id: "ehr-1",
  name: [{ given: ["Robin"], family: "Jones" }],
  birthDate: "1975-06-15",
};
const chronicPain: Resource = {
  resourceType: "Condition",
  id: "c1",
  subject: { reference: "Patient/ehr-1" },
  code: { coding: [{ system: "http://snomed.info/sct", code: "82423001" }] },
  onsetDateTime: "2023-01-10",
};

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error("not refused");
};

describe("reading an EHR's Bundle of a patient and their medications", () => {
  it("turns opioid orders into regimens the MME calculation reads, and leaves other drugs out, saying so", () => {
    const patch: Resource = {
      resourceType: "MedicationStatement",
      id: "s1",
      status: "active",
      subject: { reference: "Patient/ehr-1" },
      medicationCodeableConcept: { coding: [{ display: "fentanyl" }] },
      dosage: [
        {
          timing: { repeat: { frequency: 1, period: 3, periodUnit: "d" } },
          doseAndRate: [{ rateQuantity: { value: 25, unit: "mcg/h", system: UCUM, code: "ug/h" } }],
        },
      ],
    };
    const read = readPatientBundle(
      bundle([
        ehrPatient,
        chronicPain,
        order("m1", "oxycodone", 10, 8),
        patch,
        order("m2", "ibuprofen", 400, 8),
      ]),
      "2027-01-04",
    );
    expect(read.displayName).toBe("Robin Jones");
    expect(read.answers).toMatchObject({ ageYears: 51, painMonths: 48, pregnancy: "unknown" });
    expect(read.answers.opioids).toEqual(["oxycodone 10mg x3", "fentanyl 25mcg/hr"]);
    expect(read.skipped).toEqual(["MedicationRequest/m2: ibuprofen is not an opioid ldn knows"]);
    // CDC 2022: oxycodone 30 mg/day x 1.5 = 45, fentanyl 25 mcg/hr x 2.4 = 60: 105 MME/day.
    expect(screenAnswers(read.answers).mme?.totalMmePerDay).toBe(105);
  });

  it("refuses an opioid it cannot convert, naming the resource and the field", () => {
    const noDose = order("m9", "morphine", 10, 8);
    noDose.dosageInstruction![0]!.doseAndRate = undefined;
    const err = refusal(() => readPatientBundle(bundle([ehrPatient, chronicPain, noDose]), "2027-01-04"));
    expect(err.message).toBe(
      "MedicationRequest/m9: dosageInstruction[0].doseAndRate[0].doseQuantity is missing",
    );
    const odd = order("m8", "morphine", 10, 7);
    expect(
      refusal(() => readPatientBundle(bundle([ehrPatient, chronicPain, odd]), "2027-01-04")).message,
    ).toMatch(
      /^MedicationRequest\/m8: dosageInstruction\[0\]\.timing\.repeat must say a whole number of doses a day/,
    );
  });

  it("refuses a Bundle without exactly one Patient, or without what screening needs", () => {
    expect(refusal(() => readPatientBundle({ resourceType: "Patient" }, "2027-01-04")).message).toBe(
      "resourceType: must be Bundle",
    );
    expect(
      refusal(() => readPatientBundle({ resourceType: "Bundle", entry: 7 }, "2027-01-04")).message,
    ).toMatch(/^Bundle: not a well-formed FHIR R4 Bundle/);
    expect(refusal(() => readPatientBundle(bundle([chronicPain]), "2027-01-04")).message).toMatch(
      /exactly one Patient \(holds 0\)/,
    );
    const noBirth = { ...ehrPatient, birthDate: undefined } as Resource;
    expect(refusal(() => readPatientBundle(bundle([noBirth, chronicPain]), "2027-01-04")).message).toMatch(
      /^Patient\/ehr-1\.birthDate: must be a full date/,
    );
    expect(refusal(() => readPatientBundle(bundle([ehrPatient]), "2027-01-04")).message).toMatch(
      /Condition for chronic pain/,
    );
  });
});
