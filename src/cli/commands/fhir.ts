/** `ldn fhir export` and `ldn fhir import`: the clinic's records as FHIR R4, out and in. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import { gatherExport } from "../../app/use-cases/gather-export.ts";
import { enrolPatient, storedScreening } from "../../app/use-cases/enrol-patient.ts";
import { readPatientBundle } from "../../fhir/read-patient-bundle.ts";
import { notFound, refused } from "../../domain/errors.ts";
import type { DatabaseConfig } from "../../store/database-config.ts";
import { countsByType, ndjsonFiles } from "../../fhir/bulk.ts";
import { exportResources } from "../../fhir/export-resources.ts";
import { openStore } from "../../store/sql-store.ts";
import { dbOption, databaseConfigFor, type DatabaseFlags } from "./database-option.ts";
import { progressBar } from "./progress-bar.ts";

interface ExportFlags extends DatabaseFlags {
  readonly out: string;
  readonly patient?: string;
  readonly clinic?: string;
  readonly asOf?: string;
}

export function register(program: Command): void {
  const fhir = program.command("fhir").description("the clinic's records as FHIR R4: export, import");
  fhir
    .command("export")
    .description("write a FHIR Bulk Data export: one <ResourceType>.ndjson file per resource type")
    .requiredOption("--out <dir>", "directory to write the .ndjson files to (created if missing)")
    .option("--patient <id>", "one patient only")
    .option("--clinic <id>", "the clinic, when the database holds more than one")
    .option("--as-of <date>", "the export's date, YYYY-MM-DD (default today): plans are ordered up to it")
    .addOption(dbOption())
    .addHelpText(
      "after",
      `
Every reference resolves inside the export: the clinic, its staff, ldn's Device, the protocols
and questionnaires used are written with the patients. Each patient exported is audited.

Examples:
  ldn fhir export --db data/ldn.sqlite --out export/
  ldn fhir export --out export/ --patient 6f1c...`,
    )
    .action(async (flags: ExportFlags) => {
      const store = await openStore(existingDatabase(flags));
      try {
        const clinics = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
        const clinic = chooseClinic(clinics, flags.clinic);
        const bar = progressBar(process.stderr, "patients");
        const gathered = await store.transaction(SYSTEM_ACTOR, (tx) =>
          gatherExport(tx, clinic.id, { patientId: flags.patient, onPatient: bar.update }),
        );
        bar.done();
        const asOf = flags.asOf ?? localToday();
        const resources = exportResources(
          { clinic: gathered.clinic, staff: gathered.staff, asOf },
          gathered.patients,
        );
        mkdirSync(flags.out, { recursive: true });
        for (const [type, text] of ndjsonFiles(resources))
          writeFileSync(join(flags.out, `${type}.ndjson`), text);
        const counts = countsByType(resources);
        process.stdout.write(
          `exported ${gathered.patients.length} patient(s) of ${clinic.name} to ${flags.out}: ` +
            `${resources.length} resources\n` +
            Object.entries(counts)
              .map(([type, n]) => `  ${type.padEnd(22)} ${n}\n`)
              .join(""),
        );
      } finally {
        await store.close();
      }
    });
  registerImport(fhir);
}

interface ImportFlags extends DatabaseFlags {
  readonly clinic?: string;
}

function registerImport(fhir: Command): void {
  fhir
    .command("import")
    .description("enrol a patient from a FHIR Bundle of the patient and their medications")
    .argument("<file>", "a FHIR R4 Bundle, JSON")
    .option("--clinic <id>", "the clinic, when the database holds more than one")
    .addOption(dbOption())
    .addHelpText(
      "after",
      `
Opioids (MedicationRequest or MedicationStatement, active, with timing.repeat and a dose) feed
the MME calculation and the screening. What cannot be converted is refused with the resource
and field, and nothing is stored. Medications that are not opioids are listed and left out.

Example:
  ldn fhir import patient-bundle.json --db data/ldn.sqlite`,
    )
    .action(async (file: string, flags: ImportFlags) => {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, "utf8"));
      } catch (err) {
        throw refused(`${file} is not JSON: ${(err as Error).message}`, { field: "file" });
      }
      const database = existingDatabase(flags);
      const read = readPatientBundle(json, localToday());
      const store = await openStore(database);
      try {
        const clinics = await store.transaction(SYSTEM_ACTOR, (tx) => tx.clinics.list());
        const clinic = chooseClinic(clinics, flags.clinic);
        const patient = await store.transaction(SYSTEM_ACTOR, (tx) =>
          enrolPatient(tx, clinic.id, read.displayName, read.answers),
        );
        const result = storedScreening(patient).result;
        process.stdout.write(
          `enrolled ${patient.displayName} (${patient.id}) in ${clinic.name}: ${result.eligibility}; ` +
            `opioids: ${read.answers.opioids.join(", ") || "none"}\n` +
            read.skipped.map((s) => `  left out: ${s}\n`).join(""),
        );
      } finally {
        await store.close();
      }
    });
}

function chooseClinic<C extends { readonly id: string; readonly name: string }>(
  clinics: readonly C[],
  wanted: string | undefined,
): C {
  if (wanted !== undefined) {
    const found = clinics.find((c) => c.id === wanted);
    if (found) return found;
    throw notFound("clinic", `no clinic ${wanted}`, { field: "clinic", value: wanted });
  }
  if (clinics.length === 1) return clinics[0]!;
  throw refused(
    clinics.length === 0
      ? "the database has no clinic yet"
      : `the database holds ${clinics.length} clinics: choose one with --clinic (${clinics.map((c) => `${c.id} ${c.name}`).join("; ")})`,
    { field: "clinic" },
  );
}

/** The database to read: a SQLite file that is not there is refused, naming it, rather than created empty. */
function existingDatabase(flags: DatabaseFlags): DatabaseConfig {
  const config = databaseConfigFor(flags);
  if (config.kind === "sqlite" && !existsSync(config.path))
    throw notFound("database", `no database at ${config.path}`);
  return config;
}

/** Today's date on this machine's clock, YYYY-MM-DD. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
