// Field configurations of a dataset (Automation API v1, API-CONTRACT.md §2.6): an ordered list of items that
// rename, type, annotate, describe, order and delete the fields the extractor and the processors produce.
// The one schema for the route handlers, the console's forms and the OpenAPI document. zod only.
// Rules that depend only on the item are checked here; those that depend on the field's type (known once the
// stack has run) are warnings of the engine (lib/fields/engine.ts).
import { z } from "zod";
import { datasetUidSchema } from "@/lib/datasets/schema";
import { ANNOTATION_ARGS, ANNOTATIONS, FIELD_TYPE_PARAMS, type AnnotationName } from "@/lib/fields/annotation-rules";

export const FIELD_NAME_PATTERN = /^[a-z_][a-z0-9_]*$/;
export const FIELD_NAME_MAX = 64;
// The extractors name fields after their headers, which may start with a digit ("2024") and run long: a
// reference to an existing field only needs the alphabet, or such a field could never be renamed.
const FIELD_REFERENCE_PATTERN = /^[a-z0-9_]+$/;
const FIELD_REFERENCE_MAX = 256;

/** A new technical name (`to_name`). */
export const fieldNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(FIELD_NAME_MAX)
  // the empty string already has its "required" message
  .refine((v) => v === "" || FIELD_NAME_PATTERN.test(v), { params: { i18n: "field_name" } })
  .meta({ description: "Technical name: lowercase letters, digits and '_', not starting with a digit", example: "new_field_id" });

/** The technical name of a field as it is when the item applies. */
export const fieldReferenceSchema = z
  .string()
  .trim()
  .min(1)
  .max(FIELD_REFERENCE_MAX)
  .refine((v) => v === "" || FIELD_REFERENCE_PATTERN.test(v), { params: { i18n: "field_reference" } })
  .meta({ description: "Technical name of a field", example: "field_id" });

export const fieldConfigurationUidSchema = z.string().regex(/^pr_[a-z0-9]{6}$/).meta({ example: "pr_qf2hyt" });
export const fieldConfigurationUidParamsSchema = z.object({ dataset_uid: datasetUidSchema, field_uid: fieldConfigurationUidSchema });

const label = z.string().trim().min(1).max(256).meta({ description: "Label of the configuration item (not of the field)", example: "Configure the population field" });
const annotationArg = z.union([z.string().max(256), z.number().int()]);

// Shapes without `uid`: the write variants are strict and checked, the answer variants add `uid` and only strip.
const shapes = {
  rename: {
    type: z.literal("rename"),
    label,
    from_name: fieldReferenceSchema.meta({ description: "The current technical name", example: "original_field_id" }),
    to_name: fieldNameSchema,
    field_label: z.string().trim().min(1).max(256).meta({ description: "The field's display label", example: "My user friendly label" }),
  },
  type: {
    type: z.literal("type"),
    label,
    field: fieldReferenceSchema,
    type_param: z.enum(FIELD_TYPE_PARAMS).meta({ description: "The type to apply (`file` is accepted but not applied yet)", example: "int" }),
  },
  annotate: {
    type: z.literal("annotate"),
    label,
    field: fieldReferenceSchema,
    annotation: z.enum(ANNOTATIONS).meta({ description: "`facet` is an extension", example: "multivalued" }),
    args: z.array(annotationArg).max(10).optional().meta({ example: [","] }),
  },
  description: {
    type: z.literal("description"),
    label,
    field: fieldReferenceSchema,
    description: z.string().trim().min(1).max(10_000).meta({ example: "Elegant description" }),
  },
  order: {
    type: z.literal("order"),
    label,
    args: z
      .array(fieldReferenceSchema)
      .min(1)
      .max(1000)
      .refine((names) => new Set(names).size === names.length, { params: { i18n: "unique_items" } })
      .meta({ description: "Technical names, in order; the fields left out follow in their current order", example: ["third_field", "first_field"] }),
  },
  delete: { type: z.literal("delete"), label, field: fieldReferenceSchema },
};

type Issue = Parameters<z.RefinementCtx["addIssue"]>[0];

