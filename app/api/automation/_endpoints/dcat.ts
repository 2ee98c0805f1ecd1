// Extension of the Automation API v1: DCAT-AP export (JSON-LD or Turtle) of the catalog and of each dataset,
// built from the `default` and `dcat` metadata templates.
import { z } from "zod";
import { datasetUidSchema } from "@/lib/datasets/schema";
import { defineEndpoint } from "@/lib/http/endpoint";
import { errorResponses } from "@/lib/http/openapi-responses";
import { toJsonLd, toTurtle, type Triple } from "@/lib/metadata/dcat";
import { catalogDcat, datasetDcat } from "@/lib/metadata/dcat-service";

const tags = ["DCAT export"];
const formatQuery = z.object({
  format: z.enum(["jsonld", "turtle"]).default("jsonld").meta({ description: "jsonld (application/ld+json) or turtle (text/turtle)." }),
});
const jsonLd = z.record(z.string(), z.unknown()).meta({ description: "JSON-LD with an @context of prefixes and an @graph." });
const responses = {
  200: { description: "DCAT-AP description (JSON-LD)", schema: jsonLd, contentType: "application/ld+json" },
  ...errorResponses,
};

function apiBase(url: URL): string {
  const match = /^\/api\/automation\/[^/]+/.exec(url.pathname);
  return `${url.origin}${match ? match[0] : "/api/automation/v1.0"}`;
}

function answer(triples: Triple[], format: "jsonld" | "turtle"): Response {
  const headers = { "Cache-Control": "no-store" };
  if (format === "turtle") return new Response(toTurtle(triples), { status: 200, headers: { ...headers, "Content-Type": "text/turtle; charset=utf-8" } });
  return new Response(JSON.stringify(toJsonLd(triples)), { status: 200, headers: { ...headers, "Content-Type": "application/ld+json; charset=utf-8" } });
}

export const dcatEndpoints = [
  defineEndpoint({
    method: "GET",
    path: "/metadata/dcat/catalog/",
    operationId: "export-catalog-dcat",
    summary: "DCAT-AP description of the catalog",
    description: `Extension. The catalog (dcat:Catalog) and every dataset the caller may see (dcat:Dataset), at most 10,000. \`format=turtle\` answers \`text/turtle\`.`,
    tags,
    access: { kind: "principal" },
    query: formatQuery,
    responses: { ...responses, 200: { ...responses[200], description: "JSON-LD, or Turtle with format=turtle" } },
    handler: async ({ principal, query, url }) => answer(await catalogDcat(principal, apiBase(url), url.origin), query.format),
  }),
  defineEndpoint({
    method: "GET",
    path: "/metadata/dcat/datasets/{dataset_uid}/",
    operationId: "export-dataset-dcat",
    summary: "DCAT-AP description of a dataset",
    description: "Extension. One dcat:Dataset from the dataset's `default` and `dcat` metadata. `format=turtle` answers `text/turtle`.",
    tags,
    access: { kind: "principal" },
    params: z.object({ dataset_uid: datasetUidSchema }),
    query: formatQuery,
    responses: { ...responses, 200: { ...responses[200], description: "JSON-LD, or Turtle with format=turtle" } },
    handler: async ({ principal, params, query, url }) => answer(await datasetDcat(principal, params.dataset_uid, apiBase(url)), query.format),
  }),
];
