/** Prints the README's API table from the route list: `npx tsx scripts/api-table.ts`. */
import { ROUTES } from "../src/http/routes/index.ts";
import type { Access } from "../src/http/access.ts";

const who = (a: Access): string => {
  switch (a.kind) {
    case "public":
      return "anyone";
    case "signed-in":
      return "signed in";
    case "clinic":
      return a.roles.join(", ");
    case "patient":
      return [...a.roles, ...(a.self ? ["the patient"] : [])].join(", ");
  }
};

process.stdout.write("| method | path | who | what |\n|---|---|---|---|\n");
for (const r of ROUTES)
  process.stdout.write(`| ${r.method.toUpperCase()} | \`${r.path}\` | ${who(r.access)} | ${r.summary} |\n`);
