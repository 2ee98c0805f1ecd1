// Every record of a resource, in batches, for publishing: the same extraction as the preview (same parameters,
// same field names from the preview's schema), but over the whole file. CSV and JSON Lines are streamed with
// constant memory (CSV rows by csv-row-splitter.ts, which reads them as the preview's csv-parse does); JSON
// documents, GeoJSON and XLSX are read whole, within a size cap, because their records only make sense once the
// enclosing structure is known.
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Transform } from "node:stream";
import { createInterface } from "node:readline";
import iconv from "iconv-lite";
import { CsvRowSplitter, CsvSplitError } from "@/lib/extractors/csv-row-splitter";
import { extractionError } from "@/lib/extractors/extraction-error";
import { representativePoint } from "@/lib/extractors/geojson-extractor";
import { findRecordsPath, resolvePath } from "@/lib/extractors/json-extractor";
import { MAX_COLUMNS } from "@/lib/extractors/limits";
import type { CsvParams, ExtractorType, GeojsonParams, JsonParams, PreviewField, SourceFile, XlsxParams } from "@/lib/extractors/types";
import { readSheetRows } from "@/lib/extractors/xlsx-sheet";
import { readWorkbook } from "@/lib/extractors/xlsx-workbook";
import { closeZip, openZip } from "@/lib/extractors/zip-reader";

export type RawRecord = Record<string, unknown>;
export type RecordBatch = { records: RawRecord[]; bytes_done: number };

/** Documents read whole (JSON, GeoJSON) are refused above this size: stream them as JSON Lines instead. */
export const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;
// Small batches: the records of a batch stay alive through the whole pipeline (processors, mapping, insert), and
// with 2,000 they outgrew V8's young generation, so that copying survivors took ~40% of a publish (measured: 1M rows
// processed in 19 s with 2,000, 10 s with 250).
const BATCH = 250;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);
const flatten = (value: unknown): unknown => (value !== null && typeof value === "object" ? JSON.stringify(value) : value);

/** Cells in column order → a record keyed by the preview's field names; cells beyond the schema are dropped. */
function rowToRecord(cells: (string | null | undefined)[], fields: PreviewField[]): RawRecord {
  const record: RawRecord = {};
  for (let i = 0; i < fields.length; i++) {
    const cell = cells[i];
    record[fields[i]!.name] = cell === undefined || cell === "" ? null : cell;
  }
  return record;
}

/** Object keys → the preview's field names (which may have been de-duplicated or cleaned from the original keys). */
function objectToRecord(item: unknown, fields: PreviewField[], leading: RawRecord = {}): RawRecord {
  const source = isObject(item) ? item : { value: item };
  const record: RawRecord = {};
  for (const field of fields) {
    const key = field.original_name ?? field.name;
    record[field.name] = Object.hasOwn(leading, key) ? leading[key] : Object.hasOwn(source, key) ? flatten(source[key]) : null;
  }
  return record;
}

async function* csvRecords(file: SourceFile, params: CsvParams, fields: PreviewField[]): AsyncGenerator<RecordBatch> {
  // The default 64 KiB reads: from 256 KiB on, splitting got 3× slower (measured; strings that large live in V8's
  // large-object space).
  const input = createReadStream(file.path);
  let bytes = 0;
  input.on("data", (chunk) => (bytes += chunk.length));
  const text = input.pipe(iconv.decodeStream(params.encoding)) as unknown as Transform;
  input.on("error", (error) => text.destroy(error));
  const splitter = new CsvRowSplitter(params, params.first_row_no);
  let skipHeader = params.headers_first_row;
  let batch: RawRecord[] = [];
  const add = (rows: string[][]) => {
    for (const row of rows) {
      if (skipHeader) {
        skipHeader = false;
        continue;
      }
      if (row.length > MAX_COLUMNS) throw extractionError("extractors.too_many_columns", { max: MAX_COLUMNS });
      batch.push(rowToRecord(row, fields));
    }
  };
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      add(splitter.push(chunk));
      if (batch.length >= BATCH) {
        let start = 0;
        for (; batch.length - start >= BATCH; start += BATCH) yield { records: batch.slice(start, start + BATCH), bytes_done: bytes };
        batch = batch.slice(start);
      }
    }
    add(splitter.push("", true));
  } catch (error) {
    if (error instanceof CsvSplitError) throw extractionError("extractors.csv_error", { line: error.lines, detail: error.message }, error);
    throw error;
  } finally {
    input.destroy();
  }
  for (let start = 0; start < batch.length || start === 0; start += BATCH) yield { records: batch.slice(start, start + BATCH), bytes_done: bytes };
}

