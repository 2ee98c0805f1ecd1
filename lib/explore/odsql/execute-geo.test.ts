// Geo filters run on real databases (SQLite always, PostgreSQL when one answers) and in memory, on the fixture's
// points: r1 Paris (48.85, 2.35), r2 Lyon (45.76, 4.83), r5 Marseille (43.3, 5.37); the other records have none.
// Paris–Lyon is 391.13 km, Lyon–Marseille 276.87 km: the limits below sit on either side of those.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFacetQuery, compileRecordsQuery, evaluateWhere, OdsqlError, parseWhere, type OdsqlField } from "./index";
import { FIELDS, PG_URL, postgresAnswers, postgresRunner, ROWS, sqliteRunner, TABLE, type Runner } from "./test-fixtures";

const hasPostgres = await postgresAnswers();
if (!hasPostgres) console.warn(`ODSQL geo PostgreSQL tests skipped: no PostgreSQL answers at ${PG_URL}`);

const IDF = "POLYGON((1.4 48.1, 3.6 48.1, 3.6 49.25, 1.4 49.25, 1.4 48.1))";
// Its bounding box holds Paris, the triangle does not: only the exact test tells them apart.
const TRIANGLE_BESIDE_PARIS = "POLYGON((1.5 48.1, 3.6 48.1, 1.5 49.3, 1.5 48.1))";
const FRANCE_WITHOUT_IDF = "POLYGON((-5 42, 8 42, 8 51, -5 51, -5 42), (1.4 48.1, 3.6 48.1, 3.6 49.25, 1.4 49.25, 1.4 48.1))";
const IDF_AND_PROVENCE = "MULTIPOLYGON(((1.4 48.1, 3.6 48.1, 3.6 49.25, 1.4 49.25, 1.4 48.1)), ((4.5 43, 6 43, 6 44, 4.5 44, 4.5 43)))";
const IDF_GEOJSON = JSON.stringify({ type: "Polygon", coordinates: [[[1.4, 48.1], [3.6, 48.1], [3.6, 49.25], [1.4, 49.25], [1.4, 48.1]]] });

/** where → the matching ids, in record order. */
const CASES: [string, string[]][] = [
  ["within_distance(location, geom'POINT(2.35 48.85)', 1km)", ["r1"]],
  ["within_distance(location, geom'POINT(2.35 48.85)', 391km)", ["r1"]],
  ["within_distance(location, geom'POINT(2.35 48.85)', 392 km)", ["r1", "r2"]],
  ["within_distance(location, geom'POINT(2.35 48.85)', 243mi)", ["r1"]],
  ["within_distance(location, geom'POINT(2.35 48.85)', 244mi)", ["r1", "r2"]],
  ["within_distance(location, geom'POINT(2.35 48.85)', 391200m)", ["r1", "r2"]],
  ["within_distance(location, geom'POINT(4.83 45.76)', 276km)", ["r2"]],
  ["within_distance(location, geom'POINT(4.83 45.76)', 277km)", ["r2", "r5"]],
  [`within_distance(location, geom'{"type":"Point","coordinates":[5.37,43.3]}', 10ft)`, ["r5"]],
  ["within_distance(location, geom'POINT(0 0)', 30000km)", ["r1", "r2", "r5"]],
  ["within_distance(location, geom'POINT(-175 -40)', 1000km)", []],
  // Circles wider than a quarter of the Earth, or holding a pole, have no longitude bounds: still exact.
  ["within_distance(location, geom'POINT(-120 40)', 9100km)", ["r1", "r2"]],
  ["within_distance(location, geom'POINT(170 -80)', 16200km)", ["r2", "r5"]],
  ["within_distance(location, geom'POINT(2 89)', 4500km)", ["r1"]],
  [`within(location, geom'${IDF}')`, ["r1"]],
  [`intersects(location, geom'${IDF}')`, ["r1"]],
  [`disjoint(location, geom'${IDF}')`, ["r2", "r5"]],
  [`NOT within(location, geom'${IDF}')`, ["r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12"]],
  [`within(location, geom'${TRIANGLE_BESIDE_PARIS}')`, []],
  [`within(location, geom'${FRANCE_WITHOUT_IDF}')`, ["r2", "r5"]],
  [`within(location, geom'${IDF_AND_PROVENCE}')`, ["r1", "r5"]],
  [`within(location, geom'${IDF_GEOJSON}')`, ["r1"]],
  ["intersects(location, geom'POINT(2.35 48.85)')", ["r1"]],
  ["disjoint(location, geom'POINT(2.35 48.85)')", ["r2", "r5"]],
  [`within(location, geom'${IDF}') OR city = "Marseille"`, ["r1", "r7"]],
];

