// CSV files: parameters guessed from the head of the file, and previews built from it alone.
import { parseRows, guessSeparator, sampleLines, type Dialect } from "@/lib/extractors/csv-dialect";
import { decodeHead, detectEncoding } from "@/lib/extractors/encoding";
import { extractionError } from "@/lib/extractors/extraction-error";
import { readHead } from "@/lib/extractors/head";
import { HEAD_BYTES, SAMPLE_LINES, formatMiB } from "@/lib/extractors/limits";
import { tabularPreview } from "@/lib/extractors/preview-builder";
import { guessFirstRowIndex, guessHeadersFirstRow } from "@/lib/extractors/table-guess";
import type { CsvParams, ResourcePreview, SourceFile } from "@/lib/extractors/types";

type HeadText = { text: string; truncated: boolean };

async function readText(file: SourceFile, encoding: string | undefined): Promise<HeadText & { encoding: string }> {
  const head = await readHead(file);
  const chosen = encoding ?? detectEncoding(head.bytes, head.truncated);
  const text = decodeHead(head, chosen, { explicit: encoding !== undefined, wholeLines: true });
  if (head.truncated && text === "") throw extractionError("extractors.line_too_long", { size: formatMiB(HEAD_BYTES) });
  if (head.truncated && text.trim() === "") throw extractionError("extractors.no_data_in_head", { size: formatMiB(HEAD_BYTES) });
  return { text, truncated: head.truncated, encoding: chosen };
}

function guessFromText(head: HeadText, encoding: string, given: Partial<CsvParams>): CsvParams {
  const quotechar = given.quotechar ?? '"';
  const doublequote = given.doublequote ?? true;
  const lines = sampleLines(head.text);
  const separator = given.separator ?? guessSeparator(lines.join("\n"), quotechar);
  const dialect: Dialect = { separator, quotechar, doublequote };
  let firstRow = given.first_row_no;
  if (firstRow === undefined) {
    // One line at a time: a title line above the table must not be merged with what follows by an open quote.
    const lineRows = lines.map((line) => {
      try {
        return parseRows(line, dialect, { maxRows: 1, truncated: true })[0] ?? [];
      } catch {
        return [line];
      }
    });
    firstRow = guessFirstRowIndex(lineRows) + 1;
  }
  const headers =
    given.headers_first_row ?? guessHeadersFirstRow(parseRows(head.text, dialect, { fromLine: firstRow, maxRows: SAMPLE_LINES, truncated: true }));
  return { separator, encoding, doublequote, quotechar, headers_first_row: headers, first_row_no: firstRow };
}

export async function guessCsvParams(file: SourceFile, given: Partial<CsvParams> = {}): Promise<CsvParams> {
  const head = await readText(file, given.encoding);
  return guessFromText(head, head.encoding, given);
}

export async function previewCsv(file: SourceFile, given: Partial<CsvParams>, limit: number): Promise<ResourcePreview> {
  const head = await readText(file, given.encoding);
  const params = guessFromText(head, head.encoding, given);
  const rows = parseRows(head.text, params, {
    fromLine: params.first_row_no,
    maxRows: limit + (params.headers_first_row ? 1 : 0),
    truncated: head.truncated,
  });
  // Nothing complete from the first row on within the head: that row alone is longer than the budget.
  if (rows.length === 0 && head.truncated) throw extractionError("extractors.line_too_long", { size: formatMiB(HEAD_BYTES) });
  return tabularPreview(rows, params.headers_first_row);
}
