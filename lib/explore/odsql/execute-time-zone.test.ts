// The `timezone` parameter run on real databases: SQLite through better-sqlite3 with the conversion function the
// records store registers, and PostgreSQL (AT TIME ZONE) when one answers. Both must give the same answers.
import Database from "better-sqlite3";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFacetQuery, compileRecordsQuery, decodeRow, registerSqliteLocalTime, type FacetQueryInput, type OdsqlField, type RecordsQueryInput } from "./index";
import type { SqlParam } from "./sql-fragment";
import { PG_URL, postgresAnswers, type Runner } from "./test-fixtures";

const FIELDS: OdsqlField[] = [
  { name: "name", type: "text", column: "c0", multivalued: false },
  { name: "at", type: "datetime", column: "c1", multivalued: false },
  { name: "day", type: "date", column: "c2", multivalued: false },
];
const TABLE = "rec_time_zone";
const PARIS = "Europe/Paris";

// Instants around Europe/Paris's 2021 transitions (spring forward 03-28 01:00Z, fall back 10-31 01:00Z).
// prettier-ignore
const ROWS: [string, string | null, string | null][] = [
  ["spring-first", "2021-03-27T23:30:00.000Z", "2021-03-28"], // 00:30+01:00 on the 28th in Paris, the 27th in UTC
  ["spring-gap", "2021-03-28T01:30:00.000Z", "2021-03-28"], //   03:30+02:00
  ["spring-late", "2021-03-28T21:30:00.000Z", "2021-03-29"], //  23:30+02:00
  ["spring-next", "2021-03-28T22:30:00.000Z", "2021-03-29"], //  00:30+02:00 on the 29th in Paris, the 28th in UTC
  ["autumn-first", "2021-10-31T00:30:00.000Z", "2021-10-31"], // 02:30+02:00
  ["autumn-second", "2021-10-31T01:30:00.000Z", "2021-10-31"], // 02:30+01:00
  ["autumn-end", "2021-10-31T22:59:59.999Z", "2021-10-31"], //   23:59:59.999+01:00
  ["november", "2021-10-31T23:00:00.000Z", "2021-11-01"], //     00:00+01:00 on November 1st in Paris
  ["none", null, null],
  ["new-year", "2020-12-31T23:30:00.000Z", "2021-01-01"], //     00:30+01:00 on 2021-01-01 in Paris
];

function sqliteRunner(): Runner {
  const db = new Database(":memory:");
  registerSqliteLocalTime(db);
  db.exec(`CREATE TABLE "${TABLE}" ("_n" INTEGER PRIMARY KEY, "_id" TEXT NOT NULL, "c0" TEXT, "c1" TEXT, "c2" TEXT)`);
  const insert = db.prepare(`INSERT INTO "${TABLE}" VALUES (?, ?, ?, ?, ?)`);
  ROWS.forEach((row, i) => insert.run(i + 1, row[0], ...row));
  return {
    dialect: "sqlite",
    async run(sql, params) {
      return db.prepare(sql).all(...(params as unknown[])) as Record<string, unknown>[];
    },
    async close() {
      db.close();
    },
  };
}

async function postgresRunner(): Promise<Runner> {
  const client = new Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  await client.connect();
  const schema = `odsql_tz_${Math.random().toString(36).slice(2, 10)}`;
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.query(`SET search_path TO "${schema}"`);
  // The session's own zone must not matter: conversions name their zone.
  await client.query(`SET TIME ZONE 'America/Los_Angeles'`);
  await client.query(`CREATE TABLE "${TABLE}" ("_n" BIGINT PRIMARY KEY, "_id" TEXT NOT NULL, "c0" TEXT, "c1" TEXT, "c2" TEXT)`);
  for (const [i, row] of ROWS.entries()) await client.query(`INSERT INTO "${TABLE}" VALUES ($1, $2, $3, $4, $5)`, [i + 1, row[0], ...row]);
  return {
    dialect: "postgresql",
    async run(sql: string, params: SqlParam[]) {
      return (await client.query(sql, params)).rows as Record<string, unknown>[];
    },
    async close() {
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}

const hasPostgres = await postgresAnswers();

describe("timezone on SQLite", () => {
  let runner: Runner;
  beforeAll(() => {
    runner = sqliteRunner();
  });
  afterAll(() => runner.close());
  timeZoneSuite(() => runner);
});

describe.skipIf(!hasPostgres)("timezone on PostgreSQL (skipped when no server answers at 127.0.0.1:5432)", () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await postgresRunner();
  });
  afterAll(() => runner?.close());
  timeZoneSuite(() => runner);
});

