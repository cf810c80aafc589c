#!/usr/bin/env node
// Entry point for a global install: the build (`npm run build:server`, dist/cli/ldn.js) when
// there is one, plain JavaScript with no compiler at run time; else the TypeScript through tsx.
import { existsSync } from "node:fs";

const built = new URL("../dist/cli/ldn.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
