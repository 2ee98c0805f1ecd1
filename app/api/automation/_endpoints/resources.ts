// Automation API v1 — resources, uploaded files, extractors, guessing and previews (API-CONTRACT.md §2.3).
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { z } from "zod";
import { datasetUidParamsSchema } from "@/lib/datasets/schema";
import { contentDisposition } from "@/lib/files/filename";
import { defineEndpoint } from "@/lib/http/endpoint";
import { errorResponses, validationErrorResponse } from "@/lib/http/openapi-responses";
import { paginate, paginatedSchema } from "@/lib/http/pagination";
import {
  datasetFileSchema,
  extractorSchema,
  fileUidParamsSchema,
  guessedParamsSchema,
  guessExtractorsInputSchema,
  guessParamsInputSchema,
  previewInputSchema,
  resourceListQuerySchema,
  resourcePreviewSchema,
  resourceQuerySchema,
  resourceSchema,
  resourceUidParamsSchema,
  resourceWriteSchema,
} from "@/lib/resources/schema";
import {
  cleanResourceCache,
  createResource,
  deleteResource,
  extractors,
  fileForDownload,
  getFile,
  getResource,
  guessSavedExtractors,
  guessSavedParams,
  guessUnsavedExtractors,
  guessUnsavedParams,
  listResources,
  previewSaved,
  previewUnsaved,
  updateResource,
  uploadFile,
} from "@/lib/resources/service";

const tags = ["Dataset resources"];
const signedIn = { kind: "principal" } as const;
const extractorList = z.array(extractorSchema);

// Types a browser would render or run if it ignored Content-Disposition: sent as opaque bytes instead.
const ACTIVE_CONTENT = /html|xml|javascript|ecmascript|svg|pdf/i;

