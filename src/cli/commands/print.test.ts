import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPdf } from "../../documents/read-pdf.testing.ts";
import { runCli } from "../testing.ts";

const FILL = ["--protocol", "micro-titration", "--start", "2027-01-04", "--days", "14"];
const WHO = [
  "--patient",
  "A. Patient",
  "--clinic-name",
  "Riverside Pain Clinic",
  "--clinic-phone",
  "555 0100",
];

describe("ldn print", () => {
  const dir = mkdtempSync(join(tmpdir(), "ldn-print-"));

  it("writes the patient's schedule PDF to --out", async () => {
    const out = join(dir, "schedule.pdf");
    const { code, stdout } = await runCli(["print", "schedule", ...FILL, ...WHO, "--out", out]);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote ${out}: schedule, 14 days from 2027-01-04\n`);
    const pdf = await readPdf(new Uint8Array(readFileSync(out)));
    expect(pdf.pages).toBe(3);
    expect(pdf.text[1]).toContain("Week 2 of 2");
  });

  it("writes the pharmacy order PDF for a later fill", async () => {
    const out = join(dir, "order.pdf");
    const args = ["print", "order", ...FILL, "--fill-start", "2027-03-01", ...WHO];
    const { code } = await runCli([...args, "--prescriber", "Dr B. Prescriber", "--out", out]);
    expect(code).toBe(0);
    const text = (await readPdf(new Uint8Array(readFileSync(out)))).text.join(" ");
    expect(text).toContain("Mon 1 Mar 2027 to Sun 14 Mar 2027 (14 days)");
    expect(text).toContain("Naltrexone 0.7 mg capsules");
  });

  it("refuses a missing prescriber and an empty name in one line", async () => {
    const out = join(dir, "never.pdf");
    const missing = await runCli(["print", "order", ...FILL, ...WHO, "--out", out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--prescriber");
    const empty = await runCli(["print", "schedule", ...FILL, ...WHO, "--patient", " ", "--out", out]);
    expect(empty.stderr).toBe('ldn: --patient: must not be empty (got " ")\n');
  });
});
