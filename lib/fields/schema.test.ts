import { describe, expect, it } from "vitest";
import { fieldErrorsFromZod, zodErrorMap } from "@/lib/errors/zod-messages";
import { fieldConfigurationSchema, fieldConfigurationWriteSchema } from "@/lib/fields/schema";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { createTranslator } from "@/lib/i18n/translator";

const english = zodErrorMap(createTranslator(en));

/** {} when accepted, else the field errors in English. */
const errorsOf = (input: unknown) => {
  const result = fieldConfigurationWriteSchema.safeParse(input, { error: english });
  return result.success ? {} : fieldErrorsFromZod(result.error);
};

const label = "An item";
const rename = { type: "rename", label, from_name: "nom", to_name: "name", field_label: "Name" };
const type = { type: "type", label, field: "population", type_param: "int" };
const annotate = (annotation: string, args?: unknown[]) => ({ type: "annotate", label, field: "tags", annotation, ...(args ? { args } : {}) });
const description = { type: "description", label, field: "population", description: "Inhabitants in 2024" };
const order = { type: "order", label, args: ["b", "a"] };
const del = { type: "delete", label, field: "junk" };

describe("fieldConfigurationWriteSchema accepts", () => {
  const valid: [string, unknown][] = [
    ["rename", rename],
    ["rename from a digit-led extractor name", { ...rename, from_name: "2024" }],
    ["rename to a name starting with _", { ...rename, to_name: "_id" }],
    ...["text", "int", "double", "geo_point_2d", "geo_shape", "date", "datetime", "file"].map((t): [string, unknown] => [`type ${t}`, { ...type, type_param: t }]),
    ["id", annotate("id")],
    ["id with empty args", annotate("id", [])],
    ["sortable", annotate("sortable")],
    ["facet (extension)", annotate("facet")],
    ...["year", "month", "day", "hour", "minute"].map((p): [string, unknown] => [`timeserie_precision ${p}`, annotate("timeserie_precision", [p])]),
    ["unit", annotate("unit", ["km²"])],
    ["decimals 0", annotate("decimals", [0])],
    ["decimals 15", annotate("decimals", [15])],
    ["decimals as a digit string", annotate("decimals", ["2"])],
    ["multivalued ,", annotate("multivalued", [","])],
    ["multivalued with a space", annotate("multivalued", [" "])],
    ["hierarchical", annotate("hierarchical", [" > "])],
    ["description", description],
    ["order", order],
    ["delete", del],
  ];
  it.each(valid)("%s", (_, input) => {
    expect(errorsOf(input)).toEqual({});
  });

  it("trims labels and names", () => {
    expect(fieldConfigurationWriteSchema.parse({ ...rename, label: "  L ", to_name: " name " })).toMatchObject({ label: "L", to_name: "name" });
  });
});

