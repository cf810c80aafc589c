/** `ldn admin create`: the first administrator of a clinic (and the clinic, when new). */
import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import { addStaff } from "../../app/use-cases/add-staff.ts";
import { scryptHasher } from "../../crypto/scrypt-hasher.ts";
import { invalidArgument } from "../../domain/errors.ts";
import { openStore } from "../../store/sql-store.ts";
import { databaseConfigFor, dbOption, type DatabaseFlags } from "./database-option.ts";

interface AdminFlags extends DatabaseFlags {
  clinic: string;
  email: string;
  name: string;
  passwordStdin: boolean;
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

export function register(program: Command): void {
  const admin = program.command("admin").description("manage administrator accounts").exitOverride();
  admin
    .command("create")
    .description("create an administrator (and the clinic, if no clinic has that name)")
    .requiredOption("--clinic <name>", "the clinic's name")
    .requiredOption("--email <email>", "the administrator's email (their login)")
    .requiredOption("--name <name>", "the administrator's name as shown")
    .option(
      "--password-stdin",
      "read the password from standard input (else one is generated and printed once)",
      false,
    )
    .addOption(dbOption())
    .addHelpText(
      "after",
      `
Examples:
  ldn admin create --clinic "Riverside Pain Clinic" --email admin@riverside.example --name "A. Admin"
  printf '%s\\n' "$PASSWORD" | ldn admin create --clinic "Riverside Pain Clinic" --email a@r.example --name "A. Admin" --password-stdin`,
    )
    .action(async (flags: AdminFlags) => {
      const email = flags.email.trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
        throw invalidArgument("--email", flags.email, "must be an email address");
      const generated = !flags.passwordStdin;
      const password = generated ? randomBytes(12).toString("base64url") : await readStdinLine();
      const store = await openStore(databaseConfigFor(flags));
      try {
        // The same use case as POST /api/staff: the password policy, hashing before the
        // transaction, an email already in use refused as a conflict.
        const added = await addStaff({ store, passwords: scryptHasher() }, SYSTEM_ACTOR, {
          clinic: { name: flags.clinic },
          members: [{ email, displayName: flags.name, role: "administrator", password }],
        });
        process.stdout.write(
          `Administrator ${email} created for ${added.clinicCreated ? "the new clinic" : "the clinic"} "${added.clinic.name}".\n` +
            (generated ? `Password (shown once; change it after signing in): ${password}\n` : ""),
        );
      } finally {
        await store.close();
      }
    });
}
