import { describe, expect, it } from "vitest";
import { createTranslator } from "@/lib/i18n/translator";
import { fr } from "@/lib/i18n/messages/fr";
import { isAppError } from "@/lib/errors/app-error";
import { compileStack, listProcessorTypes, MAX_REPORTED_ERRORS, previewStack, validateProcessor } from "@/lib/processors";
import { fields, processor, validationErrors } from "@/lib/processors/test-fixtures";

describe("listProcessorTypes", () => {
  it("lists every type with a parameter schema in the extractor parameter shape", () => {
    const types = listProcessorTypes();
    expect(types.map((t) => t.type)).toEqual([
      "string_replace",
      "regexp_replace",
      "set_value",
      "default_value",
      "concatenate",
      "split",
      "extract_regexp",
      "normalize_number",
      "parse_date",
      "expression",
      "geo_point_from_lat_lon",
      "skip_records",
    ]);
    for (const type of types) {
      expect(type.label).not.toBe("");
      expect(type.description).not.toBe("");
      for (const parameter of type.parameters) {
        expect(["string", "integer", "boolean", "choice", "field", "fields"]).toContain(parameter.type);
        expect(typeof parameter.is_mandatory).toBe("boolean");
        if (parameter.type === "choice") expect(parameter.choices?.length).toBeGreaterThan(0);
        if (parameter.default !== undefined) expect(typeof parameter.default).toBe("string");
      }
    }
  });

  it("returns a copy", () => {
    listProcessorTypes()[0]!.label = "changed";
    expect(listProcessorTypes()[0]!.label).toBe("Replace text");
  });
});

describe("validateProcessor", () => {
  it("normalizes: defaults filled in, lenient forms accepted, label defaulted or trimmed", () => {
    expect(validateProcessor({ type: "string_replace", params: { field: "city", old: "x" } })).toEqual({
      type: "string_replace",
      label: "Replace text",
      params: { field: "city", old: "x", new: "" },
    });
    expect(validateProcessor({ type: "split", label: "  Tags ", params: { field: "tags", separator: ";", output_field: "" } })).toEqual({
      type: "split",
      label: "Tags",
      params: { field: "tags", separator: ";", output_field: null },
    });
  });

  it("refuses unknown types, including prototype names", () => {
    for (const type of ["nope", "constructor", "__proto__", 42, null]) {
      expect(validationErrors(() => validateProcessor({ type, params: {} }))).toEqual({
        type: [expect.stringMatching(/^Unknown processor “.*”: use one of string_replace, regexp_replace/)],
      });
    }
  });

  it("keys errors by parameter: unknown, missing, wrongly typed", () => {
    expect(validationErrors(() => validateProcessor({ type: "concatenate", label: 3, params: { fields: [1], output_field: "x", extra: 1 } }))).toEqual({
      label: ["Enter a label of at most 256 characters."],
      extra: ["Unknown parameter for the concatenate processor."],
      fields: ["Give a list of field names."],
    });
    expect(validationErrors(() => validateProcessor({ type: "string_replace", params: { field: ["a"], old: "x".repeat(2001) } }))).toEqual({
      field: ["Enter text."],
      old: ["Enter at most 2000 characters."],
    });
    const polluted = JSON.parse('{"__proto__": {"x": 1}, "constructor": 1, "field": "a", "old": "b"}') as Record<string, unknown>;
    expect(validationErrors(() => validateProcessor({ type: "string_replace", params: polluted }))).toEqual({
      ["__proto__"]: ["Unknown parameter for the string_replace processor."], // computed: an own key, not the prototype
      constructor: ["Unknown parameter for the string_replace processor."],
    });
    expect(validationErrors(() => validateProcessor({ type: "string_replace", label: "   ", params: { field: "a" } }))).toEqual({ old: ["This parameter is required."] });
    expect(validationErrors(() => validateProcessor({ type: "string_replace", params: null as unknown as Record<string, unknown> }))).toEqual({
      params: ["The parameters must be an object."],
    });
  });

  it("throws a validation_error AppError whose messages render in French", () => {
    try {
      validateProcessor({ type: "regexp_replace", params: { field: "a", regexp: "(x)\\1" } });
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe("validation_error");
      if (!isAppError(error)) throw error;
      expect(error.localizedMessage(createTranslator(fr))).toBe("Processeur non valide.");
      expect(error.fieldErrors(createTranslator(fr))?.regexp?.[0]).toMatch(/^Les références arrière/);
    }
  });
});