describe("fieldConfigurationWriteSchema refuses", () => {
  const invalid: [string, unknown, string[]][] = [
    ["an unknown type", { type: "merge", label }, ["type"]],
    ["a missing type", { label }, ["type"]],
    ["a missing label", { ...del, label: undefined }, ["label"]],
    ["a blank label", { ...del, label: "  " }, ["label"]],
    ["a label over 256", { ...del, label: "x".repeat(257) }, ["label"]],
    ["extra properties on rename", { ...rename, field: "x" }, ["field"]],
    ["extra properties on type", { ...type, args: [] }, ["args"]],
    ["extra properties on annotate", { ...annotate("id"), description: "x" }, ["description"]],
    ["extra properties on description", { ...description, annotation: "id" }, ["annotation"]],
    ["extra properties on order", { ...order, field: "a" }, ["field"]],
    ["extra properties on delete", { ...del, uid: "pr_abcdef" }, ["uid"]],
    ["rename without to_name", { ...rename, to_name: undefined }, ["to_name"]],
    ["rename without field_label", { ...rename, field_label: undefined }, ["field_label"]],
    ["rename without from_name", { ...rename, from_name: undefined }, ["from_name"]],
    ["to_name with capitals", { ...rename, to_name: "Name" }, ["to_name"]],
    ["to_name with a hyphen", { ...rename, to_name: "first-name" }, ["to_name"]],
    ["to_name starting with a digit", { ...rename, to_name: "2024" }, ["to_name"]],
    ["to_name over 64", { ...rename, to_name: "a".repeat(65) }, ["to_name"]],
    ["to_name empty", { ...rename, to_name: "" }, ["to_name"]],
    ["from_name with a space", { ...rename, from_name: "first name" }, ["from_name"]],
    ["type without field", { ...type, field: undefined }, ["field"]],
    ["an unknown type_param", { ...type, type_param: "boolean" }, ["type_param"]],
    ["type without type_param", { ...type, type_param: undefined }, ["type_param"]],
    ["annotate without annotation", { ...annotate("id"), annotation: undefined }, ["annotation"]],
    ["an unknown annotation", annotate("disjunctive"), ["annotation"]],
    ["annotate on a bad name", { ...annotate("id"), field: "Tags" }, ["field"]],
    ["args for id", annotate("id", ["x"]), ["args"]],
    ["args for sortable", annotate("sortable", [1]), ["args"]],
    ["args for facet", annotate("facet", ["disjunctive"]), ["args"]],
    ["timeserie_precision without args", annotate("timeserie_precision"), ["args"]],
    ["timeserie_precision week", annotate("timeserie_precision", ["week"]), ["args.0"]],
    ["timeserie_precision as a number", annotate("timeserie_precision", [1]), ["args.0"]],
    ["timeserie_precision twice", annotate("timeserie_precision", ["day", "hour"]), ["args"]],
    ["unit without args", annotate("unit", []), ["args"]],
    ["unit as a number", annotate("unit", [3]), ["args.0"]],
    ["unit over 64", annotate("unit", ["m".repeat(65)]), ["args.0"]],
    ["decimals 16", annotate("decimals", [16]), ["args.0"]],
    ["decimals -1", annotate("decimals", [-1]), ["args.0"]],
    ["decimals 1.5", annotate("decimals", [1.5]), ["args.0"]],
    ["decimals as text", annotate("decimals", ["two"]), ["args.0"]],
    ["decimals without args", annotate("decimals"), ["args"]],
    ["multivalued without a separator", annotate("multivalued"), ["args"]],
    ["multivalued with an empty separator", annotate("multivalued", [""]), ["args.0"]],
    ["multivalued with a number", annotate("multivalued", [1]), ["args.0"]],
    ["multivalued with a long separator", annotate("multivalued", ["123456789"]), ["args.0"]],
    ["hierarchical without a separator", annotate("hierarchical", []), ["args"]],
    ["args that are objects", annotate("unit", [{}]), ["args.0"]],
    ["args that are not a list", { ...annotate("unit"), args: "km" }, ["args"]],
    ["description without description", { ...description, description: undefined }, ["description"]],
    ["a blank description", { ...description, description: "  " }, ["description"]],
    ["description without field", { ...description, field: undefined }, ["field"]],
    ["order without args", { type: "order", label }, ["args"]],
    ["order with an empty list", { ...order, args: [] }, ["args"]],
    ["order with duplicates", { ...order, args: ["a", "a"] }, ["args"]],
    ["order with a bad name", { ...order, args: ["a", "B"] }, ["args.1"]],
    ["order as `order` (the OpenAPI document's property name)", { type: "order", label, order: ["a"] }, ["args", "order"]],
    ["delete without field", { ...del, field: undefined }, ["field"]],
  ];
  it.each(invalid)("%s", (_, input, paths) => {
    expect(Object.keys(errorsOf(input)).sort()).toEqual(paths);
  });
});

describe("messages", () => {
  it("explain technical names, in the user's language", () => {
    expect(errorsOf({ ...rename, to_name: "2024" })).toEqual({ to_name: [en.validation.field_name] });
    expect(errorsOf({ ...rename, from_name: "a b" })).toEqual({ from_name: [en.validation.field_reference] });
    const result = fieldConfigurationWriteSchema.safeParse({ ...rename, to_name: "X" }, { error: zodErrorMap(createTranslator(fr)) });
    expect(result.success || fieldErrorsFromZod(result.error)).toEqual({ to_name: [fr.validation.field_name] });
  });

  it("say what the annotation's arguments should be", () => {
    expect(errorsOf(annotate("timeserie_precision", ["week"]))).toEqual({ "args.0": ["Choose one of: year, month, day, hour, minute."] });
    expect(errorsOf(annotate("decimals", [16]))).toEqual({ "args.0": ["Enter a number less than or equal to 15."] });
    expect(errorsOf(annotate("decimals", ["two"]))).toEqual({ "args.0": ["Enter a whole number."] });
    expect(errorsOf(annotate("multivalued"))).toEqual({ args: ["This field is required."] });
    expect(errorsOf(annotate("unit", ["a", "b"]))).toEqual({ args: ["Add at most 1 items."] });
  });
});

describe("fieldConfigurationSchema (answers)", () => {
  it("adds the uid and strips what is not part of the item", () => {
    expect(fieldConfigurationSchema.parse({ ...del, uid: "pr_abc123", created_at: "x" })).toEqual({ ...del, uid: "pr_abc123" });
  });

  it("requires the uid", () => {
    expect(fieldConfigurationSchema.safeParse(del).success).toBe(false);
  });
});
