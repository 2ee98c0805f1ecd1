// Metadata templates of the Automation API v1 (API-CONTRACT.md §2.20): the one schema for the route handlers,
// the console's template editor and the OpenAPI document. zod only, importable anywhere.
import { z } from "zod";

export const METADATA_TEMPLATE_TYPES = ["basic", "admin", "interop", "extra"] as const;
/** The only types administrators create and edit. */
export const EDITABLE_TEMPLATE_TYPES = ["basic", "admin"] as const;
export type MetadataTemplateType = (typeof METADATA_TEMPLATE_TYPES)[number];

export const METADATA_FIELD_TYPES = [
  "text",
  "date",
  "datetime",
  "geo_shape",
  "geo_area",
  "html",
  "multitext",
  "boolean",
  "int",
  "double",
  "longstring",
  "enum",
  "list",
  "enumlist",
  "uri_enum",
  "uri_enumlist",
] as const;
export type MetadataFieldType = (typeof METADATA_FIELD_TYPES)[number];

/** Types whose value must be one of the field's choices (and which therefore need choices). */
export const CHOICE_TYPES: readonly MetadataFieldType[] = ["enum", "enumlist", "uri_enum", "uri_enumlist"];
/** Types whose value is a list. */
export const LIST_TYPES: readonly MetadataFieldType[] = ["list", "enumlist", "uri_enumlist", "geo_area"];
/** Types that may carry choices at all (suggested-and-enforced values); the others would make no sense. */
export const TYPES_WITH_CHOICES: readonly MetadataFieldType[] = ["text", "list", "int", "double", "date", "datetime", ...CHOICE_TYPES];

export const REQUIREMENT_LEVELS = ["optional", "recommended", "mandatory"] as const;
export type RequirementLevel = (typeof REQUIREMENT_LEVELS)[number];

export const MAX_TEMPLATE_FIELDS = 200;
export const MAX_FIELD_CHOICES = 1000;

/** Template and field names travel in URLs and JSON paths: letters, digits, "_" and "-". */
export const METADATA_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const metadataName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((v) => METADATA_NAME_PATTERN.test(v), { params: { i18n: "field_reference" } });

/** A choice, checked against the field's type (an int field's choices must be integers…). */
export function choiceMatchesType(type: MetadataFieldType, choice: string): boolean {
  switch (type) {
    case "int":
      return /^-?\d+$/.test(choice);
    case "double":
      return choice.trim() !== "" && Number.isFinite(Number(choice));
    case "date":
      return z.iso.date().safeParse(choice).success;
    case "datetime":
      return z.iso.datetime({ offset: true }).safeParse(choice).success;
    case "uri_enum":
    case "uri_enumlist":
      return z.url().safeParse(choice).success;
    default:
      return choice.trim() !== "";
  }
}

const labelsSchema = z
  .record(z.string(), z.record(z.string(), z.string()))
  .nullable()
  .meta({ description: "choice → domain language → label", example: { fr: { en: "French", fr: "Français" } } });

/** One field as the API returns it. */
export const metadataTemplateFieldSchema = z
  .object({
    name: z.string().meta({ example: "my-custom-field" }),
    type: z.enum(METADATA_FIELD_TYPES),
    label: z.string().meta({ description: "The field's name when it has no label of its own." }),
    help_text: z.string().nullable(),
    is_hidden: z.boolean(),
    self_suggest: z.boolean(),
    is_filter: z.boolean(),
    i18n: z.boolean(),
    suggest_url: z.string().nullable().meta({ description: "Built by the server when self_suggest is true." }),
    choices: z.array(z.string()).nullable(),
    labels: labelsSchema,
    requirement_level: z.enum(REQUIREMENT_LEVELS),
  })
  .meta({ id: "MetadataTemplateField" });
export type MetadataTemplateField = z.infer<typeof metadataTemplateFieldSchema>;

/** One field as clients write it: read-only properties (is_hidden, suggest_url) are ignored. */
export const metadataTemplateFieldWriteSchema = z
  .object({
    name: metadataName,
    type: z.enum(METADATA_FIELD_TYPES).default("text"),
    label: z.string().trim().max(256).nullable().default(null),
    help_text: z.string().trim().max(2000).nullable().default(null),
    self_suggest: z.boolean().default(false),
    is_filter: z.boolean().default(false),
    i18n: z.boolean().default(false),
    choices: z.array(z.string().trim().min(1).max(2048)).max(MAX_FIELD_CHOICES).nullable().default(null),
    labels: labelsSchema.default(null),
    requirement_level: z.enum(REQUIREMENT_LEVELS).default("optional"),
  })
  .superRefine((field, ctx) => {
    const choices = field.choices ?? [];
    if (CHOICE_TYPES.includes(field.type) && choices.length === 0) {
      ctx.addIssue({ code: "too_small", origin: "array", minimum: 1, inclusive: true, input: field.choices, path: ["choices"] });
    }
    if (choices.length && !TYPES_WITH_CHOICES.includes(field.type)) {
      ctx.addIssue({ code: "custom", params: { i18n: "invalid" }, input: field.choices, path: ["choices"] });
    }
    choices.forEach((choice, i) => {
      if (!choiceMatchesType(field.type, choice)) ctx.addIssue({ code: "custom", params: { i18n: "invalid" }, input: choice, path: ["choices", i] });
    });
    if (new Set(choices).size !== choices.length) ctx.addIssue({ code: "custom", params: { i18n: "unique_items" }, input: choices, path: ["choices"] });
    for (const key of Object.keys(field.labels ?? {})) {
      if (!choices.includes(key)) ctx.addIssue({ code: "custom", params: { i18n: "invalid" }, input: key, path: ["labels", key] });
    }
  });
