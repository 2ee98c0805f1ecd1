// One record value converted to its field's type, as the published records hold it. Every conversion accepts
// its own output, so values that are already typed (JSON numbers, earlier conversions) pass unchanged.
import type { FieldType } from "@/lib/extractors/types";
import { toDate, toDatetime } from "@/lib/fields/convert-dates";

export type Converted = { ok: true; value: unknown } | { ok: false };

/**
 * What `toFieldValue` returns for a value that does not convert. A sentinel rather than a `Converted` object per
 * value: a publish converts tens of millions of values, and those objects were a good part of its GC time.
 */
export const NOT_CONVERTED: unique symbol = Symbol("not converted");

const INT = /^[-+]?\d+$/;
// A decimal point only: "1,5" is refused rather than guessed (a thousands separator or a French decimal?).
const DOUBLE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const GEO_POINT = /^([-+]?\d+(?:\.\d+)?)\s*,\s*([-+]?\d+(?:\.\d+)?)$/;

const FAILED: Converted = { ok: false };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Text as the `text` type holds it: structured values as JSON rather than "[object Object]". */
export function asText(value: unknown): string {
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

function toInt(value: unknown): unknown {
  // Past 2^53 a number silently loses digits: an error is better than a wrong identifier.
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : NOT_CONVERTED;
  if (typeof value !== "string" || !INT.test(value)) return NOT_CONVERTED;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : NOT_CONVERTED;
}

function toDouble(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : NOT_CONVERTED;
  if (typeof value !== "string" || !DOUBLE.test(value)) return NOT_CONVERTED;
  const n = Number(value);
  return Number.isFinite(n) ? n : NOT_CONVERTED;
}

function toBoolean(value: unknown): unknown {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== "string") return NOT_CONVERTED;
  const text = value.toLowerCase();
  if (text === "true" || text === "1") return true;
  if (text === "false" || text === "0") return false;
  return NOT_CONVERTED;
}

function point(lat: unknown, lon: unknown): unknown {
  const [y, x] = [typeof lat === "string" ? Number(lat) : lat, typeof lon === "string" ? Number(lon) : lon];
  if (typeof y !== "number" || typeof x !== "number" || !Number.isFinite(y) || !Number.isFinite(x)) return NOT_CONVERTED;
  if (Math.abs(y) > 90 || Math.abs(x) > 180) return NOT_CONVERTED;
  // Explore v2.1's representation of a geo_point_2d.
  return { lon: x, lat: y };
}

/** "lat,lon", [lat, lon] or {lat, lon} → {lon, lat}. */
function toGeoPoint(value: unknown): unknown {
  if (typeof value === "string") {
    const match = GEO_POINT.exec(value);
    return match ? point(match[1], match[2]) : NOT_CONVERTED;
  }
  if (Array.isArray(value)) return value.length === 2 && value.every((c) => typeof c === "number") ? point(value[0], value[1]) : NOT_CONVERTED;
  if (isObject(value) && typeof value.lat === "number" && typeof value.lon === "number") return point(value.lat, value.lon);
  return NOT_CONVERTED;
}

const isGeometry = (v: unknown): v is Record<string, unknown> =>
  isObject(v) && typeof v.type === "string" && (Array.isArray(v.coordinates) || Array.isArray(v.geometries));

/** A GeoJSON geometry (or a Feature's), as an object or as its JSON text. */
function toGeoShape(value: unknown): unknown {
  let shape = value;
  if (typeof value === "string") {
    try {
      shape = JSON.parse(value);
    } catch {
      return NOT_CONVERTED;
    }
  }
  if (isObject(shape) && shape.type === "Feature") shape = shape.geometry;
  return isGeometry(shape) ? shape : NOT_CONVERTED;
}

/**
 * The value in the given type, or NOT_CONVERTED. Missing values, empty and blank strings are null: a publisher's
 * empty cell is "no value", not an error. Strings are trimmed before being parsed, not for `text`.
 */
export function toFieldValue(value: unknown, type: FieldType): unknown {
  if (value === undefined || value === null) return null;
  const text = typeof value === "string" ? value.trim() : value;
  if (text === "") return null;
  switch (type) {
    case "text":
      return asText(value);
    case "int":
      return toInt(text);
    case "double":
      return toDouble(text);
    case "boolean":
      return toBoolean(text);
    case "date": {
      const date = typeof text === "string" ? toDate(text) : null;
      return date === null ? NOT_CONVERTED : date;
    }
    case "datetime": {
      const datetime = typeof text === "string" ? toDatetime(text) : null;
      return datetime === null ? NOT_CONVERTED : datetime;
    }
    case "geo_point_2d":
      return toGeoPoint(text);
    case "geo_shape":
      return toGeoShape(text);
  }
}

/** The value in the given type (see toFieldValue). */
export function convertValue(value: unknown, type: FieldType): Converted {
  const converted = toFieldValue(value, type);
  return converted === NOT_CONVERTED ? FAILED : { ok: true, value: converted };
}
