import { describe, expect, it } from "vitest";
import type { Condition, Expr } from "./ast";
import { parseGroupBy, parseOrderBy, parseSelect, parseWhere } from "./index";
import { tokenize } from "./tokenizer";
import { odsqlFailure as failure } from "./test-fixtures";

/** The tree without positions, for readable expectations. */
const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (key === "start" || key === "end" ? undefined : v)));
const where = (text: string) => strip(parseWhere(text)) as Condition;
const field = (name: string) => ({ kind: "field", name });
const str = (value: string) => ({ kind: "string", value });
const num = (value: number) => ({ kind: "number", value });

describe("tokenize", () => {
  it("reads strings with JSON escapes in both quotes", () => {
    const [a, b] = tokenize(String.raw`"a\"b\\c\nd\u00e9" 'it\'s'`, "where");
    expect(a).toMatchObject({ kind: "string", value: 'a"b\\c\nd\u00e9' });
    expect(b).toMatchObject({ kind: "string", value: "it's" });
  });

  it("reads back-quoted fields, numbers, dates and operators", () => {
    const tokens = tokenize("`my \\`field` >= 5.8 AND d <> date'2020-01' OR x..y 1e3", "where");
    expect(tokens.map((token) => [token.kind, token.value])).toEqual([
      ["quoted_ident", "my `field"],
      ["op", ">="],
      ["number", "5.8"],
      ["ident", "AND"],
      ["ident", "d"],
      ["op", "<>"],
      ["date", "2020-01"],
      ["ident", "OR"],
      ["ident", "x"],
      ["op", ".."],
      ["ident", "y"],
      ["number", "1e3"],
      ["eof", ""],
    ]);
    expect(tokenize("[1..5]", "where").map((token) => token.value)).toEqual(["[", "1", "..", "5", "]", ""]);
  });

  it("names the clause and position of lexical errors", () => {
    expect(failure(() => tokenize('a = "open', "where")).message).toBe("Invalid ODSQL in where: unterminated string at position 5");
    expect(failure(() => tokenize("a # b", "order_by")).message).toBe('Invalid ODSQL in order_by: unexpected character "#" at position 3');
    expect(failure(() => tokenize('"\\u12"', "where")).message).toContain("invalid \\u escape");
    expect(failure(() => tokenize("``", "select")).message).toContain("empty field name");
  });
});

