import { DateTime, IANAZone } from "luxon";
import { describe, expect, it } from "vitest";
import { parseDatePeriod } from "./date-literal";
import { decodeValue } from "./decode-row";
import { evaluateExpression } from "./evaluate";
import { compileFacetQuery, compileRecordsQuery, parseSelect } from "./index";
import { FIELDS } from "./test-fixtures";
import { localDateTime, offsetAt, resolveTimeZone, zonedIso } from "./time-zone";

const iso = (ms: number) => new Date(ms).toISOString();
const period = (text: string, zone?: string) => {
  const found = parseDatePeriod(text, zone);
  if (!found) throw new Error(`no period for ${text}`);
  return { start: iso(found.start), end: iso(found.end), hours: (found.end - found.start) / 3_600_000 };
};

describe("resolveTimeZone", () => {
  it("answers canonical IANA names, UTC aliases included", () => {
    expect(resolveTimeZone("Europe/Paris")).toBe("Europe/Paris");
    expect(resolveTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(resolveTimeZone("UTC")).toBe("UTC");
    expect(resolveTimeZone("Etc/UTC")).toBe("UTC");
    expect(resolveTimeZone("America/New_York")).toBe("America/New_York");
  });

  it("refuses unknown zones and luxon's non-IANA forms", () => {
    for (const name of ["Mars/Olympus", "Europe/Pariss", "system", "local", "UTC+2", "+02:00", ""]) expect(resolveTimeZone(name), name).toBeNull();
  });
});

describe("date literals in a zone", () => {
  it("makes the Europe/Paris spring-forward day 23 hours long and the autumn one 25", () => {
    expect(period("2021-03-28", "Europe/Paris")).toEqual({ start: "2021-03-27T23:00:00.000Z", end: "2021-03-28T22:00:00.000Z", hours: 23 });
    expect(period("2021-10-31", "Europe/Paris")).toEqual({ start: "2021-10-30T22:00:00.000Z", end: "2021-10-31T23:00:00.000Z", hours: 25 });
    expect(period("2021/10/31", "Europe/Paris").hours).toBe(25);
  });

  it("places months and years on the zone's calendar", () => {
    expect(period("2021-03", "Europe/Paris")).toMatchObject({ start: "2021-02-28T23:00:00.000Z", end: "2021-03-31T22:00:00.000Z" });
    expect(period("2021", "Europe/Paris")).toMatchObject({ start: "2020-12-31T23:00:00.000Z", end: "2021-12-31T23:00:00.000Z" });
    expect(period("2021-12", "America/New_York")).toMatchObject({ start: "2021-12-01T05:00:00.000Z", end: "2022-01-01T05:00:00.000Z" });
  });

  it("reads wall-clock times in the zone, a skipped one moved forward by the gap", () => {
    expect(period("2021-03-28T10:00", "Europe/Paris")).toEqual({ start: "2021-03-28T08:00:00.000Z", end: "2021-03-28T08:01:00.000Z", hours: 1 / 60 });
    expect(period("2021-03-28T02:30", "Europe/Paris").start).toBe("2021-03-28T01:30:00.000Z");
    expect(period("2021-01-15T10:00:30.250", "Asia/Kolkata")).toMatchObject({ start: "2021-01-15T04:30:30.250Z", end: "2021-01-15T04:30:30.251Z" });
  });

  it("keeps the instant of literals with Z or an offset whatever the zone", () => {
    expect(period("2021-03-28T10:00:00Z", "Europe/Paris")).toEqual(period("2021-03-28T10:00:00Z"));
    expect(period("2021-03-28T10:00+05:00", "Europe/Paris").start).toBe("2021-03-28T05:00:00.000Z");
    expect(period("1970-01-01T00:00:00.000Z", "America/New_York")).toMatchObject({ start: "1970-01-01T00:00:00.000Z", end: "1970-01-01T00:00:00.001Z" });
  });

  it("is UTC without a zone, or with UTC", () => {
    expect(period("2021-03-28")).toEqual({ start: "2021-03-28T00:00:00.000Z", end: "2021-03-29T00:00:00.000Z", hours: 24 });
    expect(period("2021-03-28", "UTC")).toEqual(period("2021-03-28"));
  });

  it("ends a day at the next day's first instant when midnight itself is skipped", () => {
    // Brazil moved clocks from 00:00 to 01:00 on 2018-11-04: that day starts at 01:00 and lasts 23 hours.
    expect(period("2018-11-04", "America/Sao_Paulo")).toEqual({ start: "2018-11-04T03:00:00.000Z", end: "2018-11-05T02:00:00.000Z", hours: 23 });
    expect(period("2018-11-03", "America/Sao_Paulo")).toEqual({ start: "2018-11-03T03:00:00.000Z", end: "2018-11-04T03:00:00.000Z", hours: 24 });
  });

  it("still refuses days that do not exist", () => {
    expect(parseDatePeriod("2021-02-29", "Europe/Paris")).toBeNull();
  });
});

describe("datetimes rendered in a zone", () => {
  const ZONES = ["Europe/Paris", "America/New_York", "Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Chatham", "Europe/London"];
  // Hours on both sides of the 2021 transitions of these zones, and instants with milliseconds.
  const instants = [
    ...Array.from({ length: 48 }, (_, i) => Date.UTC(2021, 2, 27, 12) + i * 1_800_000),
    ...Array.from({ length: 48 }, (_, i) => Date.UTC(2021, 9, 30, 12) + i * 1_800_000),
    ...Array.from({ length: 24 }, (_, i) => Date.UTC(2021, 3, 3, 12) + i * 900_000 + 123),
    ...Array.from({ length: 24 }, (_, i) => Date.UTC(2021, 10, 7, 0) + i * 900_000 + 7),
  ];

  it("renders the offset the zone had at that instant, as luxon does", () => {
    for (const zone of ZONES) {
      for (const ms of instants) {
        const expected = DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
        expect(zonedIso(iso(ms), zone), `${iso(ms)} in ${zone}`).toBe(expected);
        expect(offsetAt(zone, ms)).toBe(IANAZone.create(zone).offset(ms) * 60_000);
        expect(localDateTime(iso(ms), zone), `${iso(ms)} in ${zone}`).toBe(DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS"));
      }
    }
  });

  it("renders Paris around both 2021 transitions", () => {
    expect(zonedIso("2021-03-28T00:59:59.000Z", "Europe/Paris")).toBe("2021-03-28T01:59:59+01:00");
    expect(zonedIso("2021-03-28T01:30:00.000Z", "Europe/Paris")).toBe("2021-03-28T03:30:00+02:00");
    expect(zonedIso("2021-10-31T00:30:00.000Z", "Europe/Paris")).toBe("2021-10-31T02:30:00+02:00");
    expect(zonedIso("2021-10-31T01:30:00.000Z", "Europe/Paris")).toBe("2021-10-31T02:30:00+01:00");
    expect(zonedIso("2021-10-31T01:30:00.250Z", "Europe/Paris")).toBe("2021-10-31T02:30:00.250+01:00");
  });

  it("gives the wall clock date parts read", () => {
    expect(localDateTime("2021-03-28T22:30:00.000Z", "Europe/Paris")).toBe("2021-03-29T00:30:00.000");
    expect(localDateTime("2021-01-01T03:00:00.000Z", "America/New_York")).toBe("2020-12-31T22:00:00.000");
    expect(localDateTime("not a date", "Europe/Paris")).toBeNull();
    // Not the stored form (no milliseconds): still converted.
    expect(localDateTime("2021-03-28T22:30:00Z", "Europe/Paris")).toBe("2021-03-29T00:30:00.000");
  });

  it("decodes datetime columns in the zone and leaves dates and UTC untouched", () => {
    const datetime = { type: "datetime", multivalued: false } as const;
    expect(decodeValue("2021-03-28T01:30:00.000Z", datetime, "Europe/Paris")).toBe("2021-03-28T03:30:00+02:00");
    expect(decodeValue("2021-03-28T01:30:00.000Z", datetime, "UTC")).toBe("2021-03-28T01:30:00.000Z");
    expect(decodeValue("2021-03-28T01:30:00.000Z", datetime)).toBe("2021-03-28T01:30:00.000Z");
    expect(decodeValue("2021-03-28", { type: "date", multivalued: false }, "Europe/Paris")).toBe("2021-03-28");
    expect(decodeValue(null, datetime, "Europe/Paris")).toBeNull();
  });
});

describe("what a zone costs in SQL", () => {
  it("keeps today's SQL for UTC, and converts only where wall-clock parts are read", () => {
    const records = (timeZone?: string) => compileRecordsQuery({ limit: 10, offset: 0, select: "hour(updated) as h", where: ["updated > date'2020'"], timeZone }, FIELDS, "sqlite", "t");
    expect(records("UTC")).toEqual(records());
    expect(records().sql).not.toContain("odsql_local_time");
    const paris = records("Europe/Paris");
    expect(paris.sql).toBe(
      `SELECT CAST(substr(odsql_local_time("c6", ?), 12, 2) AS INTEGER) AS "o0" FROM "t" WHERE "_n" IN (SELECT "_n" FROM "t" WHERE (("c6" >= ?)) ORDER BY "_n" ASC LIMIT ? OFFSET ?) ORDER BY "_n" ASC`,
    );
    expect(paris.params).toEqual(["Europe/Paris", "2020-12-31T23:00:00.000Z", 10, 0]);
    const facet = (timeZone?: string) => compileFacetQuery({ field: "updated", refine: ["updated:2020"], timeZone }, FIELDS, "postgresql", "t");
    expect(facet("UTC")).toEqual(facet());
    expect(facet("Europe/Paris").sql).toContain(`to_char(CAST(t."c6" AS TIMESTAMPTZ) AT TIME ZONE CAST($1 AS TEXT), 'YYYY-MM-DD"T"HH24:MI:SS.MS')`);
  });
});

describe("hour(), minute(), second() in memory", () => {
  const evaluate = (select: string, record: Record<string, unknown>) =>
    parseSelect(select).flatMap((item) => (item.kind === "expr" ? [evaluateExpression(item.expr, record)] : []));

  it("reads them in UTC, as year(), month() and day() are", () => {
    expect(evaluate("hour(modified), minute(modified), second(modified), day(modified)", { modified: "2021-03-28T01:30:45.000Z" })).toEqual([1, 30, 45, 28]);
    expect(evaluate("hour(modified)", { modified: null })).toEqual([null]);
  });
});
