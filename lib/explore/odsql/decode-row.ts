// Database values → Explore JSON, by output column type. The drivers differ: SQLite answers booleans
// as 0/1, node-postgres answers BIGINT as text; stored JSON and `lat,lon` points are text in both.
import type { OutputColumn } from "./compile-query";
import { isUtc, zonedIso } from "./time-zone";

/** `timeZone`: the request's canonical zone; datetimes are rendered with its offset, UTC ones as stored. */
export function decodeValue(value: unknown, column: Pick<OutputColumn, "type" | "multivalued">, timeZone?: string): unknown {
  if (value === null || value === undefined) return null;
  if (column.multivalued) return typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  switch (column.type) {
    case "boolean":
      return value === true || value === 1 || value === "1" || value === "t" || value === "true" || value === 1n;
    case "int":
    case "double":
    case "number":
      return typeof value === "number" ? value : Number(value);
    case "geo_point_2d": {
      const [lat, lon] = String(value).split(",").map(Number);
      return { lat, lon };
    }
    case "datetime":
      return typeof value === "string" && timeZone !== undefined && !isUtc(timeZone) ? zonedIso(value, timeZone) : value;
    case "geo_shape":
    case "json":
      return typeof value === "string" ? (JSON.parse(value) as unknown) : value;
    default:
      return typeof value === "bigint" ? Number(value) : value;
  }
}

/** A row as an object keyed by column alias (o0, o1…) → `{ label: value }` in select order. */
export function decodeRow(row: Record<string, unknown>, columns: OutputColumn[], timeZone?: string): Record<string, unknown> {
  return Object.fromEntries(columns.map((column) => [column.key, decodeValue(row[column.alias], column, timeZone)]));
}
