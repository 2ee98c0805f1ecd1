// Dataset resources, uploaded files, extractors and previews of the Automation API v1 (API-CONTRACT.md §2.3).
// The one schema for the route handlers, the console's forms and the OpenAPI document. zod only.
import { z } from "zod";
import { datasetUidSchema } from "@/lib/datasets/schema";

export const EXTRACTOR_TYPES = ["csvfile", "jsonfile", "geojsonfile", "xlsxfile"] as const;
export const extractorTypeSchema = z.enum(EXTRACTOR_TYPES).meta({ description: "Extractor that reads the resource", example: "csvfile" });

export const resourceUidSchema = z.string().regex(/^re_[a-z0-9]{6}$/);
export const fileUidSchema = z.string().regex(/^fi_[a-z0-9]{6}$/);

export const resourceUidParamsSchema = z.object({ dataset_uid: datasetUidSchema, resource_uid: resourceUidSchema });
export const fileUidParamsSchema = z.object({ dataset_uid: datasetUidSchema, file_uid: fileUidSchema });

export const datasetFileSchema = z
  .object({
    uid: z.string().meta({ example: "fi_qf2hyt" }),
    filename: z.string().meta({ example: "fromages.csv" }),
    mimetype: z.string().nullable().meta({ example: "text/csv" }),
    // null only in proxy mode in front of an Opendatasoft domain: its DatasetFile has no size
    size: z.number().int().nonnegative().nullable().meta({ description: "Size in bytes; null when the upstream domain does not report it" }),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "DatasetFile" });
export type DatasetFile = z.infer<typeof datasetFileSchema>;

const headerName = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .refine((v) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(v), { params: { i18n: "header_name" } });
const headerValue = z.string().max(8192).refine((v) => !/[\r\n\0]/.test(v), { params: { i18n: "header_value" } });
const headerList = z.array(z.object({ name: headerName, value: headerValue }).strict()).max(50);

export const basicAuthSchema = z
  .object({
    type: z.literal("basic_auth"),
    username: z.string().min(1).max(256),
    // write-only: answers leave it out, and an update without it keeps the stored one
    password: z.string().max(1024).optional(),
  })
  .strict();

export const httpConnectionSchema = z
  .object({
    type: z.literal("http").optional(),
    url: z.string().trim().min(1).max(2048).meta({ example: "https://my-server.com" }),
    headers: headerList.optional(),
    auth: basicAuthSchema.nullable().optional(),
  })
  .strict();

export const httpDatasourceSchema = z
  .object({
    type: z.literal("http"),
    connection: httpConnectionSchema,
    relative_url: z.string().max(2048).optional(),
    headers: headerList.optional(),
  })
  .strict()
  .meta({ id: "HTTPDatasource" });

export const uploadedFileDatasourceSchema = z
  .object({
    type: z.literal("uploaded_file"),
    // a reference ({uid}) or a DatasetFile as answered by the upload: only its uid counts
    file: z.object({ uid: fileUidSchema }).loose(),
  })
  .strict()
  .meta({ id: "UploadedFileDatasource" });

export const datasourceSchema = z.discriminatedUnion("type", [uploadedFileDatasourceSchema, httpDatasourceSchema]).meta({ id: "Datasource" });
export type Datasource = z.infer<typeof datasourceSchema>;
export type HttpDatasource = z.infer<typeof httpDatasourceSchema>;

export const extractorParamsSchema = z.record(z.string(), z.unknown()).meta({
  description: "Extractor parameters; the ones left out are guessed",
  example: { separator: ";", encoding: "utf-8", headers_first_row: true, first_row_no: 1, doublequote: true },
});

export const resourceWriteSchema = z
  .object({
    type: extractorTypeSchema,
    title: z.string().trim().min(1).max(256).meta({ example: "Fromages" }),
    params: extractorParamsSchema.optional(),
    datasource: datasourceSchema,
  })
  .meta({ id: "ResourceWrite" });