function timeZoneSuite(runner: () => Runner) {
  const query = async (input: Partial<RecordsQueryInput>) => {
    const compiled = compileRecordsQuery({ limit: 100, offset: 0, ...input }, FIELDS, runner().dialect, TABLE);
    const rows = (await runner().run(compiled.sql, compiled.params)).map((row) => decodeRow(row, compiled.columns, input.timeZone));
    const [count] = await runner().run(compiled.countSql, compiled.countParams);
    return { rows, total: Number(count!.total_count) };
  };
  const names = async (where: string, timeZone?: string) => {
    const { rows, total } = await query({ where: [where], select: "name", timeZone });
    expect(total).toBe(rows.length);
    return rows.map((row) => row.name);
  };
  const facet = async (input: FacetQueryInput) => {
    const compiled = compileFacetQuery(input, FIELDS, runner().dialect, TABLE);
    return Object.fromEntries((await runner().run(compiled.sql, compiled.params)).map((row) => [String(row.value), Number(row.count)]));
  };

  it("renders datetimes with the zone's offset, dates as they are, and UTC as stored", async () => {
    const paris = await query({ where: ["name = 'spring-gap' OR name = 'autumn-second' OR name = 'none'"], select: "name, at, day", timeZone: PARIS });
    expect(paris.rows).toEqual([
      { name: "spring-gap", at: "2021-03-28T03:30:00+02:00", day: "2021-03-28" },
      { name: "autumn-second", at: "2021-10-31T02:30:00+01:00", day: "2021-10-31" },
      { name: "none", at: null, day: null },
    ]);
    const utc = await query({ where: ["name = 'spring-gap'"], select: "at" });
    expect(utc.rows).toEqual([{ at: "2021-03-28T01:30:00.000Z" }]);
    const aggregated = await query({ select: "max(at) as last, min(at) as first", timeZone: PARIS });
    expect(aggregated.rows).toEqual([{ last: "2021-11-01T00:00:00+01:00", first: "2021-01-01T00:30:00+01:00" }]);
  });

  it("reads offset-less date literals as the zone's days: 23 hours in spring, 25 in autumn", async () => {
    expect(await names("at = date'2021-03-28'", PARIS)).toEqual(["spring-first", "spring-gap", "spring-late"]);
    expect(await names("at = date'2021-03-28'")).toEqual(["spring-gap", "spring-late", "spring-next"]);
    expect(await names("at: date'2021-10-31'", PARIS)).toEqual(["autumn-first", "autumn-second", "autumn-end"]);
    expect(await names("at: date'2021-10-31'", "UTC")).toEqual(["autumn-first", "autumn-second", "autumn-end", "november"]);
    expect(await names("at IN [date'2021-10-31' TO date'2021-10-31']", PARIS)).toEqual(["autumn-first", "autumn-second", "autumn-end"]);
    expect(await names("at >= date'2021-11'", PARIS)).toEqual(["november"]);
    expect(await names("at < date'2021'", PARIS)).toEqual([]);
    expect(await names("at < date'2021'")).toEqual(["new-year"]);
    expect(await names("at = \"2021-03-29\"", PARIS)).toEqual(["spring-next"]);
  });

  it("reads wall-clock literals in the zone and keeps the instant of literals with Z or an offset", async () => {
    expect(await names("at = date'2021-03-28T03:30'", PARIS)).toEqual(["spring-gap"]);
    expect(await names("at = date'2021-03-28T03:30'")).toEqual([]);
    expect(await names("at = date'2021-03-28T01:30Z'", PARIS)).toEqual(["spring-gap"]);
    expect(await names("at = date'2021-03-28T03:30:00+02:00'", "America/New_York")).toEqual(["spring-gap"]);
    expect(await names("at >= date'2021-10-31T23:00:00.000Z'", PARIS)).toEqual(["november"]);
  });

  it("computes hour(), minute(), second() and the date parts in the zone, across midnight", async () => {
    const parts = "name, year(at) as y, month(at) as mo, day(at) as d, hour(at) as h, minute(at) as mi, second(at) as s";
    const where = ["name IN ('spring-first', 'spring-next', 'autumn-end', 'new-year')"];
    expect((await query({ select: parts, where, timeZone: PARIS })).rows).toEqual([
      { name: "spring-first", y: 2021, mo: 3, d: 28, h: 0, mi: 30, s: 0 },
      { name: "spring-next", y: 2021, mo: 3, d: 29, h: 0, mi: 30, s: 0 },
      { name: "autumn-end", y: 2021, mo: 10, d: 31, h: 23, mi: 59, s: 59 },
      { name: "new-year", y: 2021, mo: 1, d: 1, h: 0, mi: 30, s: 0 },
    ]);
    expect((await query({ select: parts, where })).rows).toEqual([
      { name: "spring-first", y: 2021, mo: 3, d: 27, h: 23, mi: 30, s: 0 },
      { name: "spring-next", y: 2021, mo: 3, d: 28, h: 22, mi: 30, s: 0 },
      { name: "autumn-end", y: 2021, mo: 10, d: 31, h: 22, mi: 59, s: 59 },
      { name: "new-year", y: 2020, mo: 12, d: 31, h: 23, mi: 30, s: 0 },
    ]);
    // Half-hour zones move the minutes too: 01:30Z is 07:00 in Kolkata.
    expect((await query({ select: "hour(at) as h, minute(at) as mi", where: ["name = 'spring-gap'"], timeZone: "Asia/Kolkata" })).rows).toEqual([{ h: 7, mi: 0 }]);
    expect(await names("hour(at) = 0", PARIS)).toEqual(["spring-first", "spring-next", "november", "new-year"]);
    expect(await names("hour(at) = 2", PARIS)).toEqual(["autumn-first", "autumn-second"]);
  });

  it("leaves date fields alone: their time of day is midnight whatever the zone", async () => {
    expect(await names("day = date'2021-03-28'", PARIS)).toEqual(["spring-first", "spring-gap"]);
    expect(await names("day = date'2021-03-28'")).toEqual(["spring-first", "spring-gap"]);
    expect((await query({ select: "day(day) as d, hour(day) as h, second(day) as s", where: ["name = 'spring-next'"], timeZone: PARIS })).rows).toEqual([{ d: 29, h: 0, s: 0 }]);
    expect((await query({ select: "hour(day) as h", where: ["name = 'none'"] })).rows).toEqual([{ h: null }]);
  });

  it("groups by date parts in the zone and renders grouped datetimes in it", async () => {
    const years = await query({ group_by: "year(at) as y", select: "count(*) as n", timeZone: PARIS });
    expect(years.rows).toEqual([{ y: 2021, n: 9 }, { y: null, n: 1 }]);
    expect((await query({ group_by: "year(at) as y", select: "count(*) as n" })).rows).toEqual([{ y: 2020, n: 1 }, { y: 2021, n: 8 }, { y: null, n: 1 }]);
    const hours = await query({ group_by: "hour(at) as h", select: "count(*) as n", where: ["at IS NOT NULL"], timeZone: PARIS, order_by: "h" });
    expect(hours.rows).toEqual([{ h: 0, n: 4 }, { h: 2, n: 2 }, { h: 3, n: 1 }, { h: 23, n: 2 }]);
    const grouped = await query({ group_by: "at", where: ["name = 'autumn-first'"], timeZone: PARIS });
    expect(grouped.rows).toEqual([{ at: "2021-10-31T02:30:00+02:00" }]);
  });

  it("facets datetimes on the zone's calendar, and refines to the zone's months", async () => {
    expect(await facet({ field: "at", timeZone: PARIS })).toEqual({ "2021": 9 });
    expect(await facet({ field: "at" })).toEqual({ "2020": 1, "2021": 8 });
    expect(await facet({ field: "at", refine: ["at:2021/03"], timeZone: PARIS })).toEqual({ "2021/03/28": 3, "2021/03/29": 1 });
    expect(await facet({ field: "at", refine: ["at:2021/03"] })).toEqual({ "2021/03/27": 1, "2021/03/28": 3 });
    expect(await facet({ field: "at", refine: ["at:2021/10"], timeZone: PARIS })).toEqual({ "2021/10/31": 3 });
    expect(await facet({ field: "at", refine: ["at:2021"], timeZone: PARIS })).toEqual({ "2021/01": 1, "2021/03": 4, "2021/10": 3, "2021/11": 1 });
    expect(await facet({ field: "at", exclude: ["at:2021/10/31"], refine: ["at:2021/10"], timeZone: PARIS })).toEqual({});
    // Date fields are days: the zone changes nothing.
    expect(await facet({ field: "day", refine: ["day:2021/03"], timeZone: PARIS })).toEqual({ "2021/03/28": 2, "2021/03/29": 2 });
  });

  it("refines records to a day of the zone", async () => {
    const { rows, total } = await query({ refine: ["at:2021/03/29"], select: "name, at", timeZone: PARIS });
    expect(total).toBe(1);
    expect(rows).toEqual([{ name: "spring-next", at: "2021-03-29T00:30:00+02:00" }]);
  });

  it("keeps the dataset security's record filter in UTC whatever the request's zone", async () => {
    const security = { any_of: ["at = date'2021-03-28'"], fields: FIELDS };
    const { rows } = await query({ select: "name", security, timeZone: PARIS });
    expect(rows.map((row) => row.name)).toEqual(["spring-gap", "spring-late", "spring-next"]);
  });
}
