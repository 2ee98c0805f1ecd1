import { describe, expect, it } from "vitest";
import { compileFacetQuery, compileRecordsQuery, numberPlaceholders, type RecordsQueryInput } from "./index";
import { FIELDS } from "./test-fixtures";
import { odsqlFailure as failure } from "./test-fixtures";

const compile = (input: Partial<RecordsQueryInput>, dialect: "sqlite" | "postgresql" = "sqlite") =>
  compileRecordsQuery({ limit: 10, offset: 0, ...input }, FIELDS, dialect, "rec_a");

describe("compileRecordsQuery", () => {
  it("binds every value and quotes catalog columns", () => {
    const sqlite = compile({ select: "name", where: ['city = "Paris\' OR 1=1 --"', "population > 5"] });
    expect(sqlite.sql).toBe(
      `SELECT "c0" AS "o0" FROM "rec_a" WHERE "_n" IN (SELECT "_n" FROM "rec_a" WHERE (("c8" = ?)) AND (("c2" > ?)) ORDER BY "_n" ASC LIMIT ? OFFSET ?) ORDER BY "_n" ASC`,
    );
    expect(sqlite.params).toEqual(["Paris' OR 1=1 --", 5, 10, 0]);
    expect(sqlite.countSql).toBe(`SELECT COUNT(*) AS "total_count" FROM "rec_a" WHERE (("c8" = ?)) AND (("c2" > ?))`);
    expect(sqlite.countParams).toEqual(["Paris' OR 1=1 --", 5]);
    const pg = compile({ select: "name", where: ['city = "Paris"', "population > 5"] }, "postgresql");
    expect(pg.sql).toBe(`SELECT "c0" AS "o0" FROM "rec_a" WHERE "_n" IN (SELECT "_n" FROM "rec_a" WHERE (("c8" = $1)) AND (("c2" > $2)) ORDER BY "_n" ASC LIMIT $3 OFFSET $4) ORDER BY "_n" ASC`);
    expect(pg.countSql).toBe(`SELECT CAST(COUNT(*) AS INTEGER) AS "total_count" FROM "rec_a" WHERE (("c8" = $1)) AND (("c2" > $2))`);
  });

  it("reads only the page's rows of a filtered page in record order, and whole rows otherwise", () => {
    expect(compile({ select: "name" }).sql).toBe(`SELECT "c0" AS "o0" FROM "rec_a" ORDER BY "_n" ASC LIMIT ? OFFSET ?`);
    expect(compile({ select: "name", where: ["population > 5"], order_by: "name" }).sql).toBe(
      `SELECT "c0" AS "o0" FROM "rec_a" WHERE (("c2" > ?)) ORDER BY "o0" ASC NULLS LAST, "_n" ASC LIMIT ? OFFSET ?`,
    );
    expect(compile({ select: "count(*) as n", where: ["population > 5"] }).sql).not.toContain(`"_n" IN`);
    expect(compile({ where: ["population > 5"], limit: -1 }).sql).not.toContain(`"_n" IN`);
  });

  it("compiles multivalued equality per dialect", () => {
    expect(compile({ where: ['tags = "a"'] }).sql).toContain(`EXISTS (SELECT 1 FROM json_each("c1") WHERE (value = ?))`);
    expect(compile({ where: ['tags = "a"'] }, "postgresql").sql).toContain(
      `EXISTS (SELECT 1 FROM jsonb_array_elements_text("c1"::jsonb) AS v(value) WHERE (value = $1))`,
    );
  });

  it("compiles booleans, negation and LIKE escapes per dialect", () => {
    expect(compile({ where: ["active"] }).params[0]).toBe(1);
    expect(compile({ where: ["active"] }, "postgresql").params[0]).toBe(true);
    expect(compile({ where: ['city != "x"'] }).sql).toContain(`(NOT COALESCE(("c8" = ?), FALSE))`);
    const like = compile({ where: ['name LIKE "50%_off\\\\"'] });
    expect(like.sql).toContain(`lower("c0") LIKE ? ESCAPE '\\'`);
    expect(like.params[0]).toBe("%50\\%\\_off\\\\%");
  });

  it("compiles date periods against the storage form", () => {
    expect(compile({ where: ["founded = date'2020-11'"] }).params.slice(0, 2)).toEqual(["2020-11-01", "2020-12-01"]);
    expect(compile({ where: ["updated > date'2020'"] }).params[0]).toBe("2021-01-01T00:00:00.000Z");
    expect(compile({ refine: ["updated:2020/11/05"] }).params.slice(0, 2)).toEqual(["2020-11-05T00:00:00.000Z", "2020-11-06T00:00:00.000Z"]);
  });

  it("describes output columns for decoding", () => {
    const plain = compile({ select: "tags, location, population + score AS total" });
    expect(plain.columns).toEqual([
      { key: "tags", alias: "o0", type: "text", multivalued: true },
      { key: "location", alias: "o1", type: "geo_point_2d", multivalued: false },
      { key: "total", alias: "o2", type: "number", multivalued: false },
    ]);
    const grouped = compile({ select: "count(*) AS n, min(founded)", group_by: "city AS town" });
    expect(grouped.grouped).toBe(true);
    expect(grouped.columns.map((column) => [column.key, column.type])).toEqual([["town", "text"], ["n", "number"], ["min(founded)", "date"]]);
    expect(grouped.sql).toBe(
      `SELECT "c8" AS "o0", COUNT(*) AS "o1", MIN("c5") AS "o2" FROM "rec_a" GROUP BY 1 ORDER BY "o0" ASC NULLS LAST LIMIT ? OFFSET ?`,
    );
    expect(grouped.countSql).toBe(`SELECT COUNT(*) AS "total_count" FROM (SELECT "c8" FROM "rec_a" GROUP BY 1) AS g`);
  });

  it("omits the limit when it is negative (exports)", () => {
    expect(compile({ limit: -1, offset: 5 }).sql).toMatch(/ LIMIT -1 OFFSET \?$/);
    expect(compile({ limit: -1, offset: 5 }, "postgresql").sql).toMatch(/ OFFSET \$1$/);
  });

  it("refuses unknown fields and impossible types, naming the clause", () => {
    expect(failure(() => compile({ where: ["nope = 1"] })).message).toBe('Unknown field "nope" in where');
    expect(failure(() => compile({ where: ["Name = 1"] })).message).toBe('Unknown field "Name" in where');
    expect(failure(() => compile({ select: "nope" })).message).toBe('Unknown field "nope" in select');
    expect(failure(() => compile({ order_by: "nope" })).clause).toBe("order_by");
    expect(failure(() => compile({ group_by: "nope" })).clause).toBe("group_by");
    expect(failure(() => compile({ refine: ["nope:1"] })).message).toBe('Unknown field "nope" in refine');
    expect(failure(() => compile({ exclude: ["nope:1"] })).message).toBe('Unknown field "nope" in exclude');
    expect(failure(() => compile({ refine: ["nocolon"] })).message).toBe('Invalid refine "nocolon": expected FACET:VALUE');
    expect(failure(() => compile({ where: ["active > true"] })).message).toBe("Invalid ODSQL in where: cannot use > on a boolean value");
    expect(failure(() => compile({ select: "sum(name)" })).message).toBe("Invalid ODSQL in select: sum() needs a number, not a text value");
    expect(failure(() => compile({ select: "name + 1" })).message).toBe("Invalid ODSQL in select: arithmetic needs numbers, not a text value");
    expect(failure(() => compile({ select: "year(name)" })).message).toBe("Invalid ODSQL in select: year() needs a date, not a text value");
    expect(failure(() => compile({ where: ["count(*) > 1"] })).message).toBe("Invalid ODSQL in where: aggregate count(*) is not allowed here");
    expect(failure(() => compile({ where: ["population"] })).message).toBe('Invalid ODSQL in where: "population" is not a boolean field');
    expect(failure(() => compile({ where: ['population = "abc"'] })).message).toBe('Invalid ODSQL in where: cannot compare a int value with "abc"');
    expect(failure(() => compile({ where: ["founded = 2020"] })).message).toBe("Invalid ODSQL in where: cannot compare a date with a number");
    expect(failure(() => compile({ where: ['founded = "soon"'] })).message).toBe('Invalid ODSQL in where: invalid date "soon"');
    expect(failure(() => compile({ where: ['search(`population`, "x")'] })).message).toContain('"population" is a int value');
    expect(failure(() => compile({ select: "name, count(*)" })).message).toBe('Invalid ODSQL in select: "name" must be aggregated, or listed in group_by');
    expect(failure(() => compile({ select: "name", group_by: "city" })).message).toBe('Invalid ODSQL in select: "name" must be aggregated, or listed in group_by');
    expect(failure(() => compile({ group_by: "city", order_by: "name" })).message).toBe("Invalid ODSQL in order_by: sort on a group_by key or an aggregate");
    expect(failure(() => compile({ order_by: "count(*)" })).clause).toBe("order_by");
    expect(failure(() => compile({ refine: ["founded:someday"] })).message).toBe('Invalid ODSQL in refine: invalid date "someday" for "founded"');
    expect(failure(() => compile({ refine: ["population:many"] })).clause).toBe("refine");
  });
});

