import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing.ts";

const day = (date: string, ug: number, pain: number) => ({
  date,
  doses: [{ time: "08:00", ug }],
  pain,
  mood: 5,
  energy: 4,
  clarity: 5,
  sideEffects: [],
  impression: "same",
});

const patient = (id: string, pains: readonly number[]) => ({
  id,
  protocol: "micro-titration",
  start: "2027-01-04",
  baseline: [7, 6, 7],
  days: pains.map((pain, i) =>
    day(`2027-01-${String(4 + i).padStart(2, "0")}`, 100 * (Math.floor(i / 2) + 1), pain),
  ),
});

const lines = (...records: unknown[]) =>
  records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n") + "\n";

describe("ldn assess", () => {
  it("says whether pain is above (worse) or below (better) baseline, with no negative drops", async () => {
    const { stdout } = await runCli(["assess"], lines(patient("worse", [7, 8]), patient("better", [5, 5])));
    const [worse, better] = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).reasons.join("\n") as string);
    expect(worse).toMatch(/pain 7\.5 over 2 days against 6\.7 over 3, 0\.8 points worse/);
    expect(better).toMatch(/pain 5\.0 over 2 days against 6\.7 over 3, 1\.7 points better/);
    expect(`${worse}\n${better}`).not.toMatch(/ -\d/);
  });

  it("writes one JSON line per patient in input order, with the contract's fields", async () => {
    const { code, stdout } = await runCli(["assess"], lines(patient("p1", [7, 7]), patient("p2", [7])));
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(["p1", "p2"]);
    expect(out[0]).toMatchObject({
      line: 1,
      id: "p1",
      state: "titrating",
      medUg: null,
      next: {
        totalUg: 200,
        doses: [
          { time: "08:00", ug: 100 },
          { time: "12:00", ug: 100 },
        ],
      },
      hormesis: false,
      protocol: "micro-titration@2",
      detector: "robust",
    });
    expect(out[0].reasons.length).toBeGreaterThan(0);
  });

  it("answers a bad line with an error line naming the line and field, and still assesses the others", async () => {
    const bad = patient("p2", [7, 7]);
    (bad.days[1] as { pain: number }).pain = 12;
    const { code, stdout } = await runCli(
      ["assess"],
      lines(patient("p1", [7]), bad, "{oops", patient("p4", [7])),
    );
    const out = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[1]).toEqual({
      line: 2,
      id: "p2",
      code: "invalid_argument",
      field: "days[1].pain",
      error: "days[1].pain: must be a whole number from 0 to 10 (got 12)",
    });
    expect(out[2]).toMatchObject({ line: 3, code: "invalid_request", field: "line" });
    expect(out[3]).toMatchObject({ line: 4, id: "p4", state: "titrating" });
    expect(code).toBe(3);
  });

  it("writes no alerts as an empty list, and the opioids given on the line as a titrating-on-opioids alert", async () => {
    const onOpioids = { ...patient("p2", [7, 7]), opioids: { names: ["oxycodone"], mmePerDay: 60 } };
    const onUldn = {
      ...patient("p3", []),
      protocol: "uldn-with-opioids",
      opioids: { names: ["oxycodone"], mmePerDay: 60 },
    };
    const { code, stdout } = await runCli(["assess"], lines(patient("p1", [7, 7]), onOpioids, onUldn));
    expect(code).toBe(0);
    const [none, alerted, uldn] = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(none.alerts).toEqual([]);
    expect(alerted.alerts).toEqual([
      {
        code: "titrating-on-opioids",
        date: "2027-01-05",
        message: expect.stringContaining("oxycodone (60 MME a day)"),
        patientMessage: expect.stringContaining("You also take oxycodone."),
      },
    ]);
    expect(Object.keys(alerted.alerts[0])).toEqual(["code", "date", "message", "patientMessage"]);
    // ULDN alongside opioids is the plan for them (002): no alert.
    expect(uldn.alerts).toEqual([]);
  });

  it("names the opioids field at fault, and takes no opioids (an empty list, or null) as none", async () => {
    const withOpioids = (id: string, opioids: unknown) => ({ ...patient(id, [7]), opioids });
    const { code, stdout } = await runCli(
      ["assess"],
      lines(
        withOpioids("a", "oxycodone"),
        withOpioids("b", { names: "oxycodone", mmePerDay: 60 }),
        withOpioids("c", { names: ["oxycodone", " "], mmePerDay: 60 }),
        withOpioids("d", { names: ["oxycodone"], mmePerDay: -1 }),
        withOpioids("e", { names: ["oxycodone"] }),
        withOpioids("f", { names: [], mmePerDay: 0 }),
        withOpioids("g", null),
        withOpioids("h", { names: ["buprenorphine"], mmePerDay: 0 }),
      ),
    );
    expect(code).toBe(3);
    const out = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.slice(0, 5).map((o) => [o.id, o.code, o.field])).toEqual([
      ["a", "invalid_argument", "opioids"],
      ["b", "invalid_argument", "opioids.names"],
      ["c", "invalid_argument", "opioids.names[1]"],
      ["d", "invalid_argument", "opioids.mmePerDay"],
      ["e", "invalid_argument", "opioids.mmePerDay"],
    ]);
    expect(out[3].error).toBe(
      "opioids.mmePerDay: must be the total morphine milligram equivalents a day, 0 or more (got -1)",
    );
    expect(out.slice(5).map((o) => [o.id, o.alerts.map((a: { code: string }) => a.code)])).toEqual([
      ["f", []],
      ["g", []],
      // An opioid with no MME factor is still an opioid.
      ["h", ["titrating-on-opioids"]],
    ]);
  });

  it("reads a file and lets --detector literal choose the rule", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ldn-assess-"));
    const file = join(dir, "patients.jsonl");
    writeFileSync(file, lines(patient("p1", [7, 7, 6, 6])));
    const { stdout } = await runCli(["assess", file, "--detector", "literal"]);
    expect(JSON.parse(stdout)).toMatchObject({ id: "p1", state: "window", detector: "literal" });
  });

  it("assesses 100,000 lines in one run", async () => {
    const one = JSON.stringify(patient("p", [7, 7, 4, 4, 4, 4])).replace('"id":"p"', '"id":"p#"');
    const input = Array.from({ length: 100_000 }, (_, i) => one.replace("p#", `p${i}`)).join("\n") + "\n";
    const { code, stdout } = await runCli(["assess"], input);
    expect(code).toBe(0);
    const out = stdout.trimEnd().split("\n");
    expect(out).toHaveLength(100_000);
    expect(JSON.parse(out[99_999]!)).toMatchObject({ line: 100_000, id: "p99999", state: "window" });
  }, 120_000);
});