async function* jsonLinesRecords(file: SourceFile, params: JsonParams, fields: PreviewField[]): AsyncGenerator<RecordBatch> {
  const input = createReadStream(file.path);
  let bytes = 0;
  input.on("data", (chunk) => (bytes += chunk.length));
  const lines = createInterface({ input: input.pipe(iconv.decodeStream(params.encoding)), crlfDelay: Infinity });
  let batch: RawRecord[] = [];
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw extractionError("extractors.csv_error", { line: lineNo, detail: error instanceof Error ? error.message : String(error) });
      }
      const items = params.json_root === "" ? [value] : [resolvePath(value, params.json_root)].flat();
      for (const item of items) if (item !== undefined) batch.push(objectToRecord(item, fields));
      if (batch.length >= BATCH) {
        yield { records: batch, bytes_done: bytes };
        batch = [];
      }
    }
  } finally {
    input.destroy();
  }
  yield { records: batch, bytes_done: bytes };
}

async function readDocument(file: SourceFile, encoding: string): Promise<unknown> {
  if (file.size > MAX_DOCUMENT_BYTES) throw extractionError("extractors.record_too_large", { size: String(MAX_DOCUMENT_BYTES / 1048576) });
  const text = iconv.decode(await readFile(file.path), encoding);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    throw extractionError("extractors.csv_error", { line: 0, detail: error instanceof Error ? error.message : String(error) });
  }
}

function* inBatches(items: unknown[], toRecord: (item: unknown) => RawRecord, size: number): Generator<RecordBatch> {
  for (let start = 0; start < items.length || start === 0; start += BATCH) {
    const records = items.slice(start, start + BATCH).map(toRecord);
    yield { records, bytes_done: Math.round((size * Math.min(items.length, start + BATCH)) / Math.max(items.length, 1)) };
    if (items.length === 0) break;
  }
}

async function* jsonDocumentRecords(file: SourceFile, params: JsonParams, fields: PreviewField[]): AsyncGenerator<RecordBatch> {
  const root = await readDocument(file, params.encoding);
  const path = params.json_root === "" && !Array.isArray(root) ? (findRecordsPath(root) ?? "") : params.json_root;
  const node = resolvePath(root, path);
  if (!Array.isArray(node)) throw extractionError("extractors.json_root_not_found", { path });
  yield* inBatches(node, (item) => objectToRecord(item, fields), file.size);
}

async function* geojsonRecords(file: SourceFile, params: GeojsonParams, fields: PreviewField[]): AsyncGenerator<RecordBatch> {
  const root = await readDocument(file, params.encoding);
  if (!isObject(root)) throw extractionError("extractors.geojson_not_collection", { type: Array.isArray(root) ? "array" : typeof root });
  const features = root.type === "Feature" ? [root] : Array.isArray(root.features) ? root.features : null;
  if (!features) throw extractionError("extractors.json_root_not_found", { path: "features" });
  yield* inBatches(
    features,
    (feature) => {
      const geometry = isObject(feature) && isObject(feature.geometry) ? feature.geometry : null;
      const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
      return objectToRecord(properties, fields, { geo_point_2d: representativePoint(geometry), geo_shape: geometry });
    },
    file.size,
  );
}

async function* xlsxRecords(file: SourceFile, params: XlsxParams, fields: PreviewField[]): AsyncGenerator<RecordBatch> {
  const zip = await openZip(file.path);
  try {
    const workbook = await readWorkbook(zip);
    const sheet = workbook.sheets.find((s) => s.name === params.sheet) ?? workbook.sheets[0];
    if (!sheet) throw extractionError("extractors.xlsx_no_sheets");
    const rows = await readSheetRows(zip, workbook, sheet, { fromRow: params.first_row_no, maxRows: Number.MAX_SAFE_INTEGER });
    const data = params.headers_first_row ? rows.slice(1) : rows;
    yield* inBatches(data, (row) => rowToRecord((row as { cells: (string | null)[] }).cells, fields), file.size);
  } finally {
    closeZip(zip);
  }
}

/**
 * The records of a whole file with complete parameters (as saved on the resource, guessed ones filled in) and
 * the fields of its preview. Batches carry how many bytes of the file have been read so far.
 */
export function streamRecords(file: SourceFile, type: ExtractorType, params: Record<string, unknown>, fields: PreviewField[]): AsyncGenerator<RecordBatch> {
  switch (type) {
    case "csvfile":
      return csvRecords(file, params as CsvParams, fields);
    case "jsonfile":
      return (params as JsonParams).json_lines ? jsonLinesRecords(file, params as JsonParams, fields) : jsonDocumentRecords(file, params as JsonParams, fields);
    case "geojsonfile":
      return geojsonRecords(file, params as GeojsonParams, fields);
    case "xlsxfile":
      return xlsxRecords(file, params as XlsxParams, fields);
  }
}
