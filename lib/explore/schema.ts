// Explore API v2.1 (API-CONTRACT.md §5): query parameters and answers. Parameters are read loosely (strings,
// repeated keys) and checked by the service, which answers the vendor's error codes (InvalidRESTParameterError,
// ODSQLError) rather than our validation_error.
import { z } from "zod";

const repeated = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const text = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (Array.isArray(v) ? v.at(-1) : v));

export const exploreQuerySchema = z.object({
  select: text,
  where: repeated,
  group_by: text,
  order_by: text,
  limit: text,
  offset: text,
  refine: repeated,
  exclude: repeated,
  facet: repeated,
  lang: text,
  timezone: text,
  include_links: text,
  include_app_metas: text,
  // CSV exports
  delimiter: text,
  with_bom: text,
  quote_all: text,
  use_labels: text,
  list_separator: text,
});
export type ExploreQuery = z.output<typeof exploreQuerySchema>;

export const exploreFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  description: z.string().nullable(),
  annotations: z.record(z.string(), z.array(z.string())),
});

export const exploreDatasetSchema = z
  .object({
    dataset_id: z.string(),
    dataset_uid: z.string(),
    has_records: z.boolean(),
    data_visible: z.boolean(),
    features: z.array(z.string()),
    visibility: z.enum(["domain", "restricted"]),
    attachments: z.array(z.unknown()),
    alternative_exports: z.array(z.unknown()),
    fields: z.array(exploreFieldSchema),
    metas: z.record(z.string(), z.record(z.string(), z.unknown())),
  })
  .meta({ id: "ExploreDataset" });
export type ExploreDataset = z.infer<typeof exploreDatasetSchema>;

export const exploreCatalogSchema = z.object({ total_count: z.number().int(), results: z.array(z.record(z.string(), z.unknown())) });
export const exploreRecordsSchema = z.object({ total_count: z.number().int(), results: z.array(z.record(z.string(), z.unknown())) });

export type FacetValue = { name: string; value: string; count?: number; state: "displayed" | "refined" | "excluded" };
export const exploreFacetsSchema = z.object({
  links: z.array(z.unknown()),
  facets: z.array(z.object({ name: z.string(), facets: z.array(z.object({ name: z.string(), value: z.string(), count: z.number().optional(), state: z.string() })) })),
});

export const DATASET_EXPORT_FORMATS = ["csv", "json", "jsonl", "geojson"] as const;
export type DatasetExportFormat = (typeof DATASET_EXPORT_FORMATS)[number];
