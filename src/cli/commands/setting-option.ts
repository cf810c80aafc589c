/** Parses repeated `--set key=value` options into one record. */
import { invalidArgument } from "../../domain/errors.ts";

export function parseSetting(text: string, previous: Record<string, string>): Record<string, string> {
  const at = text.indexOf("=");
  if (at < 1 || at === text.length - 1)
    throw invalidArgument("--set", text, "write key=value, e.g. dose=3mg");
  return { ...previous, [text.slice(0, at).trim()]: text.slice(at + 1).trim() };
}
