import "server-only";
// Dataset exports (API-CONTRACT.md §5.5–5.6): every matching record, streamed batch by batch from the records
// store, so that an export of any size holds one batch in memory.
import { exploredDataset, odsqlFields, type Viewer } from "@/lib/explore/catalog";
import { csvCell } from "@/lib/explore/csv-cell";
import { compileRecordsQuery, decodeRow } from "@/lib/explore/odsql";
import { invalidParameter, odsql, timeZoneOf } from "@/lib/explore/records";
import type { DatasetExportFormat, ExploreQuery } from "@/lib/explore/schema";
import { store } from "@/lib/store/store";

const BATCH = 1000;
const DELIMITERS = new Set([";", ",", "\t", "|"]);
const CONTENT_TYPES: Record<DatasetExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  jsonl: "application/jsonl; charset=utf-8",
  geojson: "application/geo+json; charset=utf-8",
};

const flag = (raw: string | undefined, fallback: boolean) => (raw === undefined ? fallback : raw === "true" || raw === "1");

function geometryOf(record: Record<string, unknown>, shapeField: string | undefined, pointField: string | undefined): unknown {
  if (shapeField && record[shapeField]) return record[shapeField];
  const point = pointField ? (record[pointField] as { lat: number; lon: number } | null) : null;
  return point ? { type: "Point", coordinates: [point.lon, point.lat] } : null;
}

export async function exportRecords(viewer: Viewer, dataset_id: string, format: DatasetExportFormat, query: ExploreQuery): Promise<Response> {
  const dataset = await exploredDataset(viewer, dataset_id);
  const limit = query.limit === undefined ? -1 : Number(query.limit);
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  if (!Number.isInteger(limit) || limit < -1) throw invalidParameter(`Invalid value for limit API parameter: "${query.limit}".`);
  if (!Number.isInteger(offset) || offset < 0) throw invalidParameter(`Invalid value for offset API parameter: "${query.offset}".`);
  const timeZone = timeZoneOf(query.timezone);
  const delimiter = query.delimiter ?? ";";
  if (!DELIMITERS.has(delimiter)) throw invalidParameter(`Invalid value for delimiter API parameter: "${delimiter}" (expected one of ; , | or a tab).`);
  const records = store().records;
  const table = dataset.records_table;
  const compiled = table
    ? await odsql(async () =>
        compileRecordsQuery(
          { select: query.select, where: query.where, group_by: query.group_by, order_by: query.order_by, refine: query.refine, exclude: query.exclude, security: dataset.security, timeZone, limit, offset },
          odsqlFields(dataset),
          records.dialect,
          records.sqlName(table),
        ),
      )
    : null;
  const keys = compiled ? compiled.columns.map((c) => c.key).filter((k) => format !== "csv" || k !== "_id") : [];
  const labels = new Map(dataset.fields.map((f) => [f.name, f.label]));
  const shapeField = dataset.fields.find((f) => f.type === "geo_shape")?.name;
  const pointField = dataset.fields.find((f) => f.type === "geo_point_2d")?.name;
  const cellOptions = { delimiter, quoteAll: flag(query.quote_all, false), listSeparator: query.list_separator ?? "," };

  async function* chunks(): AsyncGenerator<string> {
    let first = true;
    if (format === "csv") {
      const header = keys.map((k) => csvCell(flag(query.use_labels, false) ? (labels.get(k) ?? k) : k, cellOptions)).join(delimiter);
      yield `${flag(query.with_bom, true) ? "\ufeff" : ""}${header}\r\n`;
    } else if (format === "json") yield "[";
    else if (format === "geojson") yield '{"type":"FeatureCollection","features":[';
    if (compiled && table) {
      for await (const batch of records.stream(table, compiled.sql, compiled.params, BATCH)) {
        let out = "";
        for (const row of batch) {
          const record = decodeRow(row, compiled.columns, timeZone);
          if (format === "csv") out += keys.map((k) => csvCell(record[k], cellOptions)).join(delimiter) + "\r\n";
          else if (format === "jsonl") out += JSON.stringify(record) + "\n";
          else {
            const item = format === "json" ? record : { type: "Feature", geometry: geometryOf(record, shapeField, pointField), properties: record };
            out += (first ? "" : ",") + JSON.stringify(item);
            first = false;
          }
        }
        yield out;
      }
    }
    if (format === "json") yield "]";
    else if (format === "geojson") yield "]}";
  }

  const encoder = new TextEncoder();
  const iterator = chunks();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${dataset.dataset_id}.${format}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