describe("compileFacetQuery", () => {
  it("counts values, elements of multivalued fields, and date levels", () => {
    expect(compileFacetQuery({ field: "city", limit: 5 }, FIELDS, "sqlite", "rec_a")).toEqual({
      sql: `SELECT t."c8" AS "value", COUNT(*) AS "count" FROM "rec_a" AS t WHERE t."c8" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 ASC LIMIT ?`,
      params: [5],
      valueType: "text",
      level: 0,
    });
    expect(compileFacetQuery({ field: "tags", sort: "alphanum" }, FIELDS, "postgresql", "rec_a").sql).toBe(
      `SELECT j.value AS "value", CAST(COUNT(DISTINCT t."_n") AS INTEGER) AS "count" FROM "rec_a" AS t CROSS JOIN LATERAL jsonb_array_elements_text(t."c1"::jsonb) AS j(value) GROUP BY 1 ORDER BY 1 ASC`,
    );
    const months = compileFacetQuery({ field: "founded", refine: ["founded:2020"], where: ["population > 1"] }, FIELDS, "postgresql", "rec_a");
    expect(months.sql).toBe(
      `SELECT substr(t."c5", 1, 4) || '/' || substr(t."c5", 6, 2) AS "value", CAST(COUNT(*) AS INTEGER) AS "count" FROM "rec_a" AS t WHERE (("c2" > $1)) AND (("c5" >= $2 AND "c5" < $3)) AND t."c5" IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 ASC`,
    );
    expect(months.level).toBe(2);
  });

  it("refuses unknown and geo facets", () => {
    expect(failure(() => compileFacetQuery({ field: "nope" }, FIELDS, "sqlite", "t")).message).toBe('Unknown field "nope" in facet');
    expect(failure(() => compileFacetQuery({ field: "location" }, FIELDS, "sqlite", "t")).clause).toBe("facet");
  });
});

describe("numberPlaceholders", () => {
  it("numbers ? in order", () => {
    expect(numberPlaceholders("a = ? AND b IN (?, ?)")).toBe("a = $1 AND b IN ($2, $3)");
  });
});
