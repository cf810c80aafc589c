/**
 * The API's route table, from the route list: `npx tsx scripts/api-table.ts` prints it;
 * `--write` puts it into docs/api.md between its markers.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { ROUTES } from "../src/http/routes/index.ts";
import { routeTable, withRouteTable } from "../src/http/route-table.ts";

const table = routeTable(ROUTES);
if (process.argv.includes("--write")) {
  const file = resolve(import.meta.dirname, "../docs/api.md");
  writeFileSync(file, withRouteTable(readFileSync(file, "utf8"), table));
  // Prettier aligns the table's columns, as `npm run lint` expects.
  execFileSync("npx", ["prettier", "--write", file], { stdio: "ignore" });
  console.log(`docs/api.md: ${ROUTES.length} routes`);
} else process.stdout.write(table);
