// Date literals and date facet paths become periods, as instants: stored datetimes are UTC, so comparisons stay
// exact. A literal without an offset is a wall-clock period of the requested zone (UTC by default), so
// `date'2021-03-28'` in Europe/Paris is 23 hours long; one with `Z` or an offset is that instant whatever the zone.
import { DateTime } from "luxon";
import type { DatePeriod, Literal } from "./ast";
import { isUtc } from "./time-zone";

const PATTERN =
  /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/i;

/**
 * `2017`, `2017-01`, `2018/04/01`, `2017-04-03T08:02`, `1970-01-01T00:00:00.000Z`, `…+02:00`; null when invalid.
 * `zone`: a canonical IANA name (see time-zone.ts) placing offset-less literals; absent means UTC.
 */
export function parseDatePeriod(text: string, zone?: string): DatePeriod | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(local);
  // Date.UTC rolls 2021-02-30 over to March; a literal naming a day that does not exist is an error.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const precision: DatePeriod["precision"] =
    mo === undefined ? "year" : d === undefined ? "month" : h === undefined ? "day" : s === undefined ? "minute" : frac === undefined ? "second" : "millisecond";
  if (offset === undefined && zone !== undefined && !isUtc(zone)) return zonedPeriod({ year, month, day, hour, minute, second, millisecond: ms }, precision, zone);
  const start = local - offsetMinutes(offset) * 60_000;
  return { start, end: periodEnd(start, precision, year, month), precision };
}

/**
 * Days, months and years follow the zone's calendar (a DST day lasts 23 or 25 hours). A wall-clock time that does
 * not exist (skipped by DST) moves forward by the gap; one that occurs twice takes luxon's choice, the later offset.
 */
function zonedPeriod(parts: Record<"year" | "month" | "day" | "hour" | "minute" | "second" | "millisecond", number>, precision: DatePeriod["precision"], zone: string): DatePeriod {
  const start = DateTime.fromObject(parts, { zone }).toMillis();
  const { year, month, day } = parts;
  // The next period's first wall-clock instant, not start + a length: a skipped midnight must not shift the end too.
  const startOf = (utcDay: number) => {
    const next = new Date(utcDay);
    return DateTime.fromObject({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, { zone }).toMillis();
  };
  switch (precision) {
    case "year":
      return { start, end: startOf(Date.UTC(year + 1, 0, 1)), precision };
    case "month":
      return { start, end: startOf(Date.UTC(year, month, 1)), precision };
    case "day":
      return { start, end: startOf(Date.UTC(year, month - 1, day + 1)), precision };
    default:
      return { start, end: periodEnd(start, precision, year, month), precision };
  }
}

/** The parser places date literals in UTC; a datetime compared or computed in a zone reads them there. */
export function literalInZone<T extends Literal>(literal: T, zone: string | undefined): T {
  if (literal.kind !== "date" || isUtc(zone)) return literal;
  return { ...literal, period: parseDatePeriod(literal.text, zone) ?? literal.period };
}

function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset.toUpperCase() === "Z") return 0;
  const digits = offset.replace(":", "");
  const sign = digits.startsWith("-") ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function periodEnd(start: number, precision: DatePeriod["precision"], year: number, month: number): number {
  switch (precision) {
    case "year":
      return Date.UTC(year + 1, 0, 1);
    case "month":
      return Date.UTC(year, month, 1);
    case "day":
      return start + 86_400_000;
    case "hour":
      return start + 3_600_000;
    case "minute":
      return start + 60_000;
    case "second":
      return start + 1_000;
    case "millisecond":
      return start + 1;
  }
}

/** The storage form of datetime fields: always milliseconds, UTC, so text order is time order. */
export const isoDatetime = (ms: number): string => new Date(ms).toISOString();

/**
 * The first calendar day (YYYY-MM-DD) whose midnight is at or after `ms`. A date field's value is a
 * whole day, so `date_field >= date'2020-01-01T10:00'` starts at the next day.
 */
export function dayAtOrAfter(ms: number): string {
  const day = Math.ceil(ms / 86_400_000) * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}
