// Automation API v1 — processors and field configurations (API-CONTRACT.md §2.5, §2.6), plus two extensions:
// reordering a list in one request, and the per-step processing preview.
import { z } from "zod";
import { datasetUidParamsSchema, datasetUidSchema } from "@/lib/datasets/schema";
import { fieldConfigurationSchema, fieldConfigurationWriteSchema } from "@/lib/fields/schema";
import { fieldConfigurations } from "@/lib/fields/service";
import { defineEndpoint, type AnyEndpoint } from "@/lib/http/endpoint";
import { errorResponses, validationErrorResponse } from "@/lib/http/openapi-responses";
import { paginate, paginatedSchema } from "@/lib/http/pagination";
import { processingPreviewInputSchema, processingPreviewSchema } from "@/lib/processing/schema";
import { previewProcessing } from "@/lib/processing/preview";
import type { StackService } from "@/lib/processing/stack-service";
import { processorSchema, processorTypeSchema, processorUidSchema, processorWriteSchema, reorderSchema, stackListQuerySchema } from "@/lib/processors/schema";
import { processors, processorTypes } from "@/lib/processors/service";

const signedIn = { kind: "principal" } as const;

/** The CRUD + reorder endpoints of one list (`processors` or `fields`), which share their shape. */
function stackEndpoints<W>(options: {
  collection: "processors" | "fields";
  param: "processor_uid" | "field_uid";
  tag: string;
  noun: string;
  writeSchema: z.ZodType<W>;
  itemSchema: z.ZodType;
  service: StackService<W>;
  ids: { list: string; create: string; retrieve: string; update: string; delete: string; reorder: string };
}): AnyEndpoint[] {
  const { collection, param, tag, noun, writeSchema, itemSchema, service, ids } = options;
  const tags = [tag];
  const base = `/datasets/{dataset_uid}/${collection}/`;
  const item = `${base}{${param}}/`;
  const itemParams = z.object({ dataset_uid: datasetUidSchema, [param]: processorUidSchema }) as unknown as z.ZodType<{ dataset_uid: string } & Record<string, string>>;
  return [
    defineEndpoint({
      method: "GET",
      path: base,
      operationId: ids.list,
      summary: `List ${noun}s`,
      description: "In application order.",
      tags,
      access: signedIn,
      params: datasetUidParamsSchema,
      query: stackListQuerySchema,
      responses: { 200: { description: "OK", schema: paginatedSchema(itemSchema) }, ...errorResponses },
      handler: async ({ principal, params, query, url }) => ({ status: 200, body: paginate(url, await service.list(principal, params.dataset_uid, query), query) }),
    }),
    defineEndpoint({
      method: "POST",
      path: base,
      operationId: ids.create,
      summary: `Create ${noun}`,
      description: "Appended at the end of the list.",
      tags,
      access: signedIn,
      params: datasetUidParamsSchema,
      body: writeSchema,
      responses: { 201: { description: "Created", schema: itemSchema }, 400: validationErrorResponse, ...errorResponses },
      handler: async ({ principal, params, body }) => ({ status: 201, body: await service.create(principal, params.dataset_uid, body) }),
    }),
    defineEndpoint({
      method: "POST",
      path: `${base}reorder/`,
      operationId: ids.reorder,
      summary: `Reorder ${noun}s`,
      description: "Extension: `uids` lists every item once, in the new order. Answers the list in that order.",
      tags,
      access: signedIn,
      params: datasetUidParamsSchema,
      body: reorderSchema,
      responses: { 200: { description: "OK", schema: z.array(itemSchema) }, 400: validationErrorResponse, ...errorResponses },
      handler: async ({ principal, params, body }) => ({ status: 200, body: await service.reorder(principal, params.dataset_uid, body.uids) }),
    }),
    defineEndpoint({
      method: "GET",
      path: item,
      operationId: ids.retrieve,
      summary: `Retrieve ${noun}`,
      tags,
      access: signedIn,
      params: itemParams,
      responses: { 200: { description: "OK", schema: itemSchema }, ...errorResponses },
      handler: async ({ principal, params }) => ({ status: 200, body: await service.get(principal, params.dataset_uid, params[param]!) }),
    }),
    defineEndpoint({
      method: "PUT",
      path: item,
      operationId: ids.update,
      summary: `Update ${noun}`,
      tags,
      access: signedIn,
      params: itemParams,
      body: writeSchema,
      responses: { 200: { description: "OK", schema: itemSchema }, 400: validationErrorResponse, ...errorResponses },
      handler: async ({ principal, params, body }) => ({ status: 200, body: await service.update(principal, params.dataset_uid, params[param]!, body) }),
    }),
    defineEndpoint({
      method: "DELETE",
      path: item,
      operationId: ids.delete,
      summary: `Delete ${noun}`,
      tags,
      access: signedIn,
      params: itemParams,
      responses: { 204: { description: "Deleted" }, ...errorResponses },
      handler: async ({ principal, params }) => {
        await service.remove(principal, params.dataset_uid, params[param]!);
        return { status: 204 };
      },
    }),
  ];
}

export const processingEndpoints: AnyEndpoint[] = [
  defineEndpoint({
    method: "GET",
    path: "/processors/",
    operationId: "list-processors",
    summary: "List processors",
    description: "The processor types this server supports, with their parameters.",
    tags: ["Dataset processors"],
    access: signedIn,
    responses: { 200: { description: "OK", schema: z.array(processorTypeSchema) }, ...errorResponses },
    handler: async ({ principal }) => ({ status: 200, body: await processorTypes(principal) }),
  }),
  ...stackEndpoints({
    collection: "processors",
    param: "processor_uid",
    tag: "Dataset processors",
    noun: "dataset processor",
    writeSchema: processorWriteSchema,
    itemSchema: processorSchema,
    service: processors,
    ids: { list: "list-dataset-processors", create: "create-dataset-processor", retrieve: "retrieve-dataset-processor", update: "update-dataset-processor", delete: "delete-dataset-processor", reorder: "reorder-dataset-processors" },
  }),
  ...stackEndpoints({
    collection: "fields",
    param: "field_uid",
    tag: "Dataset fields",
    noun: "field configuration",
    writeSchema: fieldConfigurationWriteSchema,
    itemSchema: fieldConfigurationSchema,
    service: fieldConfigurations,
    ids: { list: "list-dataset-fields", create: "create-dataset-field", retrieve: "retrieve-dataset-field", update: "update-dataset-field", delete: "delete-dataset-field", reorder: "reorder-dataset-fields" },
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset_uid}/processing/preview/",
    operationId: "preview-dataset-processing",
    summary: "Preview processing step by step",
    description:
      "Extension: a resource's first records as extracted, after each processor and after the field configurations, with each step's fields, errors and skipped records. Saved configuration unless `processors` or `fields` are given; nothing is saved.",
    tags: ["Dataset processors"],
    access: signedIn,
    params: datasetUidParamsSchema,
    body: processingPreviewInputSchema,
    responses: { 200: { description: "OK", schema: processingPreviewSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await previewProcessing(principal, params.dataset_uid, body) }),
  }),
];