describe("ldn assess with worker threads", () => {
  /** Enough lines (about 1.3 MB) for several batches, so the workers share them out. */
  const many = (count: number, bad: (i: number) => string | null = () => null) =>
    Array.from({ length: count }, (_, i) => {
      const replaced = bad(i);
      if (replaced !== null) return replaced;
      const pains = Array.from({ length: 2 + (i % 9) }, (_, d) => 7 - ((i + d) % 4));
      return JSON.stringify(patient(`p${i}`, pains));
    }).join("\n") + "\n";

  it("writes the answers in input order, the same as one thread does", async () => {
    const input = many(3000);
    const threads = await runCli(["assess", "--workers", "2"], input);
    const single = await runCli(["assess", "--workers", "0"], input);
    expect(threads.code).toBe(0);
    expect(threads.stdout).toBe(single.stdout);
    const lines = threads.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { line: number; id: string });
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 3000 }, (_, i) => i + 1));
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 3000 }, (_, i) => `p${i}`));
  }, 60_000);

  it("answers a bad line in the middle with its error line in place, blank lines counted, and exits 3", async () => {
    const badBaseline = JSON.stringify({ ...patient("p2000", [7, 7]), baseline: "seven" });
    const input = many(3000, (i) =>
      i === 1500 ? "{oops" : i === 1501 ? "" : i === 2000 ? badBaseline : null,
    );
    const { code, stdout } = await runCli(["assess", "--workers", "2"], input);
    expect(code).toBe(3);
    const out = stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(2999); // the blank line gives no answer
    expect(out[1499]).toMatchObject({ line: 1500, id: "p1499", state: "titrating" });
    expect(out[1500]).toEqual({
      line: 1501,
      code: "invalid_request",
      field: "line",
      error: expect.stringMatching(/^line: not JSON: /),
    });
    expect(out[1501]).toMatchObject({ line: 1503, id: "p1502" });
    const p2000 = out.find((o) => o.id === "p2000");
    expect(p2000).toMatchObject({ line: 2001, code: "invalid_argument", field: "baseline" });
    expect(out.at(-1)).toMatchObject({ line: 3000, id: "p2999" });
  }, 60_000);

  it("reads Windows line endings and a last line with no newline", async () => {
    const input = many(2000).replace(/\n/g, "\r\n").trimEnd();
    const { code, stdout } = await runCli(["assess", "--workers", "2"], input);
    expect(code).toBe(0);
    const out = stdout.trimEnd().split("\n");
    expect(out).toHaveLength(2000);
    expect(JSON.parse(out[1999]!)).toMatchObject({ line: 2000, id: "p1999" });
  }, 60_000);

  it("refuses a worker count that is not a whole number", async () => {
    const { code, stderr } = await runCli(["assess", "--workers", "two"], "");
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ldn: --workers: must be a whole number from 0 to 64/);
  });
});
