// Record values as processors see them: string | number | boolean | null, arrays of those (multivalued fields),
// and the odd object (geo_shape). Helpers shared by the processor families.

/** null, undefined, "" and [] are empty: default_value fills them, skip_records' is_empty matches them. */
export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
}

/** A scalar as text: numbers and booleans in their usual spelling; null when there is nothing; undefined for objects. */
export function asText(value: unknown): string | null | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return null;
  return undefined;
}

/** A value quoted for a record error, cut so a huge cell cannot bloat the error list. */
export function quote(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
}

export type ScalarFn = (value: unknown, errors: string[]) => unknown;

/** Applies `fn` to a scalar, or to each element of an array (a multivalued field stays multivalued). */
export function mapScalar(value: unknown, fn: ScalarFn, errors: string[]): unknown {
  if (!Array.isArray(value)) return fn(value, errors);
  const out = new Array<unknown>(value.length);
  for (let i = 0; i < value.length; i += 1) out[i] = fn(value[i], errors);
  return out;
}

// A fixed, anchored pattern without nested quantifiers: linear on any input, so the native engine is fine here.
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A number from a number or from text in plain notation ("12", "-3.5", "1e3"); null if there is none. */
export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!NUMBER.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}
