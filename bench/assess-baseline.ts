/**
 * The baseline of bench/assess.ts (issue 14): a bare Node parse-and-write of the same JSON
 * Lines, as `ldn assess` did its reading and writing before worker threads: readline, then
 * for each line JSON.parse and JSON.stringify, written 256 lines at a time. No validation,
 * no engine, one thread.
 *
 *     node --import tsx bench/assess-baseline.ts patients.jsonl > out.jsonl
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

const write = (text: string) =>
  new Promise<void>((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once("drain", () => resolve());
  });

let buffer: string[] = [];
for await (const line of createInterface({
  input: createReadStream(process.argv[2]!),
  crlfDelay: Infinity,
})) {
  if (line.trim() === "") continue;
  buffer.push(JSON.stringify(JSON.parse(line)));
  if (buffer.length >= 256) {
    await write(buffer.join("\n") + "\n");
    buffer = [];
  }
}
if (buffer.length > 0) await write(buffer.join("\n") + "\n");
