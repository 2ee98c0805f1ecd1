import { describe, expect, it } from "vitest";
import { fields, processor, run, typeOf, validationErrors } from "@/lib/processors/test-fixtures";

const MISSING = "Field “nope” does not exist: this processor does nothing.";

describe("string_replace", () => {
  const input = fields("city", ["n", "int"]);

  it("replaces every occurrence, literally, in text, numbers and arrays; keeps null", () => {
    const spec = processor("string_replace", { field: "city", old: "St.", new: "Saint $&" });
    const step = run(spec, input, [{ city: "St. Malo St." }, { city: null }, { city: ["St. Denis", "Paris"] }, { city: "" }]);
    expect(step.records.map((r) => r.city)).toEqual(["Saint $& Malo Saint $&", null, ["Saint $& Denis", "Paris"], ""]);
    expect(step.error_count).toBe(0);
  });

  it("turns numbers into text and types the field as text", () => {
    const step = run(processor("string_replace", { field: "n", old: "0", new: "" }), input, [{ n: 1050 }, { n: true }]);
    expect(step.records.map((r) => r.n)).toEqual(["15", "true"]);
    expect(typeOf(step.fields, "n")).toBe("text");
  });

  it("reports objects as record errors and leaves them alone", () => {
    const shape = { type: "Point", coordinates: [2, 48] };
    const step = run(processor("string_replace", { field: "city", old: "a", new: "b" }), input, [{ city: shape }]);
    expect(step.records[0]!.city).toBe(shape);
    expect(step.errors).toEqual([{ record: 0, message: 'Field “city”: “{"type":"Point","coordinates":[2,48]}” is not text and was left unchanged.' }]);
  });

  it("warns on a missing field and requires old", () => {
    expect(run(processor("string_replace", { field: "nope", old: "a" }), input, [{ city: "a" }])).toMatchObject({ warnings: [MISSING], records: [{ city: "a" }] });
    expect(validationErrors(() => processor("string_replace", { field: "city", old: "" }))).toEqual({ old: ["This parameter is required."] });
  });
});

