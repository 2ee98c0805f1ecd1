// Explore API v2.1 (API-CONTRACT.md §5): the subset @opendatasoft/api-client uses. Anyone may call it; what a
// caller sees depends on who they are (restricted datasets need the view right).
import type { Principal } from "@/lib/auth/principal";
import { exploredDataset, presentDataset, withSecuredCount, type Viewer } from "@/lib/explore/catalog";
import { clientAddress } from "@/lib/http/client-address";
import { CATALOG_EXPORT_FORMATS, exportCatalog, type CatalogExportFormat } from "@/lib/explore/catalog-exports";
import { queryCatalog, queryCatalogFacets } from "@/lib/explore/catalog-query";
import { exportRecords } from "@/lib/explore/exports";
import { getRecord, queryFacets, queryRecords } from "@/lib/explore/records";
import {
  DATASET_EXPORT_FORMATS,
  exploreCatalogSchema,
  exploreDatasetSchema,
  exploreFacetsSchema,
  exploreQuerySchema,
  exploreRecordsSchema,
  type DatasetExportFormat,
} from "@/lib/explore/schema";
import { AppError } from "@/lib/errors/app-error";
import { defineEndpoint, type AnyEndpoint } from "@/lib/http/endpoint";
import { errorResponses } from "@/lib/http/openapi-responses";
import { z } from "zod";

const tags = ["Explore"];
const anyone = { kind: "public" } as const;
const datasetParams = z.object({ dataset_id: z.string().min(1).max(200) });
// The handler context types the principal as present; on public endpoints it is null for anonymous callers, who
// are told apart by their address (for API calls quotas).
const caller = (principal: Principal, request: Request): Viewer => ({
  principal: (principal as Principal | null) ?? null,
  address: clientAddress(request.headers.get("x-forwarded-for")),
});

const EXPORT_ALIASES: Record<string, DatasetExportFormat> = { csv: "csv", json: "json", jsonl: "jsonl", geojson: "geojson" };

