// CSV rows from text that arrives in chunks, for publishing whole files. csv-parse, which the preview uses, reads
// ~14 MiB/s, a quarter of a 1M-row publish; this splitter finds separators and line breaks with indexOf and is
// several times faster. It reads the dialect the way csv-parse does with the options the preview gives it
// (csv-dialect.ts: relax_quotes, relax_column_count, skip_empty_lines, from_line), malformed quotes included, so
// the published records are the rows the preview showed; csv-row-splitter.test.ts compares the two on random
// input. papaparse was the other candidate (~4× csv-parse too), but it recovers from a stray closing quote by
// looking for the next one, merging the following lines into one value where csv-parse keeps the text as is.
import type { Dialect } from "@/lib/extractors/csv-dialect";

/** A quoted value still open at the end of the file; `lines` is the line its row starts on. */
export class CsvSplitError extends Error {
  constructor(
    message: string,
    readonly lines: number,
  ) {
    super(message);
  }
}

/** The row needs text that has not arrived yet (distinct from indexOf's -1). */
const INCOMPLETE = -3;

const breaksIn = (text: string) => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
};

export class CsvRowSplitter {
  private readonly separator: string;
  private readonly quote: string | null;
  private readonly doubled: boolean;
  /** "\r\n", "\n" or "\r": the first line break met outside a quoted value decides, as in csv-parse. */
  private newline: string | null = null;
  private pending = "";
  /** An incomplete row is parsed again only once its text has doubled, so that a huge value stays linear. */
  private retryAt = 0;
  /** Lines above `firstLine` are read as rows and dropped, exactly as csv-parse's from_line does. */
  private readonly firstLine: number;
  private skipping: boolean;
  private started = false;
  /** 1-based line of the next row, counted as csv-parse does (every "\r" and "\n" but a "\r\n" ending a row). */
  private line = 1;

  /** `firstLine`: the 1-based line rows start on; the rows above it are dropped (from_line). */
  constructor(dialect: Dialect, firstLine = 1) {
    this.separator = dialect.separator;
    this.quote = dialect.quotechar === "" ? null : dialect.quotechar;
    this.doubled = dialect.doublequote && this.quote !== null;
    this.firstLine = firstLine;
    this.skipping = firstLine > 1;
  }

  /** The rows complete so far; `end` says that no more text follows, so that the last row is complete too. */
  push(chunk: string, end = false): string[][] {
    let text = this.pending + chunk;
    this.pending = "";
    if (!this.started && text !== "") {
      this.started = true;
      // A BOM the decoder left (csv-parse's `bom` option).
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!end && text.length < this.retryAt) {
      this.pending = text;
      return [];
    }
    const rows: string[][] = [];
    const pos = this.parse(text, end, rows);
    this.pending = pos < text.length ? text.slice(pos) : "";
    this.retryAt = this.pending.length * 2;
    return rows;
  }

  /**
   * Length of the line break at `at` (0 for none); INCOMPLETE when the text ends too early to tell. Decides the
   * file's line break on the first one.
   */
  private breakAt(text: string, at: number, end: boolean): number {
    const c = text[at];
    if (c !== "\r" && c !== "\n") return 0;
    if (this.newline === null) {
      if (c === "\r" && at + 1 === text.length && !end) return INCOMPLETE;
      this.newline = c === "\r" && text[at + 1] === "\n" ? "\r\n" : c;
    }
    if (this.newline.length === 2) {
      if (c !== "\r") return 0;
      if (at + 1 === text.length) return end ? 0 : INCOMPLETE;
      return text[at + 1] === "\n" ? 2 : 0;
    }
    return c === this.newline ? 1 : 0;
  }

  /** The next line break at or after `from`, or -1 (INCOMPLETE when the text ends too early to tell). */
  private nextBreak(text: string, from: number, end: boolean): number {
    for (;;) {
      let at: number;
      if (this.newline === null) {
        // Not decided here: this break may sit inside a quoted value further on, which csv-parse would not look at.
        const lf = text.indexOf("\n", from);
        const cr = text.indexOf("\r", from);
        at = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
        return at !== -1 && text[at] === "\r" && at + 1 === text.length && !end ? INCOMPLETE : at;
      } else {
        at = text.indexOf(this.newline.length === 2 ? "\r\n" : this.newline, from);
        // "\r\n" split between two chunks.
        if (at === -1 && this.newline.length === 2 && !end && text.endsWith("\r")) return INCOMPLETE;
      }
      if (at === -1) return -1;
      const length = this.breakAt(text, at, end);
      if (length === INCOMPLETE) return INCOMPLETE;
      if (length > 0) return at;
      from = at + 1;
    }
  }

