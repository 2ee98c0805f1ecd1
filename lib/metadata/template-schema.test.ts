import { describe, expect, it } from "vitest";
import { fieldErrorsFromZod } from "@/lib/errors/zod-messages";
import { isEditableTemplate, metadataTemplateWriteSchema } from "@/lib/metadata/template-schema";

const template = (schema: unknown[], extra: object = {}) => ({ name: "mine", title: "Mine", type: "basic", is_active: true, schema, ...extra });
const errorsOf = (input: unknown) => {
  const result = metadataTemplateWriteSchema.safeParse(input);
  return result.success ? {} : fieldErrorsFromZod(result.error);
};

describe("metadataTemplateWriteSchema", () => {
  it("fills field defaults and ignores read-only properties", () => {
    const parsed = metadataTemplateWriteSchema.parse(template([{ name: "a", is_hidden: true, suggest_url: "http://x" }]));
    expect(parsed.schema).toEqual([
      { name: "a", type: "text", label: null, help_text: null, self_suggest: false, is_filter: false, i18n: false, choices: null, labels: null, requirement_level: "optional" },
    ]);
  });

  it("checks choices against the field type", () => {
    expect(errorsOf(template([{ name: "a", type: "int", choices: ["1", "-2"] }]))).toEqual({});
    expect(Object.keys(errorsOf(template([{ name: "a", type: "int", choices: ["1", "x"] }])))).toEqual(["schema.0.choices.1"]);
    expect(Object.keys(errorsOf(template([{ name: "a", type: "date", choices: ["2024-13-01"] }])))).toEqual(["schema.0.choices.0"]);
    expect(Object.keys(errorsOf(template([{ name: "a", type: "uri_enum", choices: ["not a uri"] }])))).toEqual(["schema.0.choices.0"]);
    expect(Object.keys(errorsOf(template([{ name: "a", type: "boolean", choices: ["true"] }])))).toEqual(["schema.0.choices"]);
    expect(Object.keys(errorsOf(template([{ name: "a", type: "enumlist" }])))).toEqual(["schema.0.choices"]);
    expect(Object.keys(errorsOf(template([{ name: "a", type: "enum", choices: ["x", "x"] }])))).toEqual(["schema.0.choices"]);
  });

  it("refuses duplicate field names, bad names and types other than basic/admin", () => {
    expect(Object.keys(errorsOf(template([{ name: "a" }, { name: "a" }])))).toEqual(["schema.1.name"]);
    expect(Object.keys(errorsOf(template([{ name: "a b" }])))).toEqual(["schema.0.name"]);
    expect(Object.keys(errorsOf(template([], { type: "interop" })))).toEqual(["type"]);
    expect(Object.keys(errorsOf(template([], { name: "../x" })))).toEqual(["name"]);
  });
});

describe("isEditableTemplate", () => {
  it("allows only non-system basic and admin templates", () => {
    expect(isEditableTemplate({ is_system: false, type: "basic" })).toBe(true);
    expect(isEditableTemplate({ is_system: false, type: "admin" })).toBe(true);
    expect(isEditableTemplate({ is_system: true, type: "basic" })).toBe(false);
    expect(isEditableTemplate({ is_system: false, type: "interop" })).toBe(false);
    expect(isEditableTemplate({ is_system: false, type: "extra" })).toBe(false);
  });
});