describe("compileStack", () => {
  const input = fields("name", "price", "kind");
  const stack = [
    processor("skip_records", { field: "kind", operator: "equals", value: "test" }),
    processor("normalize_number", { field: "price", decimal_separator: "," }),
    processor("expression", { expression: "price * 2", output_field: "double_price" }),
    processor("string_replace", { field: "missing", old: "a" }),
  ];

  it("gives the fields and warnings of each step and the output schema", () => {
    const compiled = compileStack(stack, input);
    expect(compiled.steps.map((s) => s.fields.map((f) => `${f.name}:${f.type}`))).toEqual([
      ["name:text", "price:text", "kind:text"],
      ["name:text", "price:double", "kind:text"],
      ["name:text", "price:double", "kind:text", "double_price:double"],
      ["name:text", "price:double", "kind:text", "double_price:double"],
    ]);
    expect(compiled.steps.map((s) => s.warnings)).toEqual([[], [], [], ["Field “missing” does not exist: this processor does nothing."]]);
    expect(compiled.output).toBe(compiled.steps[3]!.fields);
  });

  it("runs records without changing them; reports errors by step; null for skipped records", () => {
    const { run } = compileStack(stack, input);
    const record = { name: "a", price: "1,5", kind: "real" };
    expect(run(record, 0)).toEqual({ record: { name: "a", price: 1.5, kind: "real", double_price: 3 }, errors: [] });
    expect(record).toEqual({ name: "a", price: "1,5", kind: "real" });
    expect(run({ name: "b", price: "1,5", kind: "test" }, 1)).toEqual({ record: null, errors: [] });
    expect(run({ name: "c", price: "n/a", kind: "real" }, 2)).toEqual({
      record: { name: "c", price: null, kind: "real", double_price: null },
      errors: [{ step: 1, message: "Field “price”: “n/a” is not a number." }],
    });
  });

  it("turns stored processors that are unknown or no longer valid into warnings, not crashes", () => {
    const compiled = compileStack(
      [
        { type: "nope", label: "x", params: {} },
        { type: "regexp_replace", label: "x", params: { field: "name", regexp: "(a)\\1" } },
        { type: "string_replace", label: "x", params: { field: "name", old: "a", new: "b" } },
      ],
      input,
    );
    expect(compiled.steps.map((s) => s.warnings)).toEqual([
      ["Unknown processor “nope”: this processor does nothing."],
      ["Invalid parameters (regexp): this processor does nothing."],
      [],
    ]);
    expect(compiled.run({ name: "aa" }, 0).record).toEqual({ name: "bb" });
  });

  it("with an empty stack, copies records and keeps the schema", () => {
    const compiled = compileStack([], input);
    expect(compiled.output).toBe(input);
    const record = { name: "x" };
    const result = compiled.run(record, 0).record;
    expect(result).toEqual(record);
    expect(result).not.toBe(record);
  });

  it("handles 100,000 records through a 3-step stack", () => {
    const { run } = compileStack(
      [
        processor("regexp_replace", { field: "code", regexp: "^(\\d{2})(\\d{3})$", replacement: "$1 $2" }),
        processor("normalize_number", { field: "amount", decimal_separator: ",", thousands_separator: " " }),
        processor("skip_records", { field: "amount", operator: "greater_than", value: "50000" }),
      ],
      fields("code", "amount"),
    );
    let kept = 0;
    let errors = 0;
    let last: Record<string, unknown> | null = null;
    for (let i = 0; i < 100_000; i += 1) {
      const result = run({ code: String(10000 + (i % 90000)), amount: i % 1000 === 999 ? "bad" : `${Math.floor(i / 1000)} ${String(i % 1000).padStart(3, "0")},5` }, i);
      errors += result.errors.length;
      if (result.record) {
        kept += 1;
        last = result.record;
      }
    }
    expect(errors).toBe(100);
    // Record i holds i + 0.5: i < 50,000 are kept, and so are the 50 "bad" ones above (null compares with nothing).
    expect(kept).toBe(50_000 + 50);
    expect(last).toEqual({ code: "19 999", amount: null }); // record 99,999: code 10000 + 9999
  });
});

describe("previewStack", () => {
  const input = { fields: fields("v", "n"), records: [{ v: "keep", n: "1" }, { v: "drop", n: "x" }, { v: "keep", n: "y" }, { v: "keep", n: "2" }] };

  it("reports each step: fields, records, error counts (record index in the input), skipped counts", () => {
    const { steps, output } = previewStack(
      [processor("skip_records", { field: "v", operator: "equals", value: "drop" }), processor("normalize_number", { field: "n", output_type: "int" }), processor("set_value", { field: "src", value: "csv" })],
      input,
    );
    expect(steps.map(({ skipped, error_count, records }) => ({ skipped, error_count, count: records.length }))).toEqual([
      { skipped: 1, error_count: 0, count: 3 },
      { skipped: 0, error_count: 1, count: 3 },
      { skipped: 0, error_count: 0, count: 3 },
    ]);
    expect(steps[1]!.errors).toEqual([{ record: 2, message: "Field “n”: “y” is not a number." }]);
    expect(steps[0]!.records[1]).toEqual({ v: "keep", n: "y" }); // each step keeps its own records
    expect(output.records).toEqual([
      { v: "keep", n: 1, src: "csv" },
      { v: "keep", n: null, src: "csv" },
      { v: "keep", n: 2, src: "csv" },
    ]);
    expect(output.fields.map((f) => `${f.name}:${f.type}`)).toEqual(["v:text", "n:int", "src:text"]);
    expect(input.records[0]).toEqual({ v: "keep", n: "1" });
  });

  it("keeps the first 20 errors and counts them all", () => {
    const records = Array.from({ length: 50 }, (_, i) => ({ n: `bad${i}` }));
    const [step] = previewStack([processor("normalize_number", { field: "n" })], { fields: fields("n"), records }).steps;
    expect(step!.error_count).toBe(50);
    expect(step!.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(step!.errors.at(-1)!.record).toBe(19);
  });

  it("is deterministic", () => {
    const stack = [processor("parse_date", { field: "v", format: "dd/MM/yyyy HH:mm", timezone: "Europe/Paris" })];
    const records = [{ v: "15/01/2024 10:30" }];
    expect(previewStack(stack, { fields: fields("v"), records })).toEqual(previewStack(stack, { fields: fields("v"), records }));
  });
});
