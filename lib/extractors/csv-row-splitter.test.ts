import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { Dialect } from "@/lib/extractors/csv-dialect";
import { CsvRowSplitter, CsvSplitError } from "@/lib/extractors/csv-row-splitter";

/** What the preview reads (csv-parse with the options of csv-dialect.ts), or the error code. */
function csvParse(text: string, dialect: Dialect, fromLine: number): string[][] | string {
  try {
    return parse(text, {
      delimiter: dialect.separator,
      quote: dialect.quotechar === "" ? null : dialect.quotechar,
      escape: dialect.doublequote && dialect.quotechar !== "" ? dialect.quotechar : null,
      from_line: fromLine,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    return (error as { code: string }).code;
  }
}

/** The splitter fed in chunks of the given sizes (cycled). */
function split(text: string, dialect: Dialect, fromLine: number, sizes: number[]): string[][] | string {
  const splitter = new CsvRowSplitter(dialect, fromLine);
  const rows: string[][] = [];
  try {
    for (let at = 0, i = 0; at < text.length; i++) {
      const size = sizes[i % sizes.length]!;
      rows.push(...splitter.push(text.slice(at, at + size)));
      at += size;
    }
    rows.push(...splitter.push("", true));
    return rows;
  } catch (error) {
    if (error instanceof CsvSplitError) return "CSV_QUOTE_NOT_CLOSED";
    throw error;
  }
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

const COMMA: Dialect = { separator: ",", quotechar: '"', doublequote: true };

describe("CsvRowSplitter", () => {
  it("reads quoted values, doubled quotes, line breaks inside quotes and CRLF", () => {
    const text = 'a,b\r\n"x, y","say ""hi"""\r\n"multi\r\nline",2\r\n';
    expect(split(text, COMMA, 1, [3])).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["multi\r\nline", "2"],
    ]);
  });

  it("keeps stray quotes as text, skips empty lines and the lines above the first row", () => {
    const text = 'Title line\n\nh1;h2\n"12" screen;x"y\n\n"";\n';
    expect(split(text, { separator: ";", quotechar: '"', doublequote: true }, 3, [1000])).toEqual([
      ["h1", "h2"],
      ['"12" screen', 'x"y'],
      ["", ""],
    ]);
  });

  it("fails on a quote left open at the end", () => {
    expect(split('a,b\n"open,2\n', COMMA, 1, [4])).toBe("CSV_QUOTE_NOT_CLOSED");
  });

  it("reads random text as csv-parse does, in any chunking", () => {
    const alphabet = ['"', '"', ",", ";", "\n", "\r", "\r\n", "a", "b", " ", "é", "'"];
    const dialects: Dialect[] = [
      COMMA,
      { separator: ";", quotechar: '"', doublequote: true },
      { separator: ",", quotechar: '"', doublequote: false },
      { separator: ",", quotechar: "'", doublequote: true },
      { separator: ",", quotechar: "", doublequote: true },
    ];
    const next = random(42);
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
    for (let n = 0; n < 20_000; n++) {
      const length = Math.floor(next() * 30);
      let text = next() < 0.05 ? "\ufeff" : "";
      for (let i = 0; i < length; i++) text += pick(alphabet);
      const dialect = pick(dialects);
      const fromLine = next() < 0.7 ? 1 : 1 + Math.floor(next() * 3);
      const expected = csvParse(text, dialect, fromLine);
      const sizes = [1 + Math.floor(next() * 7), 1 + Math.floor(next() * 7)];
      expect({ text, dialect, fromLine, sizes, rows: split(text, dialect, fromLine, sizes) }).toEqual({ text, dialect, fromLine, sizes, rows: expected });
    }
  });
});
