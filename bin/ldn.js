#!/usr/bin/env node
// Entry point for a global install: the build (`npm run build:server`, dist/cli/ldn.js) when
// there is one, plain JavaScript with no compiler at run time; else the TypeScript through tsx.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const built = join(dirname(fileURLToPath(import.meta.url)), "../dist/cli/ldn.js");
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