export const exploreEndpoints: AnyEndpoint[] = [
  defineEndpoint({
    method: "GET",
    path: "/catalog/",
    operationId: "explore-catalog",
    summary: "Catalog links",
    tags,
    access: anyone,
    responses: { 200: { description: "Links", schema: z.object({ links: z.array(z.object({ href: z.string(), rel: z.string() })) }) } },
    handler: async ({ url }) => ({
      status: 200,
      body: { links: ["datasets", "exports", "facets"].map((rel) => ({ href: new URL(`${rel}/`, url.href.replace(/\/?$/, "/")).toString(), rel })) },
    }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/catalog/datasets/",
    operationId: "explore-datasets",
    summary: "Query published datasets",
    tags,
    access: anyone,
    query: exploreQuerySchema,
    responses: { 200: { description: "Datasets", schema: exploreCatalogSchema }, ...errorResponses },
    handler: async ({ principal, request, query}) => ({ status: 200, body: await queryCatalog(caller(principal, request), query) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/catalog/facets/",
    operationId: "explore-catalog-facets",
    summary: "Facets of the catalog",
    description: "Values of dataset properties (features, keyword, theme, publisher, language, license) with dataset counts.",
    tags,
    access: anyone,
    query: exploreQuerySchema,
    responses: { 200: { description: "Facets", schema: exploreFacetsSchema }, ...errorResponses },
    handler: async ({ principal, request, query}) => ({ status: 200, body: await queryCatalogFacets(caller(principal, request), query) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/catalog/exports/",
    operationId: "explore-catalog-export-formats",
    summary: "Catalog export formats",
    tags,
    access: anyone,
    responses: { 200: { description: "Links", schema: z.object({ links: z.array(z.object({ href: z.string(), rel: z.string() })) }) } },
    handler: async ({ url }) => {
      const base = url.href.split("?")[0]!.replace(/\/?$/, "/");
      return { status: 200, body: { links: CATALOG_EXPORT_FORMATS.map((rel) => ({ href: `${base}${rel}/`, rel })) } };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/catalog/exports/{format}/",
    operationId: "explore-catalog-export",
    summary: "Export the catalog",
    tags,
    access: anyone,
    params: z.object({ format: z.string().min(1).max(30) }),
    query: exploreQuerySchema,
    responses: { 200: { description: "The export", contentType: "application/octet-stream" }, ...errorResponses },
    handler: async ({ principal, request, params, query}) => {
      const format = params.format.toLowerCase() as CatalogExportFormat;
      if (!CATALOG_EXPORT_FORMATS.includes(format)) throw new AppError("InvalidRESTParameterError", `Unknown export format "${params.format}": expected one of ${CATALOG_EXPORT_FORMATS.join(", ")}.`);
      return exportCatalog(caller(principal, request), format, query);
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/catalog/datasets/{dataset_id}/",
    operationId: "explore-dataset",
    summary: "Published dataset",
    tags,
    access: anyone,
    params: datasetParams,
    responses: { 200: { description: "Dataset", schema: exploreDatasetSchema }, ...errorResponses },
    handler: async ({ principal, request, params}) => ({ status: 200, body: presentDataset(await withSecuredCount(await exploredDataset(caller(principal, request), params.dataset_id))) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/catalog/datasets/{dataset_id}/records/",
    operationId: "explore-records",
    summary: "Query records",
    description: "ODSQL select, where, group_by, order_by; limit ≤ 100 (20,000 with group_by); offset + limit ≤ 10,000; refine and exclude.",
    tags,
    access: anyone,
    params: datasetParams,
    query: exploreQuerySchema,
    responses: { 200: { description: "Records", schema: exploreRecordsSchema }, ...errorResponses },
    handler: async ({ principal, request, params, query}) => ({ status: 200, body: await queryRecords(caller(principal, request), params.dataset_id, query) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/catalog/datasets/{dataset_id}/records/{record_id}/",
    operationId: "explore-record",
    summary: "One record",
    tags,
    access: anyone,
    params: datasetParams.extend({ record_id: z.string().min(1).max(100) }),
    query: exploreQuerySchema.pick({ timezone: true }),
    responses: { 200: { description: "Record", schema: z.record(z.string(), z.unknown()) }, ...errorResponses },
    handler: async ({ principal, request, params, query }) => ({ status: 200, body: await getRecord(caller(principal, request), params.dataset_id, params.record_id, query.timezone) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/catalog/datasets/{dataset_id}/facets/",
    operationId: "explore-facets",
    summary: "Facets of the records",
    tags,
    access: anyone,
    params: datasetParams,
    query: exploreQuerySchema,
    responses: { 200: { description: "Facets", schema: exploreFacetsSchema }, ...errorResponses },
    handler: async ({ principal, request, params, query}) => ({ status: 200, body: await queryFacets(caller(principal, request), params.dataset_id, query) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/catalog/datasets/{dataset_id}/exports/",
    operationId: "explore-export-formats",
    summary: "Export formats",
    tags,
    access: anyone,
    params: datasetParams,
    responses: { 200: { description: "Links", schema: z.object({ links: z.array(z.object({ href: z.string(), rel: z.string() })) }) }, ...errorResponses },
    handler: async ({ principal, request, params, url}) => {
      await exploredDataset(caller(principal, request), params.dataset_id);
      const base = url.href.split("?")[0]!.replace(/\/?$/, "/");
      return { status: 200, body: { links: DATASET_EXPORT_FORMATS.map((rel) => ({ href: `${base}${rel}/`, rel })) } };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/catalog/datasets/{dataset_id}/exports/{format}/",
    operationId: "explore-export",
    summary: "Export records",
    description: "Every matching record, streamed: csv (`;` and a BOM by default, formula-like cells defused), json, jsonl, geojson.",
    tags,
    access: anyone,
    params: datasetParams.extend({ format: z.string().min(1).max(30) }),
    query: exploreQuerySchema,
    responses: { 200: { description: "The export", contentType: "application/octet-stream" }, ...errorResponses },
    handler: async ({ principal, request, params, query}) => {
      const format = EXPORT_ALIASES[params.format.toLowerCase()];
      if (!format) throw new AppError("InvalidRESTParameterError", `Unknown export format "${params.format}": expected one of ${DATASET_EXPORT_FORMATS.join(", ")}.`);
      return exportRecords(caller(principal, request), params.dataset_id, format, query);
    },
  }),
];