describe("parseWhere", () => {
  it("reads comparisons with every operator", () => {
    expect(where('country_code:"FR"')).toEqual({ kind: "compare", op: "=", left: field("country_code"), right: str("FR") });
    for (const [text, op] of [["=", "="], ["!=", "!="], ["<>", "!="], [">", ">"], ["<", "<"], [">=", ">="], ["<=", "<="]]) {
      expect(where(`year2 ${text} 2022`)).toEqual({ kind: "compare", op, left: field("year2"), right: num(2022) });
    }
    expect(where("n = -3")).toMatchObject({ right: num(-3) });
    expect(where("flag: FALSE")).toMatchObject({ right: { kind: "boolean", value: false } });
    expect(where("x = null")).toMatchObject({ right: { kind: "null" } });
  });

  it("binds AND tighter than OR, with NOT and parentheses", () => {
    expect(where("a = 1 OR b = 2 and c = 3")).toMatchObject({ kind: "or", right: { kind: "and" } });
    expect(where("(a = 1 OR b = 2) AND c = 3")).toMatchObject({ kind: "and", left: { kind: "or" } });
    expect(where("not a = 1 and b = 2")).toMatchObject({ kind: "and", left: { kind: "not" } });
    expect(where("NOT (a = 1 or b = 2)")).toMatchObject({ kind: "not", operand: { kind: "or" } });
    expect(where("(a + b) * 2 > 3")).toMatchObject({ kind: "compare", op: ">", left: { kind: "binary", op: "*" } });
    expect(where("((x))")).toEqual({ kind: "is_boolean", expr: field("x"), value: true });
  });

  it("reads ranges in every spelling", () => {
    const range = (lowInclusive: boolean, highInclusive: boolean) => ({ kind: "range", expr: field("n"), low: num(1), high: num(5), lowInclusive, highInclusive });
    expect(where("n IN [1..5]")).toEqual(range(true, true));
    expect(where("n in ]1..5[")).toEqual(range(false, false));
    expect(where("n IN [1 TO 5[")).toEqual(range(true, false));
    expect(where("n:]1 to 5]")).toEqual(range(false, true));
    expect(where("n: [1..5]")).toEqual(range(true, true));
    expect(where("d IN [date'2017'..date'2018-01-01']")).toMatchObject({ low: { kind: "date", text: "2017" }, high: { kind: "date", text: "2018-01-01" } });
  });

  it("reads value lists, null tests and boolean tests", () => {
    expect(where('c IN ("a", "b")')).toEqual({ kind: "in_list", expr: field("c"), values: [str("a"), str("b")] });
    expect(where('c NOT IN ("a")')).toMatchObject({ kind: "not", operand: { kind: "in_list" } });
    expect(where("c IS NULL")).toEqual({ kind: "is_null", expr: field("c"), negated: false });
    expect(where("c is not null")).toEqual({ kind: "is_null", expr: field("c"), negated: true });
    expect(where("flag")).toEqual({ kind: "is_boolean", expr: field("flag"), value: true });
    expect(where("flag IS TRUE")).toEqual({ kind: "is_boolean", expr: field("flag"), value: true });
    expect(where("flag is false")).toEqual({ kind: "is_boolean", expr: field("flag"), value: false });
    expect(where("flag IS NOT FALSE")).toMatchObject({ kind: "not", operand: { value: false } });
  });

  it("reads full-text forms", () => {
    expect(where('"tree"')).toEqual({ kind: "text_search", mode: "search", fields: null, text: "tree" });
    expect(where("'film*' AND x = 1")).toMatchObject({ kind: "and", left: { kind: "text_search", text: "film*" } });
    expect(where('search("a b")')).toEqual({ kind: "text_search", mode: "search", fields: null, text: "a b" });
    expect(where('SEARCH(`f1`, `f2`, "t")')).toEqual({ kind: "text_search", mode: "search", fields: ["f1", "f2"], text: "t" });
    expect(where('startswith(name, "ab")')).toEqual({ kind: "text_search", mode: "startswith", fields: ["name"], text: "ab" });
    expect(where('suggest("ab")')).toMatchObject({ mode: "suggest", fields: null });
    expect(where('name LIKE "star"')).toEqual({ kind: "like", expr: field("name"), pattern: "star" });
    expect(where('name NOT LIKE "star"')).toMatchObject({ kind: "not", operand: { kind: "like" } });
  });

  it("reads date literals as periods", () => {
    const period = (text: string) => (parseWhere(`d = date'${text}'`) as { right: Expr }).right;
    expect(period("2017")).toMatchObject({ period: { start: Date.UTC(2017, 0, 1), end: Date.UTC(2018, 0, 1), precision: "year" } });
    expect(period("2017-02")).toMatchObject({ period: { start: Date.UTC(2017, 1, 1), end: Date.UTC(2017, 2, 1) } });
    expect(period("2018/04/01")).toMatchObject({ period: { start: Date.UTC(2018, 3, 1), precision: "day" } });
    expect(period("2017-04-03T08:02")).toMatchObject({ period: { start: Date.UTC(2017, 3, 3, 8, 2), precision: "minute" } });
    expect(period("1970-01-01T00:00:00.000Z")).toMatchObject({ period: { start: 0, end: 1, precision: "millisecond" } });
    expect(period("2020-01-01T02:00:00+02:00")).toMatchObject({ period: { start: Date.UTC(2020, 0, 1), precision: "second" } });
    expect(failure(() => parseWhere("d = date'2021-02-30'")).message).toBe('Invalid ODSQL in where: invalid date "2021-02-30" at position 5');
  });

  it("requires back-quotes for reserved keywords and accepts escapes inside them", () => {
    expect(where("`year` = 1")).toMatchObject({ left: field("year") });
    expect(where("`a\\`b` = 1")).toMatchObject({ left: field("a`b") });
    expect(where("to = 1 and like = 2")).toMatchObject({ left: { left: field("to") }, right: { left: field("like") } });
    expect(failure(() => parseWhere("select = 1")).message).toBe('Invalid ODSQL in where: unexpected "select" at position 1');
    // a function name without "(" is a field, as in the contract's filter example `year!=2022`
    expect(where("year!=2022")).toMatchObject({ left: field("year"), op: "!=" });
  });

  it("reports the clause, token and position of syntax errors", () => {
    expect(failure(() => parseWhere("a = 1 AND AND b")).message).toBe('Invalid ODSQL in where: unexpected "AND" at position 11');
    expect(failure(() => parseWhere("a = 1 AND")).message).toBe("Invalid ODSQL in where: unexpected end of input at position 10");
    expect(failure(() => parseWhere("a = (1")).message).toContain("unexpected end of input");
    expect(failure(() => parseWhere("(a = 1) b")).message).toBe('Invalid ODSQL in where: unexpected "b" at position 9');
    expect(failure(() => parseWhere("a IN [1, 2]")).message).toBe('Invalid ODSQL in where: unexpected "," at position 8');
    expect(failure(() => parseWhere("foo(a) = 1")).message).toBe('Invalid ODSQL in where: unknown function "foo" at position 1');
    expect(failure(() => parseWhere("a IS 3")).clause).toBe("where");
    expect(failure(() => parseWhere("a =", "exclude")).message).toBe("Invalid ODSQL in exclude: unexpected end of input at position 4");
  });
});

