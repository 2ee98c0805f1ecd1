import { describe, expect, it } from "vitest";
import { fieldErrorsFromZod } from "@/lib/errors/zod-messages";
import { DEFAULT_TEMPLATE } from "@/lib/metadata/system-templates";
import { collapseValuePaths, isBlankMetadataValue, templateValuesSchema, type TemplateRules } from "@/lib/metadata/template-values";

const survey: TemplateRules = {
  name: "survey",
  fields: [
    { name: "method", type: "enum", choices: ["census", "sample"] },
    { name: "size", type: "int" },
    { name: "ratio", type: "double", choices: ["0.5", "1"] },
    { name: "summary", type: "text", i18n: true },
    { name: "day", type: "date" },
    { name: "at", type: "datetime" },
    { name: "tags", type: "enumlist", choices: ["a", "b"] },
    { name: "words", type: "list" },
    { name: "areas", type: "geo_area" },
    { name: "shape", type: "geo_shape" },
    { name: "flag", type: "boolean" },
    { name: "link", type: "uri_enum", choices: ["https://example.org/a"] },
  ],
};

const errorsOf = (rules: TemplateRules, input: unknown) => {
  const result = templateValuesSchema(rules).safeParse(input);
  return result.success ? {} : collapseValuePaths(fieldErrorsFromZod(result.error));
};

describe("templateValuesSchema", () => {
  it("accepts values that fit their field, trims text and drops blanks", () => {
    const parsed = templateValuesSchema(survey).parse({
      method: { value: "census" },
      size: { value: 3 },
      ratio: { value: 1 },
      summary: { value: { en: " Counts ", fr: "Comptages" } },
      day: { value: "2024-02-29" },
      at: { value: "2024-02-29T10:00:00+01:00" },
      tags: { value: ["b"] },
      words: { value: [" x "] },
      areas: { value: ["world_fr"] },
      shape: { value: { type: "Point", coordinates: [1, 2] } },
      flag: { value: false },
      link: { value: "https://example.org/a", override_remote_value: true },
      size2: undefined,
    });
    expect(parsed).toMatchObject({ method: { value: "census" }, words: { value: ["x"] }, flag: { value: false }, link: { override_remote_value: true } });
    expect(templateValuesSchema(survey).parse({ method: { value: "" }, words: { value: [] }, size: { value: null } })).toEqual({});
  });

  it.each([
    ["method", "guess"],
    ["size", 1.5],
    ["size", "3"],
    ["ratio", 0.7],
    ["summary", { xx: "hello" }],
    ["summary", {}],
    ["day", "2024-02-30"],
    ["at", "tomorrow"],
    ["tags", ["a", "c"]],
    ["words", "a,b"],
    ["shape", { coordinates: [] }],
    ["flag", "yes"],
    ["link", "https://example.org/b"],
  ])("refuses %s = %j on its value", (field, value) => {
    expect(Object.keys(errorsOf(survey, { [field]: { value } }))).toEqual([`${field}.value`]);
  });

  it("refuses unknown fields by name", () => {
    expect(Object.keys(errorsOf(survey, { colour: { value: "red" } }))).toEqual(["colour"]);
  });

  it("requires the default template's title on save, with the system limits", () => {
    const rules = { name: "default", fields: DEFAULT_TEMPLATE.fields };
    expect(Object.keys(errorsOf(rules, {}))).toEqual(["title.value"]);
    expect(Object.keys(errorsOf(rules, { title: { value: "x".repeat(513) } }))).toEqual(["title.value"]);
    expect(Object.keys(errorsOf(rules, { title: { value: "T" }, timezone: { value: "Mars/Olympus" } }))).toEqual(["timezone.value"]);
    expect(errorsOf(rules, { title: { value: "T" }, timezone: { value: "US/Pacific" }, language: { value: "fr" } })).toEqual({});
  });
});

describe("isBlankMetadataValue", () => {
  it.each([[undefined], [null], [""], ["  "], [[]], [{}], [{ en: "", fr: " " }]])("%j is blank", (value) => expect(isBlankMetadataValue(value)).toBe(true));
  it.each([[0], [false], ["x"], [["a"]], [{ en: "x" }], [{ type: "Point", coordinates: [] }]])("%j is not blank", (value) => expect(isBlankMetadataValue(value)).toBe(false));
});
