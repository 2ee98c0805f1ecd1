// Management API v2 — dataset metadata (API-CONTRACT.md §4.4).
import { z } from "zod";
import { defineEndpoint, type AnyEndpoint } from "@/lib/http/endpoint";
import { listV2Metadata, getV2Metadata, putV2Metadata, putV2MetadataBulk, resetV2Metadata } from "@/lib/management-v2/metadata-service";
import { datasetParamsSchema, metadataBulkWriteSchema, metadataParamsSchema, metadataWriteSchema, v2MetadataSchema } from "@/lib/management-v2/schema";
import { v2BadRequest, v2Conflict, v2Errors } from "./responses";

const tags = ["Dataset metadata"];
const signedIn = { kind: "principal" } as const;
const one = "/datasets/{dataset_uid}/metadata/{template_name}/{metadata_name}/";

const reset = (path: string, operationId: string, description: string) =>
  defineEndpoint({
    method: "DELETE",
    path,
    operationId,
    summary: "Reset a metadata",
    description,
    tags,
    access: signedIn,
    params: metadataParamsSchema,
    responses: { 200: { description: "The reset metadata", schema: v2MetadataSchema }, ...v2Errors },
    handler: async ({ principal, params }) => ({ status: 200, body: await resetV2Metadata(principal, params.dataset_uid, params.template_name, params.metadata_name) }),
  });

export const metadataEndpoints: AnyEndpoint[] = [
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/metadata/",
    operationId: "list-dataset-metadata",
    summary: "List a dataset's metadata",
    description: "Every metadata the dataset has a value for, in the templates' order. Admin templates only for the dataset's editors.",
    tags,
    access: signedIn,
    params: datasetParamsSchema,
    responses: { 200: { description: "OK", schema: z.array(v2MetadataSchema) }, ...v2Errors },
    handler: async ({ principal, params }) => ({ status: 200, body: await listV2Metadata(principal, params.dataset_uid) }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{dataset_uid}/metadata/",
    operationId: "update-dataset-metadata",
    summary: "Set several metadata",
    description: "All or nothing: every entry is checked before the one write. Answers every metadata of the dataset.",
    tags,
    access: signedIn,
    params: datasetParamsSchema,
    body: metadataBulkWriteSchema,
    responses: { 200: { description: "OK", schema: z.array(v2MetadataSchema) }, 400: v2BadRequest, 409: v2Conflict, ...v2Errors },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await putV2MetadataBulk(principal, params.dataset_uid, body.metas) }),
  }),
  defineEndpoint({
    method: "GET",
    path: one,
    operationId: "retrieve-dataset-metadata",
    summary: "Retrieve a metadata",
    tags,
    access: signedIn,
    params: metadataParamsSchema,
    responses: { 200: { description: "OK", schema: v2MetadataSchema }, ...v2Errors },
    handler: async ({ principal, params }) => ({ status: 200, body: await getV2Metadata(principal, params.dataset_uid, params.template_name, params.metadata_name) }),
  }),
  defineEndpoint({
    method: "PUT",
    path: one,
    operationId: "set-dataset-metadata",
    summary: "Set a metadata",
    description: "`value` must fit the definition; null removes it.",
    tags,
    access: signedIn,
    params: metadataParamsSchema,
    body: metadataWriteSchema,
    responses: { 200: { description: "OK", schema: v2MetadataSchema }, 400: v2BadRequest, ...v2Errors },
    handler: async ({ principal, params, body }) => ({
      status: 200,
      body: await putV2Metadata(principal, params.dataset_uid, params.template_name, params.metadata_name, body),
    }),
  }),
  reset(one, "reset-dataset-metadata", "Removes the value; a value linked to a remote source shows the remote value again."),
  reset("/datasets/{dataset_uid}/{template_name}/{metadata_name}/", "reset-dataset-metadata-short", "The same as DELETE …/metadata/{template_name}/{metadata_name} (the path the documentation gives)."),
];
