/**
 * The opioids a patient takes, as screened, as MedicationStatements shaped like HL7's CDC opioid
 * guideline orders (one Dosage with `timing.repeat` and a dose), so ldn reads its own export the
 * way it reads an EHR's: per-dose amount in mg and doses a day, or a patch's rate in mcg/hr.
 */
import type { MedicationStatement } from "@medplum/fhirtypes";
import type { OpioidRegimen } from "../domain/opioids/regimen.ts";
import { ref, UCUM } from "./codes.ts";

/**
 * @example opioidStatement("p1", 0, { drug: "oxycodone", amount: 10, unit: "mg", dosesPerDay: 3 }, "oxycodone 10mg x3", "2027-01-04T09:00:00Z")
 * // { medicationCodeableConcept: { text: "oxycodone" }, dosage: [{ timing: { repeat: { frequency: 3, period: 1, periodUnit: "d" } }, ... }] }
 */
export function opioidStatement(
  patientId: string,
  index: number,
  regimen: OpioidRegimen,
  written: string,
  asserted: string,
): MedicationStatement {
  const patch = regimen.unit === "mcg/hr";
  return {
    resourceType: "MedicationStatement",
    id: `${patientId}-opioid-${index + 1}`,
    status: "active",
    medicationCodeableConcept: { text: regimen.drug },
    subject: ref("Patient", patientId),
    dateAsserted: asserted,
    informationSource: ref("Patient", patientId),
    note: [{ text: `as screened: ${written}` }],
    dosage: [
      patch
        ? {
            text: `${regimen.drug} patch ${regimen.amount} mcg/hr`,
            timing: { repeat: { frequency: 1, period: 1, periodUnit: "d" } },
            doseAndRate: [
              { rateQuantity: { value: regimen.amount, unit: "mcg/h", system: UCUM, code: "ug/h" } },
            ],
          }
        : {
            text: `${regimen.drug} ${regimen.amount} mg ${regimen.dosesPerDay} times a day`,
            timing: { repeat: { frequency: regimen.dosesPerDay, period: 1, periodUnit: "d" } },
            doseAndRate: [{ doseQuantity: { value: regimen.amount, unit: "mg", system: UCUM, code: "mg" } }],
          },
    ],
  };
}