export type ResourceWrite = z.infer<typeof resourceWriteSchema>;

const infoSchema = z.object({ label: z.string(), type: z.string() });

/** What the API answers: the datasource with its file described and its secrets left out. */
export const resourceSchema = z
  .object({
    uid: z.string().meta({ example: "re_qf2hyt" }),
    type: z.string(),
    title: z.string(),
    display_name: z.string(),
    extraction_infos: infoSchema.nullable(),
    origin: infoSchema,
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
    params: z.record(z.string(), z.unknown()),
    datasource: z.union([
      z.object({ type: z.literal("uploaded_file"), file: datasetFileSchema.or(z.object({ uid: z.string() })) }),
      z.object({
        type: z.literal("http"),
        connection: z.object({
          type: z.literal("http"),
          url: z.string(),
          headers: headerList.optional(),
          auth: z.object({ type: z.literal("basic_auth"), username: z.string() }).nullable().optional(),
        }),
        relative_url: z.string().optional(),
        headers: headerList.optional(),
      }),
    ]),
  })
  .meta({ id: "Resource" });
export type Resource = z.infer<typeof resourceSchema>;

/**
 * What the services hand around: the API object plus what other surfaces show beside it — its description
 * (udata's; absent in proxy mode, where the upstream keeps none). The Automation API's answers leave it out.
 */
export type ResourceRecord = Resource & { description?: string | null };
/** What a write may set beside the Automation API's body. */
export type ResourceExtras = { description?: string | null };

// Connections are given inline (no `{uid}` references yet) and an uploaded file is always described, so every
// relation is already expanded: `expand` is accepted for compatibility and changes nothing.
const expandSchema = z
  .union([z.enum(["datasource.connection", "datasource.dataset"]), z.array(z.enum(["datasource.connection", "datasource.dataset"]))])
  .optional()
  .meta({ description: "Accepted for compatibility: relations are always expanded" });

export const resourceQuerySchema = z.object({ expand: expandSchema });

export const resourceListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  expand: expandSchema,
});
export type ResourceListQuery = z.infer<typeof resourceListQuerySchema>;

/** A parameter of an extractor or a processor type, as the Automation API describes them. */
export const parameterSchema = z
  .object({
    type: z.string(),
    is_mandatory: z.boolean(),
    name: z.string(),
    label: z.string(),
    default: z.unknown().optional(),
    description: z.string().optional(),
    hidden: z.boolean().optional(),
    choices: z.array(z.string()).optional(),
    impacts_guessed_parameters: z.boolean().optional(),
  })
  .loose();

export const extractorSchema = z
  .object({
    type: z.string(),
    label: z.string(),
    parameters: z.array(parameterSchema),
  })
  .meta({ id: "Extractor" });

export const guessExtractorsInputSchema = z.object({ datasource: datasourceSchema });
export const guessParamsInputSchema = z.object({
  datasource: datasourceSchema,
  type: extractorTypeSchema,
  params: extractorParamsSchema.optional().meta({ description: "Extension: parameters to keep; the others are guessed consistently with them" }),
});
export const previewInputSchema = z.object({ datasource: datasourceSchema, type: extractorTypeSchema, params: extractorParamsSchema.optional() });
export type PreviewInput = z.infer<typeof previewInputSchema>;

export const guessedParamsSchema = z.object({ extractor: z.string(), params: z.record(z.string(), z.unknown()) });

export const previewFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  description: z.string().optional(),
  original_name: z.string(),
  annotations: z.array(z.object({ name: z.string(), args: z.array(z.string()) })),
});
export const resourcePreviewSchema = z
  .object({ fields: z.array(previewFieldSchema), records: z.array(z.record(z.string(), z.unknown())) })
  .meta({ id: "ResourcePreview" });
export type ResourcePreviewBody = z.infer<typeof resourcePreviewSchema>;
