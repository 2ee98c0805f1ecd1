// Runs compiled queries on real databases: SQLite in memory always, PostgreSQL when one answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFacetQuery, compileRecordsQuery, type FacetQueryInput, type RecordsQueryInput } from "./index";
import { decodeRows, FIELDS, PG_URL, postgresAnswers, postgresRunner, sqliteRunner, TABLE, type Runner } from "./test-fixtures";

const hasPostgres = await postgresAnswers();
if (!hasPostgres) console.warn(`ODSQL PostgreSQL execution tests skipped: no PostgreSQL answers at ${PG_URL}`);

describe("ODSQL on SQLite", () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await sqliteRunner();
  });
  afterAll(() => runner.close());
  executionSuite(() => runner);
});

describe.skipIf(!hasPostgres)("ODSQL on PostgreSQL (skipped when no server answers at 127.0.0.1:5432)", () => {
  let runner: Runner;
  beforeAll(async () => {
    runner = await postgresRunner();
  });
  afterAll(() => runner?.close());
  executionSuite(() => runner);
});

function executionSuite(runner: () => Runner) {
  const query = async (input: Partial<RecordsQueryInput>) => {
    const compiled = compileRecordsQuery({ limit: 100, offset: 0, ...input }, FIELDS, runner().dialect, TABLE);
    const rows = decodeRows(await runner().run(compiled.sql, compiled.params), compiled.columns);
    const [count] = await runner().run(compiled.countSql, compiled.countParams);
    return { rows, total: Number(count!.total_count) };
  };
  /** The matching record ids in default order (record position). */
  const ids = async (where: string | string[], extra: Partial<RecordsQueryInput> = {}) => {
    const { rows, total } = await query({ where: typeof where === "string" ? [where] : where, ...extra });
    expect(total).toBe(rows.length);
    return rows.map((row) => row._id);
  };
  const r = (...numbers: number[]) => numbers.map((n) => `r${n}`);
  const facet = async (input: FacetQueryInput) => {
    const compiled = compileFacetQuery(input, FIELDS, runner().dialect, TABLE);
    return (await runner().run(compiled.sql, compiled.params)).map((row) => [String(row.value), Number(row.count)]);
  };

  it("selects every field then _id by default, decoded for JSON", async () => {
    const { rows, total } = await query({ limit: 2 });
    expect(total).toBe(12);
    expect(rows[0]).toEqual({
      name: "Alpha Tree",
      tags: ["green", "park"],
      population: 100,
      score: 1.5,
      active: true,
      founded: "2019-03-10",
      updated: "2020-01-05T10:00:00.000Z",
      location: { lat: 48.85, lon: 2.35 },
      city: "Paris",
      year: 1,
      _id: "r1",
    });
    expect(Object.keys(rows[1]!)).toEqual([...FIELDS.map((field) => field.name), "_id"]);
    expect(rows[1]!.active).toBe(false);
  });

  it("compares text exactly, case-sensitively", async () => {
    expect(await ids('city = "Paris"')).toEqual(r(1, 3, 8, 11));
    expect(await ids("city:'Paris'")).toEqual(r(1, 3, 8, 11));
    expect(await ids('city = "paris"')).toEqual([]);
    expect(await ids('name = "Kappa it\'s \\"quoted\\""')).toEqual(r(10));
  });

  it("keeps nulls on != and NOT", async () => {
    expect(await ids('city != "Paris"')).toEqual(r(2, 4, 5, 6, 7, 9, 10, 12));
    expect(await ids('city <> "Paris"')).toEqual(r(2, 4, 5, 6, 7, 9, 10, 12));
    expect(await ids('NOT city = "Paris"')).toEqual(r(2, 4, 5, 6, 7, 9, 10, 12));
    expect(await ids("not (population > 100)")).toEqual(r(1, 3, 4, 6, 8, 10, 11));
  });

  it("orders AND before OR and honours parentheses", async () => {
    expect(await ids('city = "Lyon" OR city = "Nice" AND population < 100')).toEqual(r(2, 5, 6, 10, 12));
    expect(await ids('(city = "Lyon" OR city = "Nice") AND population < 100')).toEqual(r(6, 10));
    expect(await ids('(city = "Lyon") and (population >= 1000)')).toEqual(r(5, 12));
  });

  it("compares numbers and arithmetic", async () => {
    expect(await ids("population > 100 AND population <= 1000")).toEqual(r(2, 5, 7, 9));
    expect(await ids("score < 0")).toEqual(r(10));
    expect(await ids("population * 2 >= 2000")).toEqual(r(5, 12));
    expect(await ids("(population + 50) / 2 = 75")).toEqual(r(1, 11));
    expect(await ids("100 < population and population < 200")).toEqual(r(9));
    expect(await ids("`year` = 3")).toEqual(r(3));
    expect(await ids('population = "100"')).toEqual(r(1, 11));
  });

  it("reads ranges with inclusive, exclusive and mixed brackets", async () => {
    expect(await ids("population IN [100..300]")).toEqual(r(1, 2, 7, 9, 11));
    expect(await ids("population IN ]100..300[")).toEqual(r(2, 9));
    expect(await ids("population: [100 TO 300[")).toEqual(r(1, 2, 9, 11));
    expect(await ids("population:]100 to 300]")).toEqual(r(2, 7, 9));
    expect(await ids("score in [-2..1]")).toEqual(r(5, 8, 10));
  });

  it("matches value lists, nulls and booleans", async () => {
    expect(await ids('city IN ("Lyon", "Nice")')).toEqual(r(2, 5, 6, 10, 12));
    expect(await ids('city IN ("Nice", null)')).toEqual(r(4, 6, 9, 10));
    expect(await ids('city NOT IN ("Lyon", "Paris")')).toEqual(r(4, 6, 7, 9, 10));
    expect(await ids("city IS NULL")).toEqual(r(4, 9));
    expect(await ids("city is not null AND tags IS NULL")).toEqual(r(6, 8));
    expect(await ids("city = null")).toEqual(r(4, 9));
    expect(await ids("active")).toEqual(r(1, 3, 5, 8, 10, 12));
    expect(await ids("active IS TRUE")).toEqual(r(1, 3, 5, 8, 10, 12));
    expect(await ids("active IS FALSE")).toEqual(r(2, 6, 7, 9));
    expect(await ids("active: FALSE")).toEqual(r(2, 6, 7, 9));
    expect(await ids("NOT active")).toEqual(r(2, 4, 6, 7, 9, 11));
    expect(await ids("active IS NOT TRUE")).toEqual(r(2, 4, 6, 7, 9, 11));
  });

  it("treats multivalued fields as any-element", async () => {
    expect(await ids('tags = "green"')).toEqual(r(1, 3, 11, 12));
    expect(await ids('tags != "green"')).toEqual(r(2, 4, 5, 6, 7, 8, 9, 10));
    expect(await ids('tags IN ("film", "café")')).toEqual(r(3, 5));
    expect(await ids('tags = "a,b"')).toEqual(r(10));
    expect(await ids('lower(tags) = "green"')).toEqual(r(1, 3, 9, 11, 12));
    // Two conditions may hold on different elements; a range holds on one.
    expect(await ids('tags > "f" and tags < "g"')).toEqual(r(3, 7, 12));
    expect(await ids('tags IN ["f".."g"[')).toEqual(r(3));
  });

  it("compares dates as periods", async () => {
    expect(await ids("founded = date'2020'")).toEqual(r(2, 3, 6, 7, 9, 11));
    expect(await ids("founded: date'2020-11'")).toEqual(r(3, 6, 9, 11));
    expect(await ids("founded = date'2020/11/05'")).toEqual(r(3, 11));
    expect(await ids('founded = "2020-11-05"')).toEqual(r(3, 11));
    expect(await ids("founded < date'2020'")).toEqual(r(1, 8, 12));
    expect(await ids("founded >= date'2021'")).toEqual(r(5, 10));
    expect(await ids("founded > date'2020'")).toEqual(r(5, 10));
    expect(await ids("founded <= date'2019'")).toEqual(r(1, 8, 12));
    expect(await ids("founded >= date'2020-11-29T10:00'")).toEqual(r(5, 6, 9, 10));
    expect(await ids("founded IN [date'2019'..date'2020'[")).toEqual(r(1, 8));
    expect(await ids("founded IN ]date'2019-12-31'..date'2020-11-05']")).toEqual(r(2, 3, 7, 11));
  });

  it("compares datetimes on their UTC text", async () => {
    expect(await ids("updated = date'2020-11'")).toEqual(r(2, 3, 11));
    expect(await ids("updated >= date'2020-12-01T00:00:00.001Z'")).toEqual(r(5, 9, 10));
    expect(await ids("updated > date'2020-12-01T00:00:00.000Z'")).toEqual(r(5, 9, 10));
    expect(await ids("updated < date'2020-01-05T11:00+01:00'")).toEqual(r(8, 12));
    expect(await ids("updated <= date'2020-01-05T11:00+01:00'")).toEqual(r(1, 8, 12));
    expect(await ids("year(updated) = 2020 and month(updated) = 11 and day(updated) = 5")).toEqual(r(2, 11));
  });

  it("searches full text, case-insensitively", async () => {
    expect(await ids('"tree"')).toEqual(r(1, 2, 7, 12));
    expect(await ids('"TREE*"')).toEqual(r(1, 7));
    expect(await ids('"green film"')).toEqual(r(3));
    expect(await ids('search("street")')).toEqual(r(2, 12));
    expect(await ids("search(`city`, `tags`, \"par\")")).toEqual(r(1, 3, 7, 8, 11));
    expect(await ids('suggest("fest")')).toEqual(r(3));
    expect(await ids('suggest("estival")')).toEqual([]);
    expect(await ids('startswith(name, "alp")')).toEqual(r(1));
    expect(await ids('startswith("gre")')).toEqual(r(1, 3, 9, 11, 12));
    expect(await ids('"tree" AND city = "Lyon"')).toEqual(r(2, 12));
    expect(await ids('search("")')).toHaveLength(12);
  });

  it("escapes LIKE wildcards", async () => {
    expect(await ids('name LIKE "%"')).toEqual(r(6));
    expect(await ids('name LIKE "_"')).toEqual(r(6));
    expect(await ids('name like "pure_fun"')).toEqual(r(6));
    expect(await ids('name LIKE "street"')).toEqual(r(2, 12));
    expect(await ids('tags LIKE "AF"')).toEqual(r(5));
  });

  it("ANDs several where parameters with refine and exclude", async () => {
    expect(await ids(['city = "Paris"', "population >= 100"])).toEqual(r(1, 11));
    expect(await ids([], { refine: ["city:Paris"] })).toEqual(r(1, 3, 8, 11));
    expect(await ids([], { refine: ["founded:2020"] })).toEqual(r(2, 3, 6, 7, 9, 11));
    expect(await ids([], { refine: ["founded:2020/11"] })).toEqual(r(3, 6, 9, 11));
    expect(await ids([], { refine: ["updated:2020/11/05"] })).toEqual(r(2, 11));
    expect(await ids([], { refine: ["tags:green", "tags:film"] })).toEqual(r(3));
    expect(await ids([], { refine: ["active:true", "population:100"] })).toEqual(r(1));
    expect(await ids([], { exclude: ["city:Paris"] })).toEqual(r(2, 4, 5, 6, 7, 9, 10, 12));
    expect(await ids([], { exclude: ["tags:green", "tags:blue"] })).toEqual(r(4, 5, 6, 8, 9, 10));
    expect(await ids(['"tree"'], { refine: ["city:Lyon"], exclude: ["population:2000"] })).toEqual(r(2));
  });

  it("sorts, with nulls last, and pages", async () => {
    const names = async (input: Partial<RecordsQueryInput>) => (await query({ select: "name", ...input })).rows.map((row) => row.name);
    const byPopulation = await query({ select: "population, city", order_by: "population DESC" });
    expect(byPopulation.rows.map((row) => row.population)).toEqual([2000, 1000, 300, 250, 120, 100, 100, 75, 50, 7, 5, null]);
    expect((await query({ select: "population", order_by: "population" })).rows.map((row) => row.population).at(-1)).toBeNull();
    expect(await names({ order_by: "city, population desc", limit: 5 })).toEqual(["Mu Streetcar", "Épsilon Café", "Beta Street", "Eta trees", "100% pure_fun"]);
    expect(await names({ order_by: "name", limit: 3, offset: 1 })).toEqual(["Alpha Tree", "Beta Street", "Delta"]);
    expect(await names({ order_by: "lower(name) desc", limit: 2 })).toEqual(["Épsilon Café", "Theta"]);
    const page = await query({ select: "name", where: ["population > 50"], limit: 2, offset: 2, order_by: "population" });
    expect(page.rows.map((row) => row.name)).toEqual(["lambda", "Iota"]);
    expect(page.total).toBe(8);
  });

  it("evaluates select expressions with labels", async () => {
    const { rows } = await query({
      select: "name, population * 2 AS double_population, score / 2, lower(city) AS c, upper(name) as u, year(founded) AS y, month(updated), -score AS neg",
      where: ["population = 250"],
    });
    expect(rows).toEqual([
      { name: "Beta Street", double_population: 500, "score / 2": 1.25, c: "lyon", u: "BETA STREET", y: 2020, "month(updated)": 11, neg: -2.5 },
    ]);
  });

  it("aggregates without group_by into one row", async () => {
    const { rows, total } = await query({ select: "count(*), count(city) AS with_city, sum(population) AS s, avg(score) AS a, min(founded), max(updated) AS last" });
    expect(total).toBe(1);
    expect(rows).toEqual([{ "count(*)": 12, with_city: 10, s: 4007, a: 3, "min(founded)": "2018-07-14", last: "2022-01-01T00:00:00.000Z" }]);
    const filtered = await query({ select: "count(*) AS n", where: ['city = "Nice"'] });
    expect(filtered.rows).toEqual([{ n: 2 }]);
  });

  it("groups, null values forming their own group", async () => {
    const grouped = await query({ select: "city, count(*) AS n, sum(population) AS total", group_by: "city" });
    expect(grouped.total).toBe(5);
    expect(grouped.rows).toEqual([
      { city: "Lyon", n: 3, total: 3250 },
      { city: "Marseille", n: 1, total: 300 },
      { city: "Nice", n: 2, total: 12 },
      { city: "Paris", n: 4, total: 325 },
      { city: null, n: 2, total: 120 },
    ]);
    const byCount = await query({ select: "count(*) AS n", group_by: "city", order_by: "n desc, city", limit: 2 });
    expect(byCount.rows).toEqual([
      { city: "Paris", n: 4 },
      { city: "Lyon", n: 3 },
    ]);
    expect(byCount.total).toBe(5);
    const byAggregate = await query({ group_by: "city", order_by: "count(*) desc, city desc", limit: 3 });
    expect(byAggregate.rows.map((row) => row.city)).toEqual(["Paris", "Lyon", "Nice"]);
  });

  it("groups on expressions and several keys", async () => {
    const byYear = await query({ select: "count(*) AS n, avg(population) AS mean", group_by: "year(founded) AS y", where: ["founded IS NOT NULL"] });
    expect(byYear.rows).toEqual([
      { y: 2018, n: 1, mean: 2000 },
      { y: 2019, n: 2, mean: 87.5 },
      { y: 2020, n: 6, mean: expect.closeTo(827 / 6, 6) },
      { y: 2021, n: 1, mean: 1000 },
      { y: 2022, n: 1, mean: 5 },
    ]);
    const lower = await query({ select: "count(*)", group_by: "lower(city)", where: ["city IS NOT NULL"], order_by: "lower(city) desc", limit: 1 });
    expect(lower.rows).toEqual([{ "lower(city)": "paris", "count(*)": 4 }]);
    const two = await query({ select: "city AS town, count(*) AS n", group_by: "city, active", where: ['city = "Paris"'] });
    expect(two.rows).toEqual([
      { town: "Paris", active: true, n: 3 },
      { town: "Paris", active: null, n: 1 },
    ]);
  });

  it("counts facet values", async () => {
    expect(await facet({ field: "city" })).toEqual([["Paris", 4], ["Lyon", 3], ["Nice", 2], ["Marseille", 1]]);
    expect(await facet({ field: "city", sort: "alphanum", limit: 2 })).toEqual([["Lyon", 3], ["Marseille", 1]]);
    expect(await facet({ field: "city", sort: "-alphanum", where: ["population > 50"] })).toEqual([["Paris", 3], ["Marseille", 1], ["Lyon", 3]]);
    expect(await facet({ field: "tags" })).toEqual([["green", 4], ["blue", 3], ["park", 2], ["Green", 1], ["a,b", 1], ["café", 1], ["film", 1]]);
    expect(await facet({ field: "tags", refine: ["city:Lyon"], exclude: ["tags:café"] })).toEqual([["blue", 2], ["green", 1]]);
    expect(await facet({ field: "population", sort: "-num", limit: 3 })).toEqual([["2000", 1], ["1000", 1], ["300", 1]]);
    expect(await facet({ field: "active", sort: "count" })).toEqual(runner().dialect === "postgresql" ? [["false", 4], ["true", 6]] : [["0", 4], ["1", 6]]);
  });

  it("reveals date facet levels as the facet is refined", async () => {
    expect(await facet({ field: "founded", sort: "alphanum" })).toEqual([["2018", 1], ["2019", 2], ["2020", 6], ["2021", 1], ["2022", 1]]);
    expect(await facet({ field: "founded", refine: ["founded:2020"], sort: "alphanum" })).toEqual([["2020/01", 1], ["2020/02", 1], ["2020/11", 4]]);
    expect(await facet({ field: "founded", refine: ["founded:2020", "founded:2020/11"], sort: "alphanum" })).toEqual([["2020/11/05", 2], ["2020/11/30", 2]]);
    expect(await facet({ field: "updated", refine: ["updated:2020/11"] })).toEqual([["2020/11/05", 2], ["2020/11/30", 1]]);
  });
}
