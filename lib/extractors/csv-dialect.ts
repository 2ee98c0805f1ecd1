// CSV dialects: parsing rows with csv-parse and guessing the separator from how consistently it splits lines.
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { extractionError } from "@/lib/extractors/extraction-error";
import { MAX_COLUMNS, SAMPLE_LINES } from "@/lib/extractors/limits";

export type Dialect = { separator: string; quotechar: string; doublequote: boolean };

export const SEPARATORS = [",", ";", "\t", "|"] as const;

type RowOptions = {
  /** 1-based physical line where rows start. */
  fromLine?: number;
  maxRows: number;
  /** The text is the head of a longer file: a quoted field left open at its end was cut, not broken. */
  truncated: boolean;
};

/** Rows of raw cells. Cells are kept verbatim (a leading `=` or `@` is data, never a formula). */
export function parseRows(text: string, dialect: Dialect, options: RowOptions): string[][] {
  const rows: string[][] = [];
  try {
    parse(text, {
      delimiter: dialect.separator,
      quote: dialect.quotechar === "" ? null : dialect.quotechar,
      // Without doubled quotes a quote inside a quoted field cannot be escaped at all.
      escape: dialect.doublequote && dialect.quotechar !== "" ? dialect.quotechar : null,
      from_line: options.fromLine ?? 1,
      to: options.maxRows,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[]) => {
        if (record.length > MAX_COLUMNS) throw extractionError("extractors.too_many_columns", { max: MAX_COLUMNS });
        rows.push(record);
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (!(options.truncated && error.code === "CSV_QUOTE_NOT_CLOSED")) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      throw extractionError("extractors.csv_error", { line, detail: error.message }, error);
    }
  }
  return rows;
}

/** The first lines of a text, for guessing. */
export function sampleLines(text: string, count: number = SAMPLE_LINES): string[] {
  const lines: string[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  while (lines.length < count) {
    const match = pattern.exec(text);
    if (!match) {
      if (start < text.length) lines.push(text.slice(start));
      break;
    }
    lines.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  return lines;
}

export type SeparatorScore = { separator: string; columns: number; consistency: number };

/**
 * How well each candidate splits the sample: the usual column count, and the share of rows that have it.
 * Parsing (rather than counting characters) keeps separators inside quoted values out of the count.
 */
export function scoreSeparators(sample: string, quotechar = '"'): SeparatorScore[] {
  return SEPARATORS.map((separator) => {
    let rows: string[][];
    try {
      rows = parseRows(sample, { separator, quotechar, doublequote: true }, { maxRows: SAMPLE_LINES, truncated: true });
    } catch {
      return { separator, columns: 0, consistency: 0 };
    }
    const frequency = new Map<number, number>();
    for (const row of rows) frequency.set(row.length, (frequency.get(row.length) ?? 0) + 1);
    let columns = 0;
    let best = 0;
    for (const [count, times] of frequency) if (times > best || (times === best && count > columns)) [columns, best] = [count, times];
    return { separator, columns, consistency: rows.length ? best / rows.length : 0 };
  }).sort((a, b) => {
    const [sa, sb] = [a.columns >= 2 ? a.consistency : 0, b.columns >= 2 ? b.consistency : 0];
    return sb - sa || b.columns - a.columns;
  });
}

/** The best separator for a sample; a comma when nothing splits it (a one-column file). */
export function guessSeparator(sample: string, quotechar = '"'): string {
  const [best] = scoreSeparators(sample, quotechar);
  return best && best.columns >= 2 && best.consistency > 0 ? best.separator : ",";
}

/** Whether the sample reads as a table: one separator gives most lines the same two or more columns. */
export function looksTabular(sample: string): boolean {
  const [best] = scoreSeparators(sample);
  return !!best && best.columns >= 2 && best.consistency >= 0.8;
}
