/**
 * An opioid order or statement from an EHR (HL7's CDC opioid guideline shape: one Dosage with
 * `timing.repeat` and a dose) as the regimen text ldn's MME calculation reads. What cannot be
 * converted is refused naming the resource and the field; a guess here could move the MME
 * total across a threshold.
 */
import type { Dosage, MedicationRequest, MedicationStatement } from "@medplum/fhirtypes";
import { refused } from "../domain/errors.ts";
import { resolveOpioid } from "../domain/opioids/resolve-opioid.ts";

/** The drug's name as the resource gives it: the text, else the first coding's display. */
export function drugName(resource: MedicationRequest | MedicationStatement): string | undefined {
  const concept = resource.medicationCodeableConcept;
  return concept?.text ?? concept?.coding?.find((c) => c.display)?.display;
}

/** True when ldn knows the drug as an opioid (by generic or single-ingredient brand name). */
export function isKnownOpioid(name: string): boolean {
  try {
    resolveOpioid(name);
    return true;
  } catch {
    return false;
  }
}

const HOURS_PER_UNIT: Readonly<Record<string, number>> = { h: 1, d: 24, wk: 168 };

/**
 * @example opioidText(statement) // "oxycodone 10mg x3" (frequency 3 per 1 d, 10 mg a dose)
 * @example opioidText(patchStatement) // "fentanyl 25mcg/hr"
 */
export function opioidText(resource: MedicationRequest | MedicationStatement): string {
  const where = `${resource.resourceType}/${resource.id ?? "(no id)"}`;
  const refuse = (field: string, why: string): never => {
    throw refused(`${where}: ${field} ${why}`, { field: `${where}.${field}` });
  };
  const drug =
    drugName(resource) ?? refuse("medicationCodeableConcept", "names no drug (text or coding display)");
  const field = resource.resourceType === "MedicationRequest" ? "dosageInstruction" : "dosage";
  const dosages: Dosage[] =
    (resource.resourceType === "MedicationRequest" ? resource.dosageInstruction : resource.dosage) ?? [];
  if (dosages.length !== 1)
    refuse(field, `must hold exactly one Dosage to compute MME (has ${dosages.length})`);
  const dosage = dosages[0]!;
  const rate = dosage.doseAndRate?.[0]?.rateQuantity;
  if (rate !== undefined) {
    if (rate.code !== "ug/h" && rate.unit !== "mcg/h" && rate.unit !== "mcg/hr") {
      refuse(
        `${field}[0].doseAndRate[0].rateQuantity`,
        `must be in mcg/hr (UCUM ug/h), not ${rate.code ?? rate.unit}`,
      );
    }
    return `${drug} ${rate.value}mcg/hr`;
  }
  const dose =
    dosage.doseAndRate?.[0]?.doseQuantity ?? refuse(`${field}[0].doseAndRate[0].doseQuantity`, "is missing");
  if ((dose.code ?? dose.unit) !== "mg")
    refuse(`${field}[0].doseAndRate[0].doseQuantity`, `must be in mg, not ${dose.code ?? dose.unit}`);
  const repeat = dosage.timing?.repeat ?? refuse(`${field}[0].timing.repeat`, "is missing");
  const perDay = dosesPerDay(repeat.frequency ?? 1, repeat.period, repeat.periodUnit);
  if (perDay === undefined) {
    refuse(
      `${field}[0].timing.repeat`,
      `must say a whole number of doses a day (frequency ${repeat.frequency ?? 1} per ${repeat.period ?? "?"} ${repeat.periodUnit ?? "?"})`,
    );
  }
  return `${drug} ${dose.value}mg x${perDay}`;
}

/** Whole doses a day from FHIR's frequency per period, or undefined. */
function dosesPerDay(
  frequency: number,
  period: number | undefined,
  unit: string | undefined,
): number | undefined {
  const hours = unit === undefined ? undefined : HOURS_PER_UNIT[unit];
  if (period === undefined || hours === undefined || period <= 0) return undefined;
  const perDay = (frequency * 24) / (period * hours);
  return Number.isInteger(perDay) && perDay >= 1 ? perDay : undefined;
}
