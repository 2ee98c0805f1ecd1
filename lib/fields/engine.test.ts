import { describe, expect, it } from "vitest";
import type { FieldType, PreviewField } from "@/lib/extractors/types";
import { applyFieldConfigurations } from "@/lib/fields/engine";
import type { FieldConfigurationWrite } from "@/lib/fields/schema";

const field = (name: string, type: FieldType = "text"): PreviewField => ({ name, label: name.toUpperCase(), type, original_name: name, description: null, annotations: [] });
const input = [field("nom"), field("population"), field("tags"), field("date_maj")];
const label = "item";
const names = (configs: FieldConfigurationWrite[], fields = input) => applyFieldConfigurations(configs, fields).fields.map((f) => f.name);
const warnings = (configs: FieldConfigurationWrite[], fields = input) => applyFieldConfigurations(configs, fields).warnings;

const rename = (from_name: string, to_name: string): FieldConfigurationWrite => ({ type: "rename", label, from_name, to_name, field_label: `Label ${to_name}` });
const typed = (name: string, type_param: FieldType | "file"): FieldConfigurationWrite => ({ type: "type", label, field: name, type_param: type_param as "text" });
const annotate = (name: string, annotation: string, args?: (string | number)[]): FieldConfigurationWrite =>
  ({ type: "annotate", label, field: name, annotation, ...(args ? { args } : {}) }) as FieldConfigurationWrite;
const del = (name: string): FieldConfigurationWrite => ({ type: "delete", label, field: name });
const order = (...args: string[]): FieldConfigurationWrite => ({ type: "order", label, args });