describe("parseSelect, parseGroupBy, parseOrderBy", () => {
  it("labels fields by name and expressions by their text", () => {
    expect(strip(parseSelect("*, name, count(*), sum(pop) AS total, (a + b) / 2 as `avg ab`, lower(`x`)"))).toEqual([
      { kind: "all" },
      { kind: "expr", expr: field("name"), label: "name", explicitLabel: false },
      { kind: "expr", expr: { kind: "count_all" }, label: "count(*)", explicitLabel: false },
      { kind: "expr", expr: { kind: "call", name: "sum", args: [field("pop")] }, label: "total", explicitLabel: true },
      {
        kind: "expr",
        expr: { kind: "binary", op: "/", left: { kind: "binary", op: "+", left: field("a"), right: field("b") }, right: num(2) },
        label: "avg ab",
        explicitLabel: true,
      },
      { kind: "expr", expr: { kind: "call", name: "lower", args: [field("x")] }, label: "lower(`x`)", explicitLabel: false },
    ]);
  });

  it("follows arithmetic precedence", () => {
    expect(strip(parseSelect("a + b * c - d")[0])).toMatchObject({
      expr: { kind: "binary", op: "-", left: { kind: "binary", op: "+", right: { kind: "binary", op: "*" } }, right: field("d") },
    });
    expect(strip(parseSelect("-a")[0])).toMatchObject({ expr: { kind: "negate", operand: field("a") } });
  });

  it("reads group_by labels and order_by directions", () => {
    expect(strip(parseGroupBy("city, year(d) AS y"))).toEqual([
      { expr: field("city"), label: "city", explicitLabel: false },
      { expr: { kind: "call", name: "year", args: [field("d")] }, label: "y", explicitLabel: true },
    ]);
    expect(strip(parseOrderBy("count(*) DESC, name asc, x"))).toEqual([
      { expr: { kind: "count_all" }, direction: "desc" },
      { expr: field("name"), direction: "asc" },
      { expr: field("x"), direction: "asc" },
    ]);
  });

  it("names its clause in errors", () => {
    expect(failure(() => parseSelect("a AS")).message).toBe("Invalid ODSQL in select: unexpected end of input at position 5");
    expect(failure(() => parseSelect("count(*")).clause).toBe("select");
    expect(failure(() => parseGroupBy("a,")).message).toBe("Invalid ODSQL in group_by: unexpected end of input at position 3");
    expect(failure(() => parseOrderBy("a desc b")).message).toBe('Invalid ODSQL in order_by: unexpected "b" at position 8');
  });
});