describe("regexp_replace", () => {
  const input = fields("date");

  it("replaces every match with groups", () => {
    const spec = processor("regexp_replace", { field: "date", regexp: "(\\d{2})/(\\d{2})/(\\d{4})", replacement: "$3-$2-$1" });
    const step = run(spec, input, [{ date: "15/01/2024 or 16/02/2025" }, { date: "none" }, { date: null }, { date: ["01/01/2000"] }]);
    expect(step.records.map((r) => r.date)).toEqual(["2024-01-15 or 2025-02-16", "none", null, ["2000-01-01"]]);
  });

  it("runs a catastrophic pattern in linear time", () => {
    const step = run(processor("regexp_replace", { field: "date", regexp: "(a+)+$", replacement: "x" }), input, [{ date: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" }, { date: "aaa" }]);
    expect(step.records.map((r) => r.date)).toEqual(["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "x"]);
  });

  it("refuses backreferences and invalid patterns with an error on regexp", () => {
    expect(validationErrors(() => processor("regexp_replace", { field: "date", regexp: "(a)\\1" }))).toEqual({
      regexp: ["Backreferences such as \\1 or \\k<name> are not supported: regular expressions run in linear time (RE2 syntax)."],
    });
    expect(validationErrors(() => processor("regexp_replace", { field: "date", regexp: "(?<=x)y" })).regexp?.[0]).toMatch(/^Lookaheads and lookbehinds/);
    expect(validationErrors(() => processor("regexp_replace", { field: "date", regexp: "[" })).regexp?.[0]).toMatch(/^Invalid regular expression/);
  });
});

describe("set_value and default_value", () => {
  const input = fields(["n", "int"], "t");

  it("set_value creates a field typed from the value, and overwrites every record", () => {
    const step = run(processor("set_value", { field: "source", value: 2024 }), input, [{ n: 1 }, { n: null }]);
    expect(step.fields.at(-1)).toMatchObject({ name: "source", type: "int" });
    expect(step.records).toEqual([
      { n: 1, source: "2024" },
      { n: null, source: "2024" },
    ]);
  });

  it("set_value keeps the field's type when the value fits it, else makes it text; an empty value is null", () => {
    expect(typeOf(run(processor("set_value", { field: "n", value: "7" }), input, []).fields, "n")).toBe("int");
    expect(typeOf(run(processor("set_value", { field: "n", value: "n/a" }), input, []).fields, "n")).toBe("text");
    const cleared = run(processor("set_value", { field: "t", value: "" }), input, [{ t: "x" }]);
    expect(cleared.records[0]!.t).toBeNull();
    expect(validationErrors(() => processor("set_value", { field: "New Field", value: "x" }))).toHaveProperty("field");
  });

  it("default_value fills only empty values (null, missing, empty text, empty list)", () => {
    const step = run(processor("default_value", { field: "t", value: "unknown" }), input, [{ t: "a" }, { t: null }, {}, { t: "" }, { t: [] }, { t: 0 }, { t: false }]);
    expect(step.records.map((r) => r.t)).toEqual(["a", "unknown", "unknown", "unknown", "unknown", 0, false]);
    expect(run(processor("default_value", { field: "nope", value: "x" }), input, [{}]).warnings).toEqual([MISSING]);
    expect(validationErrors(() => processor("default_value", { field: "t" }))).toEqual({ value: ["This parameter is required."] });
  });
});

describe("concatenate", () => {
  const input = fields("first", "last", ["zip", "int"], "tags");
  const spec = processor("concatenate", { fields: ["first", "last", "zip", "tags"], separator: " ", output_field: "label" });

  it("joins values with the separator, skipping empty ones and flattening arrays", () => {
    const step = run(spec, input, [
      { first: "Ada", last: "Lovelace", zip: 75001, tags: ["a", "b"] },
      { first: "Ada", last: null, zip: "", tags: [] },
      { first: null, last: null, zip: null, tags: null },
    ]);
    expect(step.records.map((r) => r.label)).toEqual(["Ada Lovelace 75001 a b", "Ada", null]);
    expect(step.fields.at(-1)).toMatchObject({ name: "label", type: "text" });
  });

  it("accepts a comma-separated list of fields and warns on a missing one", () => {
    const listed = processor("concatenate", { fields: "first, nope", output_field: "x" });
    expect(listed.params.fields).toEqual(["first", "nope"]);
    expect(run(listed, input, [{ first: "a" }]).warnings).toEqual([MISSING]);
    expect(validationErrors(() => processor("concatenate", { fields: [], output_field: "x" }))).toEqual({ fields: ["Give a list of field names."] });
  });
});

describe("split", () => {
  const input = fields("tags", "other");

  it("cuts into a trimmed list without empty values, annotated multivalued", () => {
    const step = run(processor("split", { field: "tags", separator: ";" }), input, [{ tags: "a; b;;c ;" }, { tags: "solo" }, { tags: "" }, { tags: null }, { tags: ";;" }, { tags: 42 }]);
    expect(step.records.map((r) => r.tags)).toEqual([["a", "b", "c"], ["solo"], null, null, null, ["42"]]);
    expect(step.fields[0]).toMatchObject({ name: "tags", type: "text", annotations: [{ name: "multivalued", args: [";"] }] });
  });

  it("writes into output_field when given, and splits each element of an array", () => {
    const step = run(processor("split", { field: "tags", separator: "|", output_field: "parts" }), input, [{ tags: ["a|b", "c"] }]);
    expect(step.records[0]).toEqual({ tags: ["a|b", "c"], parts: ["a", "b", "c"] });
    expect(run(processor("split", { field: "nope", separator: "," }), input, [{}]).warnings).toEqual([MISSING]);
  });
});

describe("extract_regexp", () => {
  const input = fields("ref");
  const spec = processor("extract_regexp", { field: "ref", regexp: "(?<year>\\d{4})-(?<num>\\d+)(?<suffix>[a-z])?" });

  it("creates one text field per named group from the first match", () => {
    const step = run(spec, input, [{ ref: "REF 2024-0042 and 2025-1" }, { ref: "none" }, { ref: null }, { ref: "2023-7b" }]);
    expect(step.fields.map((f) => [f.name, f.type])).toEqual([
      ["ref", "text"],
      ["year", "text"],
      ["num", "text"],
      ["suffix", "text"],
    ]);
    expect(step.records.map(({ year, num, suffix }) => [year, num, suffix])).toEqual([
      ["2024", "0042", null],
      [null, null, null],
      [null, null, null],
      ["2023", "7", "b"],
    ]);
  });

  it("gives multivalued groups for a multivalued field", () => {
    const step = run(spec, input, [{ ref: ["2024-1", "x", "2025-2"] }]);
    expect(step.records[0]).toMatchObject({ year: ["2024", null, "2025"], num: ["1", null, "2"] });
  });

  it("requires named groups that are valid field names", () => {
    expect(validationErrors(() => processor("extract_regexp", { field: "ref", regexp: "(\\d+)" })).regexp?.[0]).toMatch(/^Name at least one group/);
    expect(validationErrors(() => processor("extract_regexp", { field: "ref", regexp: "(?<Year>\\d+)" })).regexp?.[0]).toMatch(/“Year” is not a valid field name/);
    expect(run(processor("extract_regexp", { field: "nope", regexp: "(?<a>.)" }), input, [{}]).warnings).toEqual([MISSING]);
  });
});
