// Management API v2 — datasets (API-CONTRACT.md §4.3): the HEAD shape, created, read and deleted through the
// dataset services.
import { defineEndpoint, type AnyEndpoint } from "@/lib/http/endpoint";
import { deleteDataset, getDatasetStatus } from "@/lib/datasets/service";
import { createV2Dataset, getV2Dataset } from "@/lib/management-v2/dataset-service";
import { toV2Status } from "@/lib/management-v2/dataset";
import { datasetCreateQuerySchema, datasetCreateSchema, datasetParamsSchema, datasetQuerySchema, v2DatasetSchema, v2StatusSchema } from "@/lib/management-v2/schema";
import { v2BadRequest, v2Errors } from "./responses";

const tags = ["Datasets"];
const signedIn = { kind: "principal" } as const;

export const datasetEndpoints: AnyEndpoint[] = [
  defineEndpoint({
    method: "POST",
    path: "/datasets/",
    operationId: "create-dataset",
    summary: "Create a dataset",
    description:
      "Without `dataset_id`, one is derived from `metas.default.title`; a taken one gets the first free suffix (`-1`, `-2`…). With `strict=true`, `dataset_id` is mandatory and never altered. `metas.default.title` is required.",
    tags,
    access: { kind: "principal", anyOf: ["create_dataset"] },
    query: datasetCreateQuerySchema,
    body: datasetCreateSchema,
    responses: { 201: { description: "Created", schema: v2DatasetSchema }, 400: v2BadRequest, ...v2Errors },
    handler: async ({ principal, query, body }) => ({
      status: 201,
      body: await createV2Dataset(principal, body, { strict: query.strict === "true", expand: query.expand }),
    }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/",
    operationId: "retrieve-dataset",
    summary: "Retrieve a dataset",
    tags,
    access: signedIn,
    params: datasetParamsSchema,
    query: datasetQuerySchema,
    responses: { 200: { description: "OK", schema: v2DatasetSchema }, 400: v2BadRequest, ...v2Errors },
    handler: async ({ principal, params, query }) => ({ status: 200, body: await getV2Dataset(principal, params.dataset_uid, query.expand) }),
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/datasets/{dataset_uid}/",
    operationId: "delete-dataset",
    summary: "Delete a dataset",
    description: "Stops its running job, removes its records from Explore, then the dataset.",
    tags,
    access: signedIn,
    params: datasetParamsSchema,
    responses: { 204: { description: "Deleted" }, ...v2Errors },
    handler: async ({ principal, params }) => {
      await deleteDataset(principal, params.dataset_uid);
      return { status: 204 };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/status/",
    operationId: "get-dataset-status",
    summary: "Retrieve a dataset's status",
    description: "`records_errors` is the number of record errors the last publish kept.",
    tags,
    access: signedIn,
    params: datasetParamsSchema,
    responses: { 200: { description: "OK", schema: v2StatusSchema }, ...v2Errors },
    handler: async ({ principal, params }) => ({ status: 200, body: toV2Status(await getDatasetStatus(principal, params.dataset_uid)) }),
  }),
];
