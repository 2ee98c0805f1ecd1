// Management API v2 wire shapes (API-CONTRACT.md §4): one zod schema per request and response, validating input
// and producing the surface's OpenAPI document. The translation to and from the service layer's objects is in
// job.ts, dataset.ts and metadata.ts beside this file. zod only, importable anywhere.
import { z } from "zod";
import { datasetIdSchema, datasetStatusNameSchema, datasetUidSchema } from "@/lib/datasets/schema";
import { JOB_FUNCTIONS } from "@/lib/publishing/status-machine";

const dateTime = (description?: string) => z.string().meta({ format: "date-time", ...(description ? { description } : {}) });

export const V2_JOB_STATES = ["waiting", "started", "running", "done", "error"] as const;

export const v2JobSchema = z
  .object({
    job_id: z.string().meta({ description: "40 hex characters.", example: "e0f8a9cf495a0ee617b0828da35f349bbb62ad43" }),
    job_uid: z.string().meta({ description: "The same value as job_id (the later documentation's name)." }),
    dataset_uid: z.string(),
    user_id: z.string().nullable().meta({ description: "Who started the job; null once that user is deleted." }),
    function: z.enum(JOB_FUNCTIONS),
    params: z.record(z.string(), z.unknown()).meta({ description: "Arguments of the function: none for the dataset actions." }),
    state: z.enum(V2_JOB_STATES),
    progresses: z.array(
      z.object({
        at: dateTime(),
        step: z.enum(["records", "bytes"]),
        processed: z.number(),
        total: z.number().nullable(),
      }),
    ),
    result: z
      .object({
        name: datasetStatusNameSchema.meta({ description: "The dataset status the job ended in." }),
        outcome: z.enum(["succeeded", "aborted", "limit_reached"]),
        records_processed: z.number().int(),
        records_skipped: z.number().int(),
        records_errors: z.number().int(),
      })
      .optional()
      .meta({ description: "Only when state is done." }),
    message: z.string().nullable().meta({ description: "Extension: why the job failed, was aborted, or had nothing to do." }),
    created_at: dateTime(),
    started_at: dateTime().nullable(),
    finished_at: dateTime().nullable(),
  })
  .meta({ id: "Job" });
export type V2Job = z.infer<typeof v2JobSchema>;

export const jobIdParamsSchema = z.object({ job_id: z.string().min(1).max(100) });
export const jobListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(100).meta({ description: "Extension: at most this many jobs, newest first." }) });

export const v2StatusSchema = z
  .object({
    name: datasetStatusNameSchema,
    published: z.boolean(),
    since: dateTime(),
    previous: datasetStatusNameSchema.nullable(),
    next: datasetStatusNameSchema.nullable(),
    message: z.string().nullable(),
    records_errors: z.number().int().meta({ description: "How many errors the last publish kept." }),
  })
  .meta({ id: "DatasetStatusV2" });

/** plain values: template → metadata name → value (v1 wraps each in { value, … }) */
const metasSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export const v2TemplateRefSchema = z.object({ name: z.string(), label: z.string(), purpose: z.enum(["general", "interop", "admin"]) });

export const v2DefinitionSchema = z
  .object({
    name: z.string(),
    type: z.string().meta({ description: "text, multitext, html, date, datetime, int, double, boolean, geo_shape…" }),
    label: z.string(),
    widget: z.object({ type: z.string() }),
    choices: z.array(z.string()).nullable(),
    help_text: z.string().nullable(),
  })
  .meta({ id: "MetadataForm" });

export const v2MetadataSchema = z
  .object({
    name: z.string(),
    template: v2TemplateRefSchema,
    definition: v2DefinitionSchema,
    value: z.unknown(),
    remote_value: z.unknown(),
    override_remote_value: z.boolean(),
  })
  .meta({ id: "Metadata" });
export type V2Metadata = z.infer<typeof v2MetadataSchema>;

export const V2_DATASET_EXPANDS = ["metadata", "status"] as const;

export const v2DatasetSchema = z
  .object({
    dataset_id: z.string(),
    dataset_uid: z.string(),
    metas: metasSchema.meta({ description: "Template → metadata name → value, plus publishing.published." }),
    last_modified: dateTime(),
    visibility: z.enum(["domain", "restricted"]),
    // the expanded one first: a union answers with its first match, and { name } would strip the rest
    status: z.union([v2StatusSchema, z.object({ name: datasetStatusNameSchema })]).meta({ description: "{ name } unless expand=status." }),
    metadata: z.array(v2MetadataSchema).optional().meta({ description: "With expand=metadata." }),
  })
  .meta({ id: "DatasetV2" });

export const datasetQuerySchema = z.object({
  expand: z
    .string()
    .optional()
    .meta({ description: `Comma-separated: ${V2_DATASET_EXPANDS.join(", ")}. (changes is not available: dataset versions do not exist yet.)` }),
});

export const datasetCreateQuerySchema = datasetQuerySchema.extend({
  strict: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "true: never derive or alter dataset_id; it is then mandatory and must be free." }),
});

export const datasetCreateSchema = z
  .object({
    dataset_id: datasetIdSchema.optional(),
    metas: metasSchema.optional().meta({ description: "Template → metadata name → value; default.title is required." }),
  })
  .meta({ id: "DatasetCreateV2" });

export const datasetParamsSchema = z.object({ dataset_uid: datasetUidSchema });
export const metadataParamsSchema = datasetParamsSchema.extend({ template_name: z.string().min(1).max(200), metadata_name: z.string().min(1).max(200) });

export const metadataWriteSchema = z
  .object({
    value: z.unknown().meta({ description: "Must fit the definition; null removes it." }),
    override_remote_value: z.boolean().optional(),
  })
  .meta({ id: "MetadataWrite" });

export const metadataBulkWriteSchema = z
  .object({
    metas: z
      .array(
        z.object({
          template_name: z.string().min(1).max(200),
          metadata_name: z.string().min(1).max(200),
          value: z.unknown(),
          override_remote_value: z.boolean().optional(),
        }),
      )
      .max(1000),
  })
  .meta({ id: "MetadataBulkWrite" });

const errorFields = {
  status_code: z.number().int(),
  error_key: z.string(),
  message: z.string(),
  raw_message: z.string(),
  raw_params: z.record(z.string(), z.unknown()),
  error_code: z.string().meta({ description: "Our error code (the Automation API's), on every error." }),
};
export const v2ErrorSchema = z
  .object({
    ...errorFields,
    errors: z.array(z.object(errorFields).extend({ field: z.string().optional() })).optional().meta({ description: "One error per invalid property." }),
    trace_id: z.string().optional().meta({ description: "On a server error: the reference of its log entry." }),
  })
  .meta({ id: "ErrorV2" });
