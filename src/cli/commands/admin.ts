/** `ldn admin create`: the first administrator of a clinic (and the clinic, when new). */
import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { SYSTEM_ACTOR } from "../../app/ports/actor.ts";
import { DomainError, invalidArgument } from "../../domain/errors.ts";
import { passwordProblem, scryptHasher } from "../../http/auth/passwords.ts";
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
      const problem = passwordProblem(password);
      if (problem) throw invalidArgument("password", "(hidden)", problem);
      const passwordHash = await scryptHasher().hash(password);
      const store = await openStore(databaseConfigFor(flags));
      try {
        const clinic = await store.transaction(SYSTEM_ACTOR, async (tx) => {
          if (await tx.staff.findByEmail(email)) {
            throw new DomainError("invalid_argument", `--email: ${email} already has an account`, {
              field: "--email",
            });
          }
          const existing = (await tx.clinics.list()).find((c) => c.name === flags.clinic.trim());
          const clinic = existing ?? (await tx.clinics.create({ name: flags.clinic.trim() }));
          await tx.staff.create({
            clinicId: clinic.id,
            email,
            displayName: flags.name.trim(),
            role: "administrator",
            passwordHash,
          });
          return { clinic, created: existing === undefined };
        });
        process.stdout.write(
          `Administrator ${email} created for ${clinic.created ? "the new clinic" : "the clinic"} "${clinic.clinic.name}".\n` +
            (generated ? `Password (shown once; change it after signing in): ${password}\n` : ""),
        );
      } finally {
        await store.close();
      }
    });
}