export type MetadataTemplateFieldWrite = z.infer<typeof metadataTemplateFieldWriteSchema>;
export type MetadataTemplateFieldWriteInput = z.input<typeof metadataTemplateFieldWriteSchema>;

const fieldList = z
  .array(metadataTemplateFieldWriteSchema)
  .max(MAX_TEMPLATE_FIELDS)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.name)) ctx.addIssue({ code: "custom", params: { i18n: "unique_items" }, input: f.name, path: [i, "name"] });
      seen.add(f.name);
    });
  });

/** Body of POST /metadata/templates/ and of PUT on a template administrators own. */
export const metadataTemplateWriteSchema = z
  .object({
    name: metadataName,
    title: z.string().trim().min(1).max(256),
    is_active: z.boolean(),
    schema: fieldList,
    type: z.enum(EDITABLE_TEMPLATE_TYPES),
  })
  .meta({ id: "CreatableOrEditableMetadataTemplate" });
export type MetadataTemplateWrite = z.infer<typeof metadataTemplateWriteSchema>;
export type MetadataTemplateWriteInput = z.input<typeof metadataTemplateWriteSchema>;

/**
 * Body of PUT /metadata/templates/{name}/ as received: every property optional, so a client may send only
 * `is_active` to a system template. The service then holds it to metadataTemplateWriteSchema when the template
 * is fully editable.
 */
export const metadataTemplateUpdateSchema = z
  .object({
    name: z.string().optional(),
    title: z.string().optional(),
    is_active: z.boolean().optional(),
    schema: z.array(z.unknown()).optional(),
    type: z.enum(METADATA_TEMPLATE_TYPES).optional(),
  })
  .meta({ id: "MetadataTemplateUpdate" });
export type MetadataTemplateUpdate = z.infer<typeof metadataTemplateUpdateSchema>;

const relatedUser = z.object({ username: z.string() });

/** A template as the API returns it. */
export const metadataTemplateSchema = z
  .object({
    name: z.string().meta({ example: "my-custom-template" }),
    title: z.string(),
    type: z.enum(METADATA_TEMPLATE_TYPES),
    is_active: z.boolean(),
    is_always_active: z.boolean(),
    is_system: z.boolean(),
    schema: z.array(metadataTemplateFieldSchema),
    created_at: z.string().meta({ format: "date-time" }),
    created_by: relatedUser.optional(),
    updated_at: z.string().meta({ format: "date-time" }),
    updated_by: relatedUser.optional(),
  })
  .meta({ id: "MetadataTemplate" });
export type MetadataTemplate = z.infer<typeof metadataTemplateSchema>;

/** Only non-system basic/admin templates can be fully edited or deleted. */
export function isEditableTemplate(template: Pick<MetadataTemplate, "is_system" | "type">): boolean {
  return !template.is_system && (EDITABLE_TEMPLATE_TYPES as readonly string[]).includes(template.type);
}

const booleanQuery = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const metadataTemplateListQuerySchema = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  is_active: booleanQuery.optional().meta({ description: "true: active templates only; false: inactive ones only; absent: both." }),
  type: z.enum(METADATA_TEMPLATE_TYPES).optional(),
});
export type MetadataTemplateListQuery = z.infer<typeof metadataTemplateListQuerySchema>;

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const templateNameParamsSchema = z.object({ template_name: z.string().min(1).max(200) });
export const templateFieldParamsSchema = z.object({ template_name: z.string().min(1).max(200), template_field_name: z.string().min(1).max(200) });

export const suggestQuerySchema = z.object({
  // Required, but checked by the service so that its absence is a validation_error like the official API's.
  query: z.string().max(200).optional().meta({ description: "Required. Usually a prefix of the value looked for (case-insensitive)." }),
  count: z.coerce.number().int().min(1).max(100).default(10),
});

export const suggestionsSchema = z
  .object({
    hits: z.array(z.string()),
    nb_hits: z.number(),
    page: z.number(),
    hits_per_page: z.number(),
    exhaustive_nb_hits: z.boolean(),
    exhaustive_typo: z.boolean(),
    exhaustive: z.object({ nb_hits: z.boolean(), typo: z.boolean() }),
    query: z.string(),
    params: z.string(),
    processing_time_ms: z.number(),
  })
  .meta({ id: "MetadataTemplateFieldSuggestions" });
export type Suggestions = z.infer<typeof suggestionsSchema>;
