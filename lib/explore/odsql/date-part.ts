// year(), month(), day(), hour(), minute(), second() → SQL. Dates and datetimes are stored as ISO text (datetimes
// in UTC), and a datetime read in a zone becomes wall-clock text of the same shape, so every part sits at a fixed
// position in both dialects.
import type { CompileContext } from "./compile-value";
import { raw, sql, type Fragment } from "./sql-fragment";
import { localTimeSql } from "./time-zone";

export type DatePart = "year" | "month" | "day" | "hour" | "minute" | "second";

const POSITIONS: Record<DatePart, readonly [number, number]> = {
  year: [1, 4],
  month: [6, 2],
  day: [9, 2],
  hour: [12, 2],
  minute: [15, 2],
  second: [18, 2],
};

export function datePartSql(part: DatePart, value: Fragment, type: "date" | "datetime", ctx: Pick<CompileContext, "dialect" | "timeZone">): Fragment {
  const [from, length] = POSITIONS[part];
  // A date is a calendar day whatever the zone; its time of day is midnight (NULL stays NULL through ||).
  const text = type === "datetime" ? localTimeSql(value, ctx.dialect, ctx.timeZone) : from > 10 ? sql`(${value} || 'T00:00:00')` : value;
  return sql`CAST(substr(${text}, ${raw(String(from))}, ${raw(String(length))}) AS INTEGER)`;
}