describe("applyFieldConfigurations: the schema", () => {
  it("without items, gives the input fields back, as copies", () => {
    const result = applyFieldConfigurations([], input);
    expect(result.fields).toEqual(input);
    result.fields[0]!.name = "changed";
    expect(input[0]!.name).toBe("nom");
  });

  it("renames: name and label, keeping the original name", () => {
    const [first] = applyFieldConfigurations([rename("nom", "name")], input).fields;
    expect(first).toMatchObject({ name: "name", label: "Label name", original_name: "nom" });
  });

  it("follows chained renames, and warns when an item uses a name that is gone", () => {
    const result = applyFieldConfigurations([rename("nom", "name"), rename("name", "title"), rename("nom", "other")], input);
    expect(result.fields.map((f) => f.name)).toEqual(["title", "population", "tags", "date_maj"]);
    expect(result.warnings).toEqual([{ index: 2, message: expect.stringContaining('No field "nom"') }]);
    expect(result.mapRecord({ nom: "Brie" }).record.title).toBe("Brie");
  });

  it("refuses a rename onto an existing name, unless onto itself (a label change)", () => {
    const result = applyFieldConfigurations([rename("nom", "tags"), rename("nom", "nom")], input);
    expect(result.fields.map((f) => f.name)).toEqual(["nom", "population", "tags", "date_maj"]);
    expect(result.fields[0]!.label).toBe("Label nom");
    expect(result.warnings).toEqual([{ index: 0, message: 'A field named "tags" already exists: the rename is ignored.' }]);
  });

  it("lets a rename take the name of a deleted field", () => {
    const result = applyFieldConfigurations([del("tags"), rename("nom", "tags")], input);
    expect(result.fields.map((f) => f.name)).toEqual(["tags", "population", "date_maj"]);
    expect(result.warnings).toEqual([]);
    expect(result.mapRecord({ nom: "Brie", tags: "a,b" }).record).toEqual({ tags: "Brie", population: null, date_maj: null });
  });

  it("warns about items on a deleted field", () => {
    expect(names([del("nom"), rename("nom", "name"), typed("nom", "int"), annotate("nom", "id"), del("nom")])).toEqual(["population", "tags", "date_maj"]);
    expect(warnings([del("nom"), rename("nom", "name"), typed("nom", "int"), annotate("nom", "id"), del("nom")]).map((w) => w.index)).toEqual([1, 2, 3, 4]);
  });

  it("warns about unknown fields, for every kind of item", () => {
    const configs: FieldConfigurationWrite[] = [
      rename("nope", "x"),
      typed("nope", "int"),
      annotate("nope", "id"),
      { type: "description", label, field: "nope", description: "d" },
      del("nope"),
      order("nope", "tags", "ghost"),
    ];
    const result = applyFieldConfigurations(configs, input);
    expect(result.warnings.map((w) => w.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(result.warnings[5]!.message).toBe("Unknown fields in the order, ignored: nope, ghost.");
    expect(result.fields.map((f) => f.name)).toEqual(["tags", "nom", "population", "date_maj"]);
  });

  it("types fields, except as `file` (not supported yet: a warning)", () => {
    const result = applyFieldConfigurations([typed("population", "int"), typed("tags", "file")], input);
    expect(result.fields.map((f) => f.type)).toEqual(["text", "int", "text", "text"]);
    expect(result.warnings).toEqual([{ index: 1, message: expect.stringContaining('"file" type is not supported') }]);
  });

  it("describes fields", () => {
    const [, population] = applyFieldConfigurations([{ type: "description", label, field: "population", description: "Inhabitants" }], input).fields;
    expect(population!.description).toBe("Inhabitants");
  });

  it("orders: the listed fields first, in that order, then the others in their current order", () => {
    expect(names([order("date_maj", "nom")])).toEqual(["date_maj", "nom", "population", "tags"]);
    expect(names([rename("tags", "keywords"), order("keywords"), order("population")])).toEqual(["population", "keywords", "nom", "date_maj"]);
    expect(Object.keys(applyFieldConfigurations([order("tags", "nom")], input).mapRecord({ nom: 1, tags: 2 }).record)).toEqual(["tags", "nom", "population", "date_maj"]);
  });

  it("annotates with string args; a second item replaces the first; upstream annotations are kept", () => {
    const upstream = [{ ...field("population", "double"), annotations: [{ name: "custom", args: ["x"] }] }];
    const result = applyFieldConfigurations([annotate("population", "decimals", [2]), annotate("population", "unit", ["km"]), annotate("population", "decimals", ["3"])], upstream);
    expect(result.fields[0]!.annotations).toEqual([
      { name: "custom", args: ["x"] },
      { name: "decimals", args: ["3"] },
      { name: "unit", args: ["km"] },
    ]);
    expect(result.warnings).toEqual([]);
    expect(upstream[0]!.annotations).toHaveLength(1);
  });
});

describe("applyFieldConfigurations: annotations and field types", () => {
  const fields = [field("t"), field("i", "int"), field("d", "double"), field("day", "date"), field("at", "datetime"), field("p", "geo_point_2d")];
  const check = (name: string, annotation: string, args?: (string | number)[]) => warnings([annotate(name, annotation, args)], fields);
  const fits: [string, string, (string | number)[]?][] = [
    ["t", "id"], ["p", "id"], ["i", "unit", ["m"]], ["d", "unit", ["m"]], ["d", "decimals", [2]], ["t", "sortable"],
    ["t", "multivalued", [","]], ["t", "hierarchical", ["/"]], ["day", "timeserie_precision", ["month"]],
    ["at", "timeserie_precision", ["hour"]], ["at", "timeserie_precision", ["day"]], ["t", "facet"], ["day", "facet"],
  ];
  it.each(fits)("%s accepts %s", (name, annotation, args) => {
    expect(check(name, annotation, args)).toEqual([]);
  });

  const misfits: [string, string, (string | number)[]?][] = [
    ["t", "unit", ["m"]], ["i", "decimals", [2]], ["i", "sortable"], ["d", "multivalued", [","]], ["day", "hierarchical", ["/"]],
    ["t", "timeserie_precision", ["year"]], ["day", "timeserie_precision", ["hour"]], ["day", "timeserie_precision", ["minute"]], ["p", "facet"],
  ];
  it.each(misfits)("%s refuses %s (a warning; the annotation is dropped)", (name, annotation, args) => {
    const result = applyFieldConfigurations([annotate(name, annotation, args)], fields);
    expect(result.warnings).toEqual([{ index: 0, message: expect.stringMatching(new RegExp(`^Field "${name}": .*; the annotation is ignored\\.$`)) }]);
    expect(result.fields.find((f) => f.name === name)!.annotations).toEqual([]);
  });

  it("checks against the final type: typing after annotating counts", () => {
    expect(warnings([annotate("t", "unit", ["m"]), typed("t", "double")], fields)).toEqual([]);
    expect(warnings([annotate("d", "unit", ["m"]), typed("d", "text")], fields)).toEqual([{ index: 0, message: expect.stringContaining("not text") }]);
  });

  it("gives warnings in item order", () => {
    expect(warnings([annotate("t", "unit", ["m"]), del("nope")], fields).map((w) => w.index)).toEqual([0, 1]);
  });
});

describe("mapRecord", () => {
  const base = [field("nom"), field("pop", "int"), field("surface"), field("maj"), field("vu"), field("geo"), field("tags"), field("extra")];
  const configs: FieldConfigurationWrite[] = [
    rename("nom", "name"),
    typed("surface", "double"),
    typed("maj", "date"),
    typed("vu", "datetime"),
    typed("geo", "geo_point_2d"),
    annotate("tags", "multivalued", [";"]),
    del("extra"),
  ];
  const { mapRecord } = applyFieldConfigurations(configs, base);

  it("renames keys, drops deleted and unknown ones, converts values", () => {
    const raw = { nom: "Comté", pop: "1200", surface: "12.5", maj: "2024-05-01", vu: "2024-05-01T12:00:00+02:00", geo: "46.9, 5.9", tags: "a; b;;c ", extra: "x", stray: 1 };
    expect(mapRecord(raw)).toEqual({
      record: { name: "Comté", pop: 1200, surface: 12.5, maj: "2024-05-01", vu: "2024-05-01T10:00:00Z", geo: { lon: 5.9, lat: 46.9 }, tags: ["a", "b", "c"] },
      errors: [],
    });
  });

  it("gives null to missing and empty values", () => {
    expect(mapRecord({ nom: "", tags: " ; " }).record).toEqual({ name: null, pop: null, surface: null, maj: null, vu: null, geo: null, tags: null });
  });

  it("keeps JSON lists of a multivalued field as lists of text", () => {
    expect(mapRecord({ tags: ["a", 2, " "] }).record.tags).toEqual(["a", "2"]);
  });

  it("turns failed conversions into null and an error naming the field and the value, cut to 50 characters", () => {
    const long = "y".repeat(80);
    const result = mapRecord({ pop: "12.5", surface: "12,5", maj: "01/05/2024", vu: long, geo: "95,0" });
    expect(result.record).toMatchObject({ pop: null, surface: null, maj: null, vu: null, geo: null });
    expect(result.errors.map((e) => e.message)).toEqual([
      'Field "pop": "12.5" is not a valid int.',
      'Field "surface": "12,5" is not a valid double.',
      'Field "maj": "01/05/2024" is not a valid date.',
      `Field "vu": "${"y".repeat(50)}…" is not a valid datetime.`,
      'Field "geo": "95,0" is not a valid geo_point_2d.',
    ]);
    expect(result.errors.map((e) => e.field)).toEqual(["pop", "surface", "maj", "vu", "geo"]);
  });

  it("splits only text fields: multivalued on a typed field is dropped with a warning", () => {
    const result = applyFieldConfigurations([annotate("pop", "multivalued", [","])], base);
    expect(result.warnings).toHaveLength(1);
    expect(result.mapRecord({ pop: "3" }).record.pop).toBe(3);
  });

  it("reads the values of a renamed-then-typed field from its original key", () => {
    const result = applyFieldConfigurations([rename("surface", "area"), typed("area", "int"), rename("area", "area_km2")], base);
    expect(result.mapRecord({ surface: "42" }).record.area_km2).toBe(42);
  });
});