/** The arguments the annotation takes (annotation-rules.ts): none, or exactly one of the right kind. */
function checkAnnotationArgs(item: { annotation: AnnotationName; args?: (string | number)[] }, ctx: z.RefinementCtx) {
  const rule = ANNOTATION_ARGS[item.annotation];
  const args = item.args;
  const add = (issue: Record<string, unknown>, path: (string | number)[] = ["args"]) => ctx.addIssue({ ...issue, path } as Issue);
  if (rule.kind === "none") {
    if (args && args.length > 0) add({ code: "too_big", origin: "array", maximum: 0, inclusive: true, input: args });
    return;
  }
  if (!args) return add({ code: "invalid_type", expected: "array", input: undefined });
  if (args.length !== 1) {
    return add(args.length === 0 ? { code: "too_small", origin: "array", minimum: 1, inclusive: true, input: args } : { code: "too_big", origin: "array", maximum: 1, inclusive: true, input: args });
  }
  const arg = args[0];
  const at = ["args", 0];
  switch (rule.kind) {
    case "choice":
      if (typeof arg !== "string" || !rule.values.includes(arg)) add({ code: "invalid_value", values: [...rule.values], input: arg }, at);
      return;
    case "integer": {
      // Integers also as digit strings: annotation args are strings once stored (PreviewField.annotations).
      const n = typeof arg === "string" && /^\d+$/.test(arg) ? Number(arg) : arg;
      if (typeof n !== "number") return add({ code: "invalid_type", expected: "int", input: arg }, at);
      if (n < rule.min) add({ code: "too_small", origin: "number", minimum: rule.min, inclusive: true, input: n }, at);
      if (n > rule.max) add({ code: "too_big", origin: "number", maximum: rule.max, inclusive: true, input: n }, at);
      return;
    }
    case "text":
      // Not trimmed: a space is a fine separator.
      if (typeof arg !== "string") return add({ code: "invalid_type", expected: "string", input: arg }, at);
      if (arg.length === 0) add({ code: "too_small", origin: "string", minimum: 1, inclusive: true, input: arg }, at);
      if (arg.length > rule.max) add({ code: "too_big", origin: "string", maximum: rule.max, inclusive: true, input: arg }, at);
      return;
  }
}

const writeVariant = <S extends z.ZodRawShape>(shape: S, id: string) => z.object(shape).strict().meta({ id: `${id}Write` });

export const renameFieldConfigurationWriteSchema = writeVariant(shapes.rename, "RenameDatasetFieldConfiguration");
export const typeFieldConfigurationWriteSchema = writeVariant(shapes.type, "TypeDatasetFieldConfiguration");
export const annotateFieldConfigurationWriteSchema = z
  .object(shapes.annotate)
  .strict()
  .superRefine(checkAnnotationArgs)
  .meta({ id: "AnnotateDatasetFieldConfigurationWrite" });
export const descriptionFieldConfigurationWriteSchema = writeVariant(shapes.description, "DescriptionDatasetFieldConfiguration");
export const orderFieldConfigurationWriteSchema = writeVariant(shapes.order, "OrderDatasetFieldConfiguration");
export const deleteFieldConfigurationWriteSchema = writeVariant(shapes.delete, "DeleteDatasetFieldConfiguration");

export const fieldConfigurationWriteSchema = z
  .discriminatedUnion("type", [
    renameFieldConfigurationWriteSchema,
    typeFieldConfigurationWriteSchema,
    annotateFieldConfigurationWriteSchema,
    descriptionFieldConfigurationWriteSchema,
    orderFieldConfigurationWriteSchema,
    deleteFieldConfigurationWriteSchema,
  ])
  .meta({ id: "DatasetFieldConfigurationWrite", description: "One configuration item; `type` tells which" });
export type FieldConfigurationWrite = z.infer<typeof fieldConfigurationWriteSchema>;
export type FieldConfigurationType = FieldConfigurationWrite["type"];

// Answers strip unknown properties instead of refusing them and skip the arguments check: they describe
// what is stored, which the write schema has already checked.
const answerVariant = <S extends z.ZodRawShape>(shape: S, id: string) =>
  z.object({ uid: fieldConfigurationUidSchema, ...shape }).meta({ id });

export const fieldConfigurationSchema = z
  .discriminatedUnion("type", [
    answerVariant(shapes.rename, "RenameDatasetFieldConfiguration"),
    answerVariant(shapes.type, "TypeDatasetFieldConfiguration"),
    answerVariant(shapes.annotate, "AnnotateDatasetFieldConfiguration"),
    answerVariant(shapes.description, "DescriptionDatasetFieldConfiguration"),
    answerVariant(shapes.order, "OrderDatasetFieldConfiguration"),
    answerVariant(shapes.delete, "DeleteDatasetFieldConfiguration"),
  ])
  .meta({ id: "DatasetFieldConfiguration" });
export type FieldConfiguration = z.infer<typeof fieldConfigurationSchema>;