  /**
   * A row read up to `breakAt` (its line break, or the end of the text for the last row). Rows above the first
   * line are dropped: csv-parse starts at the line break that reaches it, dropping the row it ends.
   */
  private complete(row: string[], text: string, start: number, breakAt: number, quoted: boolean, multiline: boolean, rows: string[][]): void {
    if (this.skipping) {
      // Every "\r" and "\n" within the row counts, as csv-parse's line count goes character by character.
      let lines = 0;
      for (let i = start; i < breakAt; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) lines++;
      }
      this.line += lines + 1;
      if (breakAt < text.length && this.line >= this.firstLine) this.skipping = false;
      return;
    }
    this.line += 1 + (multiline ? breaksIn(text.slice(start, breakAt)) : 0);
    // An empty line (not even an empty quoted value) is no row (skip_empty_lines).
    if (!(row.length === 1 && row[0] === "" && !quoted)) rows.push(row);
  }

  /** Pushes the complete rows of `text` onto `rows`; returns where the first incomplete one starts. */
  private parse(text: string, end: boolean, rows: string[][]): number {
    const { separator, quote, doubled } = this;
    const length = text.length;
    let start = 0;
    // Positions of the next separator and line break, kept across values: a column without separators must not
    // be scanned again for every row.
    let sepAt = -2;
    let breakAt = -2;
    rows: while (start < length) {
      const row: string[] = [];
      let pos = start;
      let quoted = false;
      let multiline = false;
      for (;;) {
        // One value, from `pos`.
        let prefix = "";
        if (quote !== null && text[pos] === quote) {
          quoted = true;
          let from = pos + 1;
          let q = from;
          let value = "";
          for (;;) {
            q = text.indexOf(quote, q);
            if (q === -1) {
              if (!end) break rows;
              throw new CsvSplitError(`Quote Not Closed: the parsing is finished with an opening quote at line ${this.line}`, this.line);
            }
            if (q + 1 === length && !end) break rows;
            if (doubled && text[q + 1] === quote) {
              value += text.slice(from, q + 1);
              q += 2;
              from = q;
              continue;
            }
            const after = q + 1;
            const lineBreak = after < length ? this.breakAt(text, after, end) : 0;
            if (lineBreak === INCOMPLETE) break rows;
            value += text.slice(from, q);
            if (!multiline && (value.includes("\n") || value.includes("\r"))) multiline = true;
            if (after === length || lineBreak > 0) {
              row.push(value);
              this.complete(row, text, start, after, true, multiline, rows);
              start = after + lineBreak;
              continue rows;
            }
            if (text[after] === separator) {
              row.push(value);
              pos = after + 1;
              break;
            }
            // A quote followed by anything else closes nothing (relax_quotes): the value goes on unquoted, with
            // its quotes.
            prefix = quote + value + quote;
            pos = after;
            break;
          }
          if (prefix === "") continue;
        }
        // An unquoted value (or the rest of one): up to the next separator or line break.
        if (sepAt !== -1 && sepAt < pos) sepAt = text.indexOf(separator, pos);
        if (breakAt !== -1 && breakAt < pos) {
          breakAt = this.nextBreak(text, pos, end);
          if (breakAt === INCOMPLETE) break rows;
        }
        if (sepAt !== -1 && (breakAt === -1 || sepAt < breakAt)) {
          row.push(prefix + text.slice(pos, sepAt));
          pos = sepAt + 1;
          continue;
        }
        if (breakAt === -1) {
          if (!end) break rows;
          // The last line, without a line break.
          row.push(prefix + text.slice(pos));
          this.complete(row, text, start, length, quoted, multiline, rows);
          start = length;
          continue rows;
        }
        row.push(prefix + text.slice(pos, breakAt));
        this.complete(row, text, start, breakAt, quoted, multiline, rows);
        start = breakAt + this.breakAt(text, breakAt, end);
        continue rows;
      }
    }
    return start;
  }
}
