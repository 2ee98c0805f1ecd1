// Date and datetime values as the schema types them: `date` = "YYYY-MM-DD", `datetime` = ISO 8601 in UTC with
// `Z`. Inputs are the ISO-ish texts the extractors yield (CSV text, JSON strings, XLSX serials already turned
// into "YYYY-MM-DD[THH:MM:SS]"). Nothing locale-dependent ("01/02/2024") is guessed: it is an error instead.

const DATE = /^(\d{4})[-/](\d{2})[-/](\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

// One Date reused for the arithmetic rather than one per value: a publish converts millions of values, and in the
// Next.js server `new Date(…)` goes through a wrapper of the constructor that was ~4% of a publish.
const scratch = new Date(0);

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  scratch.setTime(Date.UTC(y, m, 0));
  return d <= scratch.getUTCDate();
}

/** "+02:00", "+0200", "+02", "Z" → minutes east of UTC; null when out of range. */
function offsetMinutes(offset: string | undefined): number | null {
  if (!offset || offset.toUpperCase() === "Z") return 0;
  const sign = offset[0] === "-" ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

type Parts = { y: number; m: number; d: number; time?: { h: number; mi: number; s: number; ms: number; offset: number } };

function parse(text: string): Parts | null {
  const date = DATE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return validDay(y, m, d) ? { y, m, d } : null;
  }
  const dt = DATETIME.exec(text);
  if (!dt) return null;
  const [y, m, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(dt[i]));
  const s = dt[6] === undefined ? 0 : Number(dt[6]);
  // Milliseconds are the precision of the output: further digits are dropped, not rounded (no carry into the seconds).
  const ms = dt[7] === undefined ? 0 : Number(dt[7].slice(0, 3).padEnd(3, "0"));
  const offset = offsetMinutes(dt[8]);
  if (!validDay(y!, m!, d!) || h! > 23 || mi! > 59 || s > 59 || offset === null) return null;
  return { y: y!, m: m!, d: d!, time: { h: h!, mi: mi!, s, ms, offset } };
}

/**
 * "YYYY-MM-DD", or null. A datetime keeps the calendar day as written (its offset is the writer's own day),
 * not the UTC one.
 */
export function toDate(text: string): string | null {
  const parts = parse(text.trim());
  return parts ? `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}` : null;
}

/**
 * ISO 8601 in UTC ("2024-05-01T10:00:00Z", milliseconds only when there are some), or null. A day alone is its
 * midnight; a time without an offset is taken as UTC, as the engine does not know the dataset's time zone.
 */
export function toDatetime(text: string): string | null {
  const parts = parse(text.trim());
  if (!parts) return null;
  const t = parts.time ?? { h: 0, mi: 0, s: 0, ms: 0, offset: 0 };
  const date = scratch;
  // setUTCFullYear, not Date.UTC: Date.UTC maps the years 0–99 to 1900–1999. Every field is set, so whatever
  // the scratch date held before does not matter.
  date.setUTCFullYear(parts.y, parts.m - 1, parts.d);
  date.setUTCHours(t.h, t.mi - t.offset, t.s, t.ms);
  // An offset can push the first or last day of the range out of four-digit years.
  if (date.getUTCFullYear() < 0 || date.getUTCFullYear() > 9999) return null;
  const iso = date.toISOString();
  return t.ms === 0 ? iso.replace(/\.000Z$/, "Z") : iso;
}
