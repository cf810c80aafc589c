import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../domain/errors.ts";
import { streamCohortCsv } from "./cohort-csv.ts";

const dir = mkdtempSync(join(tmpdir(), "ldn-cohort-csv-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function read(path: string) {
  const rows: { line: number; cells: readonly string[] }[] = [];
  let header: readonly string[] = [];
  await streamCohortCsv(path, {
    header: (h) => (header = h),
    row: (line, cells) => rows.push({ line, cells }),
  });
  return { header, rows };
}

describe("streamCohortCsv", () => {
  it("hands on the header, then each row with the line it ends on, across quoted newlines and blank lines", async () => {
    const path = file(
      "quoted.csv",
      '\uFEFFid, note\nP1,"one, two"\n\nP2,"first line\nsecond line"\nP3, spaced \n',
    );
    const { header, rows } = await read(path);
    expect(header).toEqual(["id", "note"]);
    expect(rows).toEqual([
      { line: 2, cells: ["P1", "one, two"] },
      { line: 5, cells: ["P2", "first line\nsecond line"] },
      { line: 6, cells: ["P3", "spaced"] },
    ]);
  });

  it("numbers rows as csv-parse's own info option does, across CRLF, quoted newlines, blank lines and chunk edges", async () => {
    const cells = ["a", "", "b c", '"x,y"', '"one\ntwo"', '"say ""hi"""', '"\r\n"', " d "];
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const lines = ["id,note,more"];
    for (let i = 0; i < 20_000; i++) {
      if (pick() % 13 === 0) lines.push("");
      lines.push(`P${i},${cells[pick() % cells.length]},${cells[pick() % cells.length]}`);
    }
    const text = lines.join(pick() % 2 === 0 ? "\r\n" : "\n") + "\n";
    const expected = (
      parse(text, { info: true, bom: true, trim: true, skip_empty_lines: true }) as unknown as {
        info: { lines: number };
        record: string[];
      }[]
    )
      .slice(1)
      .map((r) => ({ line: r.info.lines, cells: r.record }));
    const { rows } = await read(file("mixed.csv", text));
    expect(rows).toEqual(expected);
  });

  it("streams a file of 200,000 rows in order, each with its line", async () => {
    const lines = ["id,value"];
    for (let i = 0; i < 200_000; i++) lines.push(`P${i},${i % 10}`);
    const path = file("large.csv", lines.join("\n") + "\n");
    let count = 0;
    await streamCohortCsv(path, {
      header: () => undefined,
      row: (line, cells) => {
        if (line !== count + 2 || cells[0] !== `P${count}`) throw new Error(`row ${count} at line ${line}`);
        count++;
      },
    });
    expect(count).toBe(200_000);
  });

  it("names the line of a CSV error, the missing file, and the empty file", async () => {
    await expect(read(file("bad.csv", 'id,note\nP1,"open\n'))).rejects.toThrow(/bad\.csv: line \d+: /);
    await expect(read(join(dir, "nope.csv"))).rejects.toThrow(/nope\.csv: cannot read the file \(ENOENT\)/);
    await expect(read(file("empty.csv", "\n\n"))).rejects.toThrow(/empty\.csv: the file is empty/);
  });

  it("passes on an error thrown by the visitor and stops reading", async () => {
    const path = file("stop.csv", "id\nP1\nP2\n");
    let rows = 0;
    const error = new DomainError("invalid_argument", "header: required columns missing", {});
    await expect(
      streamCohortCsv(path, {
        header: () => {
          throw error;
        },
        row: () => rows++,
      }),
    ).rejects.toBe(error);
    expect(rows).toBe(0);
  });
});
