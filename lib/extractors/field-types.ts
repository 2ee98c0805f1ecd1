// Field types guessed from previewed values. Values are never converted: the type is for the field definition.
import type { FieldType } from "@/lib/extractors/types";

const INT = /^[-+]?(0|[1-9]\d*)$/;
const DOUBLE = /^[-+]?(\d+\.\d*|\.\d+|(0|[1-9]\d*))([eE][-+]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const GEO_POINT = /^\s*([-+]?\d{1,2}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)\s*$/;

function validDate(year: string, month: string, day: string): boolean {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The narrowest type a single text value fits. */
export function classifyText(value: string): FieldType {
  // Integers past 2^53 (long identifiers) would lose digits as numbers; leading zeros (postcodes) would lose them all.
  if (INT.test(value)) return Number.isSafeInteger(Number(value)) ? "int" : "text";
  if (DOUBLE.test(value) && Number.isFinite(Number(value))) return "double";
  if (/^(true|false)$/i.test(value)) return "boolean";
  const date = DATE.exec(value);
  if (date) return validDate(date[1]!, date[2]!, date[3]!) ? "date" : "text";
  const datetime = DATETIME.exec(value);
  if (datetime) return validDate(datetime[1]!, datetime[2]!, datetime[3]!) && Number(datetime[4]) < 24 && Number(datetime[5]) < 60 ? "datetime" : "text";
  const point = GEO_POINT.exec(value);
  // "1,2" is more often a French decimal than a position: ask for a decimal point in at least one coordinate.
  if (point && value.includes(".")) {
    const [lat, lon] = [Number(point[1]), Number(point[2])];
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return "geo_point_2d";
  }
  return "text";
}

const isGeometry = (value: object): boolean =>
  "type" in value && typeof value.type === "string" && ("coordinates" in value || "geometries" in value);

export function classifyValue(value: unknown): FieldType | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return classifyText(value);
  if (typeof value === "number") return Number.isSafeInteger(value) ? "int" : "double";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "object" && isGeometry(value)) return "geo_shape";
  return "text";
}

/** One type that fits every non-empty value: numbers widen to double, dates to datetime, anything else mixed is text. */
export function guessFieldType(values: Iterable<unknown>): FieldType {
  const kinds = new Set<FieldType>();
  for (const value of values) {
    const kind = classifyValue(value);
    if (kind) kinds.add(kind);
  }
  if (kinds.size === 0) return "text";
  if (kinds.size === 1) return [...kinds][0]!;
  if (kinds.size === 2 && kinds.has("int") && kinds.has("double")) return "double";
  if (kinds.size === 2 && kinds.has("date") && kinds.has("datetime")) return "datetime";
  return "text";
}
