// Automation API v1 — datasets (API-CONTRACT.md §2.1). Thin adapters: parse (by the endpoint's schemas),
// call the service, return the resource.
import {
  createDataset,
  deleteDataset,
  getDataset,
  getDatasetStatus,
  listDatasets,
  updateDataset,
} from "@/lib/datasets/service";
import {
  datasetListQuerySchema,
  datasetSchema,
  datasetStatusSchema,
  datasetUidParamsSchema,
  datasetWriteSchema,
} from "@/lib/datasets/schema";
import { defineEndpoint } from "@/lib/http/endpoint";
import { errorResponses, validationErrorResponse } from "@/lib/http/openapi-responses";
import { paginate, paginatedSchema } from "@/lib/http/pagination";

const tags = ["Datasets"];
const signedIn = { kind: "principal" } as const;

export const datasetEndpoints = [
  defineEndpoint({
    method: "GET",
    path: "/datasets/",
    operationId: "list-datasets",
    summary: "List datasets",
    description: "List all the datasets that can be edited by this user.",
    tags,
    access: signedIn,
    query: datasetListQuerySchema,
    responses: { 200: { description: "OK", schema: paginatedSchema(datasetSchema) }, ...errorResponses },
    handler: async ({ principal, query, url }) => ({ status: 200, body: paginate(url, await listDatasets(principal, query, query.right), query) }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/",
    operationId: "create-dataset",
    summary: "Create dataset",
    description: "Create a dataset. Without dataset_id, one is derived from the title.",
    tags,
    access: { kind: "principal", anyOf: ["create_dataset"] },
    body: datasetWriteSchema,
    responses: { 201: { description: "Created", schema: datasetSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, body }) => ({ status: 201, body: await createDataset(principal, body) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/",
    operationId: "retrieve-dataset",
    summary: "Retrieve Dataset",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    responses: { 200: { description: "OK", schema: datasetSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: await getDataset(principal, params.dataset_uid) }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{dataset_uid}/",
    operationId: "update-dataset",
    summary: "Update Dataset",
    description:
      "Update a dataset. `metadata` is required and replaces the dataset's metadata; omitted top-level properties keep their value.",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    body: datasetWriteSchema,
    responses: { 200: { description: "OK", schema: datasetSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await updateDataset(principal, params.dataset_uid, body) }),
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/datasets/{dataset_uid}/",
    operationId: "delete-dataset",
    summary: "Delete Dataset",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    responses: { 204: { description: "Deleted" }, ...errorResponses },
    handler: async ({ principal, params }) => {
      await deleteDataset(principal, params.dataset_uid);
      return { status: 204 };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/status/",
    operationId: "get-dataset-status",
    summary: "Retrieve dataset status",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    responses: { 200: { description: "Dataset status", schema: datasetStatusSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: await getDatasetStatus(principal, params.dataset_uid) }),
  }),
];
