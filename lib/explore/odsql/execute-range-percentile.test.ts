// group_by range() buckets, median() / percentile() and length() on real databases: SQLite as the records store
// reads it (better-sqlite3) and PostgreSQL when one answers. Populations of the fixture, sorted:
// 5, 7, 50, 75, 100, 100, 120, 250, 300, 1000, 2000 (and one null).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileRecordsQuery, evaluateWhere, parseGroupBy, parseSelect, parseWhere, type RecordsQueryInput } from "./index";
import { betterSqliteRunner, decodeRows, FIELDS, PG_URL, postgresAnswers, postgresRunner, TABLE, type Runner } from "./test-fixtures";
import { odsqlFailure as failure } from "./test-fixtures";

const hasPostgres = await postgresAnswers();
if (!hasPostgres) console.warn(`ODSQL range/percentile PostgreSQL tests skipped: no PostgreSQL answers at ${PG_URL}`);


describe("parsing range(), percentile() and length()", () => {
  it("reads widths, bound lists and percentiles", () => {
    expect(parseGroupBy("range(population, 100)")[0]).toMatchObject({ expr: { kind: "bucket", width: 100, expr: { kind: "field", name: "population" } }, label: "range(population, 100)" });
    expect(parseGroupBy("range(score, [-1, 0.5, 10]) AS r")[0]).toMatchObject({ expr: { kind: "bucket", bounds: [-1, 0.5, 10] }, label: "r" });
    expect(parseSelect("percentile(population, 90), median(score), length(name)").map((item) => item.kind === "expr" && item.expr)).toMatchObject([
      { kind: "call", name: "percentile", args: [{ kind: "field" }, { kind: "number", value: 90 }] },
      { kind: "call", name: "median" },
      { kind: "call", name: "length" },
    ]);
  });

  it("evaluates length() in memory as the databases do", () => {
    expect(evaluateWhere(parseWhere("length(title) = 12"), { title: "Épsilon Café" })).toBe(true);
    expect(evaluateWhere(parseWhere("length(title) > 3"), { title: null })).toBe(false);
  });

  it("refuses what cannot be bucketed or ranked", () => {
    expect(failure(() => parseGroupBy("range(population, [10, 5])")).message).toBe("Invalid ODSQL in group_by: range() bounds must increase at position 1");
    expect(failure(() => parseGroupBy("range(population, 0)")).message).toContain("range() width must be positive");
    expect(failure(() => parseGroupBy("range(population, 1 day)")).message).toContain('unexpected "day"');
    expect(failure(() => parseSelect("percentile(population, 101)")).message).toContain("percentile() needs a number from 0 to 100");
    expect(failure(() => parseSelect("percentile(population)")).message).toContain('unexpected ")"');
  });
});

describe("on SQLite (better-sqlite3)", () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await betterSqliteRunner();
  });
  afterAll(() => runner.close());
  suite(() => runner);
});

describe.skipIf(!hasPostgres)("on PostgreSQL (skipped when no server answers at 127.0.0.1:5432)", () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await postgresRunner();
  });
  afterAll(() => runner?.close());
  suite(() => runner);
});

function suite(runner: () => Runner) {
  const query = async (input: Partial<RecordsQueryInput>) => {
    const compiled = compileRecordsQuery({ limit: 100, offset: 0, ...input }, FIELDS, runner().dialect, TABLE);
    return decodeRows(await runner().run(compiled.sql, compiled.params), compiled.columns);
  };

  it("buckets numbers by width, in numeric order, nulls last", async () => {
    expect(await query({ select: "count(*) AS n", group_by: "range(population, 100) AS p" })).toEqual([
      { p: "[0, 100[", n: 4 },
      { p: "[100, 200[", n: 3 },
      { p: "[200, 300[", n: 1 },
      { p: "[300, 400[", n: 1 },
      { p: "[1000, 1100[", n: 1 },
      { p: "[2000, 2100[", n: 1 },
      { p: null, n: 1 },
    ]);
    expect(await query({ select: "count(*) AS n", group_by: "range(score, 5) AS s" })).toEqual([
      { s: "[-5, 0[", n: 1 },
      { s: "[0, 5[", n: 8 },
      { s: "[5, 10[", n: 2 },
      { s: null, n: 1 },
    ]);
  });

  it("buckets numbers by a list of bounds, open at both ends", async () => {
    expect(await query({ select: "count(*) AS n", group_by: "range(population, [100, 500])" })).toEqual([
      { "range(population, [100, 500])": "[*, 100[", n: 4 },
      { "range(population, [100, 500])": "[100, 500[", n: 5 },
      { "range(population, [100, 500])": "[500, *[", n: 2 },
      { "range(population, [100, 500])": null, n: 1 },
    ]);
    expect(await query({ select: "count(*) AS n", group_by: "range(score, [0, 2.5]) AS s", where: ["score IS NOT NULL"] })).toEqual([
      { s: "[*, 0[", n: 1 },
      { s: "[0, 2.5[", n: 5 },
      { s: "[2.5, *[", n: 5 },
    ]);
    expect(() => compileRecordsQuery({ limit: 1, offset: 0, group_by: "range(name, 10)" }, FIELDS, runner().dialect, TABLE)).toThrow("range() needs a number, not a text value");
    expect(() => compileRecordsQuery({ limit: 1, offset: 0, group_by: "range(score, 0.5)" }, FIELDS, runner().dialect, TABLE)).toThrow("range() width must be a whole number");
  });

  it("computes medians and percentiles by linear interpolation", async () => {
    expect(await query({ select: "median(population) AS m, percentile(population, 90) AS p90, percentile(population, 25) AS p25, percentile(score, 0) AS low" })).toEqual([
      { m: 100, p90: 1000, p25: 62.5, low: -1.5 },
    ]);
    expect(await query({ select: "median(population) AS m", group_by: "city", where: ["city IS NOT NULL"] })).toEqual([
      { city: "Lyon", m: 1000 },
      { city: "Marseille", m: 300 },
      { city: "Nice", m: 6 },
      { city: "Paris", m: 87.5 },
    ]);
    expect(() => compileRecordsQuery({ limit: 1, offset: 0, select: "median(name)" }, FIELDS, runner().dialect, TABLE)).toThrow("median() needs a number, not a text value");
    expect(() => compileRecordsQuery({ limit: 1, offset: 0, where: ["median(population) > 1"] }, FIELDS, runner().dialect, TABLE)).toThrow("aggregate median() is not allowed here");
  });

  it("measures text in characters", async () => {
    expect(await query({ select: "name, length(name) AS n", where: ["length(name) = 5"] })).toEqual([
      { name: "Delta", n: 5 },
      { name: "Theta", n: 5 },
    ]);
    expect(await query({ select: "length(name) AS n", where: ['name = "Épsilon Café"'] })).toEqual([{ n: 12 }]);
  });
}