describe("geo filters in memory", () => {
  const records = ROWS.map((row, i) => ({ _id: `r${i + 1}`, location: row[7], city: row[8] }));
  it.each(CASES)("%s", (where, expected) => {
    const condition = parseWhere(where);
    expect(records.filter((record) => evaluateWhere(condition, record)).map((record) => record._id)).toEqual(expected);
  });

  it("reads points as Explore answers them and refuses shapes", () => {
    const condition = parseWhere(`within(location, geom'${IDF}')`);
    expect(evaluateWhere(condition, { location: { lat: 48.85, lon: 2.35 } })).toBe(true);
    expect(evaluateWhere(condition, { location: { type: "Point", coordinates: [2.35, 48.85] } })).toBe(true);
    expect(() => evaluateWhere(condition, { location: { type: "Polygon", coordinates: [] } })).toThrow(OdsqlError);
  });
});

describe("geo filters on SQLite", () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await sqliteRunner();
  });
  afterAll(() => runner.close());
  geoSuite(() => runner);
});

describe.skipIf(!hasPostgres)("geo filters on PostgreSQL (skipped when no server answers at 127.0.0.1:5432)", () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await postgresRunner();
  });
  afterAll(() => runner?.close());
  geoSuite(() => runner);
});

function geoSuite(runner: () => Runner) {
  const ids = async (where: string[], extra: { security?: { any_of: string[]; fields: OdsqlField[] } } = {}) => {
    const compiled = compileRecordsQuery({ limit: 100, offset: 0, select: "name", where, ...extra }, FIELDS, runner().dialect, TABLE);
    const rows = await runner().run(compiled.sql.replace(/^SELECT /, 'SELECT "_id", '), compiled.params);
    const [count] = await runner().run(compiled.countSql, compiled.countParams);
    expect(Number(count!.total_count)).toBe(rows.length);
    return rows.map((row) => row._id);
  };

  it.each(CASES)("%s", async (where, expected) => {
    expect(await ids([where])).toEqual(expected);
  });

  it("filters facets and dataset security alike", async () => {
    const compiled = compileFacetQuery({ field: "city", where: ["within_distance(location, geom'POINT(2.35 48.85)', 400km)"] }, FIELDS, runner().dialect, TABLE);
    const values = (await runner().run(compiled.sql, compiled.params)).map((row) => [String(row.value), Number(row.count)]);
    expect(values).toEqual([["Lyon", 1], ["Paris", 1]]);
    const security = { any_of: ["within_distance(location, geom'POINT(4.83 45.76)', 300km)"], fields: FIELDS };
    expect(await ids([], { security })).toEqual(["r2", "r5"]);
    expect(await ids([`within(location, geom'${IDF}')`], { security })).toEqual([]);
  });

  it("refuses geo_shape and non-geo fields", () => {
    const fields: OdsqlField[] = [...FIELDS, { name: "shape", type: "geo_shape", column: "c7", multivalued: false }];
    const compile = (where: string) => () => compileRecordsQuery({ limit: 10, offset: 0, where: [where] }, fields, runner().dialect, TABLE);
    expect(compile(`within(shape, geom'${IDF}')`)).toThrow('Invalid ODSQL in where: within() is not supported on geo_shape fields such as "shape": filter on a geo_point_2d field');
    expect(compile("within_distance(city, geom'POINT(1 2)', 1km)")).toThrow('within_distance() needs a geo_point_2d field, "city" is a text field');
    expect(compile("within_distance(nowhere, geom'POINT(1 2)', 1km)")).toThrow('Unknown field "nowhere" in where');
  });
}
