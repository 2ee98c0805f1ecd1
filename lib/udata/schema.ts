// The udata (data.gouv.fr) API 1 shapes we serve (API-CONTRACT.md §6.1): one zod schema per request and answer,
// validating input and producing /api/1/swagger.json. zod only.
import { z } from "zod";

/** udata's form booleans: JSON true/false, or the strings a form or HTTPie's `key=value` sends. */
export const formBooleanSchema = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", "on", "off", "yes", "no", ""])])
  .transform((v) => (typeof v === "boolean" ? v : ["true", "1", "on", "yes"].includes(v)));

export const UDATA_RESOURCE_TYPES = ["main", "documentation", "update", "api", "code", "other"] as const;
export const UDATA_FILETYPES = ["file", "remote"] as const;

// Fields udata knows that this portal has no place for (organizations, frequencies, spatial coverage…): accepted
// so that udata clients keep working, and not kept.
const acceptedOnly = {
  acronym: z.string().nullable().optional(),
  description_short: z.string().max(200).nullable().optional(),
  organization: z.unknown().optional().meta({ description: "Accepted and ignored: this portal has no organizations." }),
  owner: z.unknown().optional(),
  frequency: z.string().nullable().optional(),
  frequency_date: z.string().nullable().optional(),
  temporal_coverage: z.unknown().optional(),
  spatial: z.unknown().optional(),
  extras: z.record(z.string(), z.unknown()).nullable().optional(),
  featured: z.unknown().optional(),
  archived: z.unknown().optional(),
};

const datasetFields = {
  title: z.string().trim().min(1).max(350).meta({ example: "Mon titre" }),
  description: z.string().max(100_000).meta({ description: "Markdown", example: "Ma description" }),
  tags: z.array(z.string().trim().min(1).max(96)).max(100).optional().meta({ description: "Kept as the dataset's keywords" }),
  license: z.string().trim().max(100).nullable().optional().meta({ description: "License id, kept as internal.license_id", example: "lov2" }),
  private: formBooleanSchema
    .optional()
    .meta({ description: "true: restricted and unpublished. A form boolean: an update that leaves it out makes the dataset public (udata's behaviour)." }),
  ...acceptedOnly,
};

export const udataDatasetCreateSchema = z.object(datasetFields).meta({ id: "DatasetCreate" });
export type UdataDatasetCreate = z.infer<typeof udataDatasetCreateSchema>;

export const udataDatasetUpdateSchema = z
  .object({
    ...datasetFields,
    title: datasetFields.title.optional(),
    description: datasetFields.description.optional(),
    deleted: z.null().optional().meta({ description: "`null` on a deleted dataset restores it (and changes nothing else)." }),
  })
  .meta({ id: "DatasetUpdate" });
export type UdataDatasetUpdate = z.infer<typeof udataDatasetUpdateSchema>;

const resourceFields = {
  title: z.string().trim().min(1).max(350).meta({ example: "Mon titre" }),
  description: z.string().max(100_000).nullable().optional().meta({ description: "Markdown. Not kept in proxy mode: the upstream's Automation API has no resource description." }),
  type: z.enum(UDATA_RESOURCE_TYPES).optional().meta({ description: "Accepted; every resource here is a main one." }),
  format: z.string().trim().max(32).optional().meta({ description: "File format (csv, json, geojson, xlsx); guessed from the URL when left out", example: "csv" }),
  url: z.string().trim().min(1).max(2048).meta({ example: "https://url.to/ressource.csv" }),
  filetype: z.enum(UDATA_FILETYPES).optional(),
  ...acceptedOnly,
};

export const udataRemoteResourceCreateSchema = z.object(resourceFields).meta({ id: "ResourceCreate" });
export type UdataRemoteResourceCreate = z.infer<typeof udataRemoteResourceCreateSchema>;

export const udataResourceUpdateSchema = z
  .object({ ...resourceFields, title: resourceFields.title.optional(), url: resourceFields.url.optional() })
  .meta({ id: "ResourceUpdate" });
export type UdataResourceUpdate = z.infer<typeof udataResourceUpdateSchema>;

export const udataResourceSchema = z
  .object({
    id: z.string().meta({ description: "This portal's resource uid", example: "re_qf2hyt" }),
    title: z.string(),
    description: z.string().nullable(),
    filetype: z.enum(UDATA_FILETYPES),
    type: z.enum(UDATA_RESOURCE_TYPES),
    format: z.string(),
    url: z.string(),
    latest: z.string(),
    mime: z.string().nullable(),
    filesize: z.number().int().nullable(),
    checksum: z.null(),
    created_at: z.string().meta({ format: "date-time" }),
    last_modified: z.string().meta({ format: "date-time" }),
    extras: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Resource" });
export type UdataResource = z.infer<typeof udataResourceSchema>;

const userRef = z.object({ id: z.string(), slug: z.string(), first_name: z.string().nullable(), last_name: z.string().nullable() }).nullable();

export const udataDatasetSchema = z
  .object({
    id: z.string().meta({ description: "This portal's dataset uid", example: "da_qf2hyt" }),
    slug: z.string().meta({ description: "The dataset_id" }),
    title: z.string(),
    acronym: z.null(),
    description: z.string(),
    description_short: z.null(),
    created_at: z.string().meta({ format: "date-time" }),
    last_modified: z.string().meta({ format: "date-time" }),
    last_update: z.string().meta({ format: "date-time" }),
    deleted: z.string().nullable().meta({ format: "date-time", description: "When it went to the trash; null otherwise" }),
    archived: z.null(),
    featured: z.boolean(),
    private: z.boolean(),
    tags: z.array(z.string()),
    resources: z.array(udataResourceSchema),
    community_resources: z.array(z.unknown()),
    frequency: z.string(),
    frequency_date: z.null(),
    extras: z.record(z.string(), z.unknown()),
    organization: z.null(),
    owner: userRef,
    temporal_coverage: z.null(),
    spatial: z.null(),
    license: z.string(),
    uri: z.string(),
    page: z.string(),
  })
  .meta({ id: "Dataset" });
export type UdataDataset = z.infer<typeof udataDatasetSchema>;

export const UDATA_SORTS = ["title", "created", "last_modified", "last_update"] as const;

export const udataListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(1000).default(20),
  q: z.string().trim().max(200).optional().meta({ description: "Words of the title or slug" }),
  sort: z.string().optional().meta({ description: "title, created, last_modified or last_update; '-' first for descending" }),
  deleted: formBooleanSchema.optional().meta({ description: "true: the deleted datasets you may restore (needs a key)" }),
  private: formBooleanSchema.optional().meta({ description: "true: the private datasets you may edit (needs a key)" }),
});
export type UdataListQuery = z.infer<typeof udataListQuerySchema>;

export const udataPageSchema = z
  .object({
    data: z.array(udataDatasetSchema),
    page: z.number().int(),
    page_size: z.number().int(),
    total: z.number().int(),
    next_page: z.string().nullable(),
    previous_page: z.string().nullable(),
  })
  .meta({ id: "DatasetPage" });

export const udataErrorSchema = z
  .object({ message: z.string(), error_code: z.string(), errors: z.record(z.string(), z.array(z.string())).optional() })
  .meta({ id: "Error" });

export const datasetParamsSchema = z.object({ dataset: z.string().min(1).meta({ description: "The dataset id or slug" }) });
export const resourceParamsSchema = datasetParamsSchema.extend({ rid: z.string().min(1).meta({ description: "The resource id" }) });
