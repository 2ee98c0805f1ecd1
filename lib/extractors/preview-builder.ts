// From extracted cells to a preview: named, typed fields and records keyed by field name.
import { extractionError } from "@/lib/extractors/extraction-error";
import { FieldNamer, generatedName } from "@/lib/extractors/field-names";
import { guessFieldType } from "@/lib/extractors/field-types";
import { MAX_COLUMNS } from "@/lib/extractors/limits";
import type { FieldType, PreviewField, ResourcePreview } from "@/lib/extractors/types";

/** One column of the preview: its header text and one value per record. */
export type Column = { header: string | null; values: unknown[]; type?: FieldType };

export function assertColumnCount(count: number): void {
  if (count > MAX_COLUMNS) throw extractionError("extractors.too_many_columns", { max: MAX_COLUMNS });
}

export function buildPreview(columns: Column[], recordCount: number): ResourcePreview {
  assertColumnCount(columns.length);
  const namer = new FieldNamer();
  const fields: PreviewField[] = columns.map((column, index) => {
    const header = column.header ?? "";
    const name = namer.name(header, index);
    return {
      name,
      label: header.trim() || generatedName(index),
      type: column.type ?? guessFieldType(column.values),
      original_name: column.header ?? generatedName(index),
      description: null,
      annotations: [],
    };
  });
  const records = Array.from({ length: recordCount }, (_, row) => {
    const record: Record<string, unknown> = {};
    fields.forEach((field, index) => {
      record[field.name] = columns[index]!.values[row] ?? null;
    });
    return record;
  });
  return { fields, records };
}

/**
 * Rows of text cells (CSV, XLSX). Short rows are padded with null; cells past the header become extra
 * `column_<n>` fields, so a ragged file still previews. Empty cells are null.
 */
export function tabularPreview(rows: (string | null)[][], headersFirstRow: boolean): ResourcePreview {
  const header = headersFirstRow ? (rows[0] ?? []) : [];
  const data = headersFirstRow ? rows.slice(1) : rows;
  const width = Math.max(header.length, ...data.map((row) => row.length));
  assertColumnCount(width);
  const columns: Column[] = Array.from({ length: width }, (_, index) => ({
    header: index < header.length ? (header[index] ?? "") : null,
    values: data.map((row) => {
      const cell = row[index];
      return cell === undefined || cell === "" ? null : cell;
    }),
  }));
  return buildPreview(columns, data.length);
}

/** Structured values stay readable as one text cell: the field types have no JSON object type. */
const flatten = (value: unknown): unknown => (value !== null && typeof value === "object" ? JSON.stringify(value) : value);

/**
 * Records that are JSON objects (JSON, GeoJSON properties). Fields are the union of keys in order of first
 * appearance; `leading` columns (GeoJSON geometry) come first and keep their values as they are.
 */
export function objectPreview(items: unknown[], leading: Column[] = []): ResourcePreview {
  const byKey = new Map<string, Column>();
  items.forEach((item, row) => {
    const entries = item !== null && typeof item === "object" && !Array.isArray(item) ? Object.entries(item) : [["value", item] as const];
    for (const [key, value] of entries) {
      let column = byKey.get(key);
      if (!column) {
        assertColumnCount(leading.length + byKey.size + 1);
        column = { header: key, values: new Array<unknown>(items.length).fill(null) };
        byKey.set(key, column);
      }
      column.values[row] = flatten(value);
    }
  });
  return buildPreview([...leading, ...byKey.values()], items.length);
}
