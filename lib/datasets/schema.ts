// Dataset resource of the Automation API v1 (../shared/docs/API-CONTRACT.md §2.1, §2.2, §3.2).
// The one schema for: route handlers (request + response), server actions, the console forms and the OpenAPI
// document. Importable anywhere: zod only.
import { z } from "zod";
import { DEFAULT_TEMPLATE, INTERNAL_TEMPLATE } from "@/lib/metadata/system-templates";
import { systemTemplateValuesSchema } from "@/lib/metadata/template-values";
import { looseTemplateSchema, metadataValueSchema } from "@/lib/metadata/value-schema";

export const DATASET_STATUSES = [
  "idle",
  "error",
  "limit_reached",
  "queued",
  "aborting_processing",
  "processing",
  "deleting",
  "saving_version",
] as const;
export const datasetStatusNameSchema = z.enum(DATASET_STATUSES);
export type DatasetStatusName = z.infer<typeof datasetStatusNameSchema>;

export { METADATA_LANGUAGES } from "@/lib/metadata/field-value";

const DATASET_ID_MAX = 100;
export const DATASET_ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export const datasetIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(DATASET_ID_MAX)
  .refine((v) => DATASET_ID_PATTERN.test(v), { params: { i18n: "dataset_id_format" } })
  .meta({
    description: "Human-readable identifier, used by the Explore API. Lowercase letters, digits, '-' and '_'. Can change only while the dataset is unpublished.",
    example: "counties-united-states-of-america",
  });

/**
 * Dataset writes check the `default` and `internal` templates statically (their fields are the system templates',
 * so the console's dataset form validates them client-side too); every template, custom ones included, is then
 * checked against the templates in the store by lib/metadata/validate-metadata.ts.
 */
export const datasetMetadataInputSchema = z
  .object({
    default: systemTemplateValuesSchema(DEFAULT_TEMPLATE),
    internal: systemTemplateValuesSchema(INTERNAL_TEMPLATE).optional(),
  })
  .catchall(looseTemplateSchema)
  .meta({ description: "Template name → field name → DatasetMetadataValue. Blank optional values are dropped." });

export const DATASET_SECURITY_QUOTA_UNITS = ["second", "minute", "hour", "day", "month"] as const;

export const datasetSecuritySchema = z.object({
  is_data_visible: z.boolean().default(true),
  visible_fields: z
    .array(z.string().min(1))
    .refine((fields) => new Set(fields).size === fields.length, { params: { i18n: "unique_items" } })
    .nullable()
    .default(null)
    .meta({ description: "null: every field; []: no field." }),
  filter_query: z.string().default("").meta({ description: "Records the target may see (ODSQL); empty: all records.", example: "year!=2022" }),
  api_calls_quota: z
    .object({ unit: z.enum(DATASET_SECURITY_QUOTA_UNITS), limit: z.number().int().min(0) })
    .nullable()
    .default(null),
});
export type DatasetSecurity = z.infer<typeof datasetSecuritySchema>;
export const DEFAULT_DATASET_SECURITY: DatasetSecurity = datasetSecuritySchema.parse({});

/** Body of POST /datasets/ and PUT /datasets/{uid}/. Read-only properties (uid, timestamps, is_published) are ignored. */
export const datasetWriteSchema = z
  .object({
    dataset_id: datasetIdSchema.optional(),
    is_restricted: z.boolean().optional(),
    metadata: datasetMetadataInputSchema,
    default_security: datasetSecuritySchema.optional(),
  })
  .meta({ id: "DatasetWrite" });
export type DatasetWrite = z.infer<typeof datasetWriteSchema>;
export type DatasetWriteInput = z.input<typeof datasetWriteSchema>;

const storedValue = metadataValueSchema(z.unknown());
export const datasetMetadataSchema = z
  .object({ default: z.record(z.string(), storedValue) })
  .catchall(z.record(z.string(), storedValue))
  .meta({ id: "DatasetMetadata" });
export type DatasetMetadata = z.infer<typeof datasetMetadataSchema>;

/** The Dataset object as the API returns it. */
export const datasetSchema = z
  .object({
    uid: z.string().meta({ example: "da_qf2hyt" }),
    dataset_id: z.string(),
    created_at: z.string().meta({ format: "date-time" }),
    updated_at: z.string().meta({ format: "date-time" }),
    is_published: z.boolean(),
    is_restricted: z.boolean(),
    metadata: datasetMetadataSchema,
    default_security: datasetSecuritySchema,
  })
  .meta({ id: "Dataset" });
export type DatasetResource = z.infer<typeof datasetSchema>;

/** What the service layer hands around: the API object plus what the console shows beside it. */
export type Dataset = DatasetResource & {
  status: DatasetStatusName;
  created_by: { user_id: string; username: string } | null;
  /** in the trash since then (udata's soft delete, lib/datasets/trash.ts); absent or null: not in the trash */
  deleted_at?: string | null;
  /** proxy mode: the caller's rights on it as the upstream showed them (lib/store/remote/datasets.ts) */
  rights?: Record<"view" | "edit" | "publish" | "manage", boolean>;
};

export const recordErrorSchema = z.object({
  record_id: z.string(),
  field_uid: z.string().optional(),
  processor_uid: z.string().optional(),
  message: z.string(),
});

export const datasetStatusSchema = z
  .object({
    status: datasetStatusNameSchema,
    previous: datasetStatusNameSchema.nullable(),
    next: datasetStatusNameSchema.nullable(),
    since: z.string().meta({ format: "date-time" }),
    is_published: z.boolean().nullable(),
    message: z.string().nullable(),
    records_errors: z.array(recordErrorSchema),
    params: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "DatasetProcessingStatus" });
export type DatasetStatus = z.infer<typeof datasetStatusSchema>;

export const DATASET_SORTS = ["title", "-title", "updated_at", "-updated_at", "created_at", "-created_at", "status", "-status"] as const;
export type DatasetSort = (typeof DATASET_SORTS)[number];

/** Query of GET /datasets/: the Automation API's limit/offset/dataset_id plus our search and sort. */
export const datasetListQuerySchema = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(20).meta({ description: "0..1000; 0 returns only total_count." }),
  offset: z.coerce.number().int().min(0).default(0),
  dataset_id: z.string().min(1).optional().meta({ description: "Exact dataset_id." }),
  search: z.string().trim().max(200).optional().meta({ description: "Extension: case-insensitive match on title and dataset_id." }),
  sort: z.enum(DATASET_SORTS).default("-updated_at").meta({ description: "Extension: sort key, '-' for descending." }),
  right: z
    .enum(["edit", "view"])
    .optional()
    .meta({ description: "Extension: `view` also lists the datasets the caller may only look at (reviewers); default `edit`, the official list." }),
});
export type DatasetListQuery = z.infer<typeof datasetListQuerySchema>;

export const datasetUidSchema = z.string().min(1).meta({ example: "da_qf2hyt" });
export const datasetUidParamsSchema = z.object({ dataset_uid: datasetUidSchema });