export const resourceEndpoints = [
  defineEndpoint({
    method: "GET",
    path: "/extractors/",
    operationId: "list-extractors",
    summary: "List extractors",
    description: "The extractors this server supports, with their parameters.",
    tags,
    access: signedIn,
    responses: { 200: { description: "OK", schema: extractorList }, ...errorResponses },
    handler: async ({ principal }) => ({ status: 200, body: await extractors(principal) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/resources/",
    operationId: "list-resources",
    summary: "List resources",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    query: resourceListQuerySchema,
    responses: { 200: { description: "OK", schema: paginatedSchema(resourceSchema) }, ...errorResponses },
    handler: async ({ principal, params, query, url }) => ({
      status: 200,
      body: paginate(url, await listResources(principal, params.dataset_uid, query), query),
    }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset_uid}/resources/",
    operationId: "create-resource",
    summary: "Create resource",
    description: "Parameters left out of `params` are guessed from the data.",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    body: resourceWriteSchema,
    responses: { 201: { description: "Created", schema: resourceSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 201, body: await createResource(principal, params.dataset_uid, body) }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset_uid}/resources/guess_extractors/",
    operationId: "guess-unsaved-resource-extractors",
    summary: "Guess unsaved resource extractors",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    body: guessExtractorsInputSchema,
    responses: { 200: { description: "OK", schema: extractorList }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await guessUnsavedExtractors(principal, params.dataset_uid, body.datasource) }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset_uid}/resources/guess_extractor_params/",
    operationId: "guess-unsaved-resource-extractor-params",
    summary: "Guess unsaved resource extractor parameters",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    body: guessParamsInputSchema,
    responses: { 200: { description: "OK", schema: guessedParamsSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await guessUnsavedParams(principal, params.dataset_uid, body.datasource, body.type, body.params) }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset_uid}/resources/preview/",
    operationId: "resource-unsaved-preview",
    summary: "Preview unsaved resource records",
    description: "Field definitions and the first 20 records of a resource configuration that is not saved.",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    body: previewInputSchema,
    responses: { 200: { description: "OK", schema: resourcePreviewSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({ status: 200, body: await previewUnsaved(principal, params.dataset_uid, body) }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset_uid}/resources/files/",
    operationId: "upload-resource-file",
    summary: "Upload resource file",
    description: "Multipart request with a `file` part. The file is streamed to storage; the size limit is MAX_UPLOAD_BYTES.",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    responses: {
      201: { description: "Uploaded", schema: datasetFileSchema },
      400: validationErrorResponse,
      413: { description: "Larger than the upload limit" },
      ...errorResponses,
    },
    handler: async ({ principal, params, request }) => ({ status: 201, body: await uploadFile(principal, params.dataset_uid, request) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/resources/files/{file_uid}/",
    operationId: "retrieve-resource-file",
    summary: "Retrieve resource file",
    tags,
    access: signedIn,
    params: fileUidParamsSchema,
    responses: { 200: { description: "OK", schema: datasetFileSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: await getFile(principal, params.dataset_uid, params.file_uid) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/resources/files/{file_uid}/download/",
    operationId: "download-resource-file",
    summary: "Download resource file",
    tags,
    access: signedIn,
    params: fileUidParamsSchema,
    responses: { 200: { description: "The file", contentType: "application/octet-stream" }, ...errorResponses },
    handler: async ({ principal, params }) => {
      const file = await fileForDownload(principal, params.dataset_uid, params.file_uid);
      const type = file.mimetype && !ACTIVE_CONTENT.test(file.mimetype) ? file.mimetype : "application/octet-stream";
      const body = Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
      return new Response(body, {
        status: 200,
        headers: {
          "Content-Type": type,
          "Content-Length": String(file.size),
          "Content-Disposition": contentDisposition(file.filename),
          "Content-Security-Policy": "sandbox; default-src 'none'",
          "Cache-Control": "private, no-store",
        },
      });
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/resources/{resource_uid}/",
    operationId: "retrieve-resource",
    summary: "Retrieve resource",
    tags,
    access: signedIn,
    params: resourceUidParamsSchema,
    query: resourceQuerySchema,
    responses: { 200: { description: "OK", schema: resourceSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: await getResource(principal, params.dataset_uid, params.resource_uid) }),
  }),
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{dataset_uid}/resources/{resource_uid}/",
    operationId: "update-resource",
    summary: "Update resource",
    description: "Replaces the resource's configuration. A basic-auth password left out keeps the stored one.",
    tags,
    access: signedIn,
    params: resourceUidParamsSchema,
    body: resourceWriteSchema,
    responses: { 200: { description: "OK", schema: resourceSchema }, 400: validationErrorResponse, ...errorResponses },
    handler: async ({ principal, params, body }) => ({
      status: 200,
      body: await updateResource(principal, params.dataset_uid, params.resource_uid, body),
    }),
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/datasets/{dataset_uid}/resources/{resource_uid}/",
    operationId: "delete-resource",
    summary: "Delete resource",
    description: "Deletes the resource, and its uploaded file when no other resource uses it.",
    tags,
    access: signedIn,
    params: resourceUidParamsSchema,
    responses: { 204: { description: "Deleted" }, ...errorResponses },
    handler: async ({ principal, params }) => {
      await deleteResource(principal, params.dataset_uid, params.resource_uid);
      return { status: 204 };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/resources/{resource_uid}/guess_extractors/",
    operationId: "guess-resource-extractors",
    summary: "Guess resource extractors",
    tags,
    access: signedIn,
    params: resourceUidParamsSchema,
    responses: { 200: { description: "OK", schema: extractorList }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: await guessSavedExtractors(principal, params.dataset_uid, params.resource_uid) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/resources/{resource_uid}/guess_extractors_params/",
    operationId: "guess-resource-extractor-params",
    summary: "Guess resource extractor parameters",
    tags,
    access: signedIn,
    params: resourceUidParamsSchema,
    responses: { 200: { description: "OK", schema: guessedParamsSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: await guessSavedParams(principal, params.dataset_uid, params.resource_uid) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/resources/{resource_uid}/preview/",
    operationId: "resource-preview",
    summary: "Preview resource records",
    tags,
    access: signedIn,
    params: resourceUidParamsSchema,
    responses: { 200: { description: "OK", schema: resourcePreviewSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: await previewSaved(principal, params.dataset_uid, params.resource_uid) }),
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset_uid}/resources/{resource_uid}/clean_cache/",
    operationId: "clean-resource-cache",
    summary: "Clean resource cache",
    description: "Forgets what was fetched for a remote resource, so that the next preview fetches it again.",
    tags,
    access: signedIn,
    params: resourceUidParamsSchema,
    responses: { 204: { description: "Cleaned" }, ...errorResponses },
    handler: async ({ principal, params }) => {
      await cleanResourceCache(principal, params.dataset_uid, params.resource_uid);
      return { status: 204 };
    },
  }),
];
