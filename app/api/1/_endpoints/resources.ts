// udata API 1 — resources: upload a file as a new resource, reference a remote file, update, replace the file,
// delete (API-CONTRACT.md §6.1). `filetype: "file"` is our uploaded_file datasource, `"remote"` our http one.
import { AppError, msg } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/zod-messages";
import { defineEndpoint } from "@/lib/http/endpoint";
import { resourceWriteSchema, type Datasource, type DatasetFile, type ResourceRecord } from "@/lib/resources/schema";
import { createResource, deleteResource, getResource, updateResource, uploadFile } from "@/lib/resources/service";
import type { Principal } from "@/lib/auth/principal";
import type { Dataset } from "@/lib/datasets/schema";
import type { ExtractorType } from "@/lib/extractors/types";
import { datasetResources } from "@/lib/udata/dataset-view";
import { datasetForRead, datasetForWrite } from "@/lib/udata/lookup";
import { presentResource } from "@/lib/udata/present";
import { followVisibility, requirePublicationRight } from "@/lib/udata/publication";
import { extractorForFormat, formatFromName, SUPPORTED_FORMATS } from "@/lib/udata/resource-format";
import {
  datasetParamsSchema,
  resourceParamsSchema,
  udataRemoteResourceCreateSchema,
  udataResourceSchema,
  udataResourceUpdateSchema,
} from "@/lib/udata/schema";
import { udataErrors } from "./errors";

const tags = ["datasets"];
const withKey = { kind: "principal" } as const;
const uploadDescription = "Multipart request with a `file` part, streamed to storage (limit MAX_UPLOAD_BYTES).";

function extractorFor(format: string, field: string): ExtractorType {
  const type = extractorForFormat(format);
  if (type) return type;
  const message = msg("udata.unsupported_format", { format: format || "?", formats: SUPPORTED_FORMATS.join(", ") });
  throw new AppError("validation_error", message, { fieldErrors: { [field]: [message] } });
}

function badRequest(key: "udata.remote_only" | "udata.filetype_immutable" | "udata.not_a_file"): AppError {
  return new AppError("bad_request", msg(key));
}

/** The dataset a resource write names, and the publishing right when the write will (un)publish it. */
async function writableDataset(principal: Principal, id: string): Promise<Dataset> {
  const dataset = await datasetForWrite(principal, id, "edit");
  if (!dataset.is_restricted || dataset.is_published) await requirePublicationRight(principal, dataset.uid);
  return dataset;
}

const fileDatasource = (file: Pick<DatasetFile, "uid">): Datasource => ({ type: "uploaded_file", file: { uid: file.uid } });

function sameDatasource(resource: ResourceRecord): Datasource {
  const source = resource.datasource;
  if (source.type === "uploaded_file") return fileDatasource(source.file);
  return { type: "http", connection: { ...source.connection, type: "http" }, ...(source.relative_url ? { relative_url: source.relative_url } : {}), ...(source.headers ? { headers: source.headers } : {}) };
}

const filetypeOf = (resource: ResourceRecord) => (resource.datasource.type === "http" ? "remote" : "file");

export const resourceEndpoints = [
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset}/upload/",
    operationId: "upload_new_dataset_resource",
    summary: "Upload a new local resource",
    description: `${uploadDescription} The resource takes the file's name as its title; its format comes from the file's extension.`,
    tags,
    access: withKey,
    params: datasetParamsSchema,
    responses: { 201: { description: "Created", schema: udataResourceSchema }, 413: { description: "Larger than the upload limit" }, ...udataErrors },
    handler: async ({ principal, params, request, url }) => {
      const dataset = await writableDataset(principal, params.dataset);
      const file = await uploadFile(principal, dataset.uid, request);
      // An unsupported file stays unused and goes with the hourly sweep of abandoned uploads.
      const type = extractorFor(formatFromName(file.filename), "file");
      const resource = await createResource(principal, dataset.uid, { type, title: file.filename, datasource: fileDatasource(file) });
      await followVisibility(principal, dataset.uid);
      return { status: 201, body: presentResource(resource, dataset.uid, url.origin) };
    },
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset}/resources/",
    operationId: "create_resource",
    summary: "Create a remote resource",
    description: 'Only remote resources (`filetype: "remote"`): upload files with POST /datasets/{dataset}/upload/.',
    tags,
    access: withKey,
    params: datasetParamsSchema,
    body: udataRemoteResourceCreateSchema,
    responses: { 201: { description: "Created", schema: udataResourceSchema }, ...udataErrors },
    handler: async ({ principal, params, body, url }) => {
      if (body.filetype !== "remote") throw badRequest("udata.remote_only");
      const type = extractorFor(body.format ?? formatFromName(body.url), "format");
      const write = parseInput(resourceWriteSchema, { type, title: body.title, datasource: { type: "http", connection: { type: "http", url: body.url } } });
      const dataset = await writableDataset(principal, params.dataset);
      const resource = await createResource(principal, dataset.uid, write, { description: body.description ?? null });
      await followVisibility(principal, dataset.uid);
      return { status: 201, body: presentResource(resource, dataset.uid, url.origin) };
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset}/resources/{rid}/",
    operationId: "get_resource",
    summary: "Get a resource",
    tags,
    access: { kind: "public" },
    params: resourceParamsSchema,
    responses: { 200: { description: "OK", schema: udataResourceSchema }, ...udataErrors },
    handler: async ({ principal, params, url }) => {
      const dataset = await datasetForRead(principal ?? null, params.dataset);
      const resource = (await datasetResources(principal ?? null, dataset)).find((r) => r.uid === params.rid);
      if (!resource) throw new AppError("not_found", msg("errors.not_found"));
      return { status: 200, body: presentResource(resource, dataset.uid, url.origin) };
    },
  }),
  defineEndpoint({
    method: "PUT",
    path: "/datasets/{dataset}/resources/{rid}/",
    operationId: "update_resource",
    summary: "Update a resource",
    description: "Fields left out keep their values. `filetype` cannot change (400); `url` applies to remote resources.",
    tags,
    access: withKey,
    params: resourceParamsSchema,
    body: udataResourceUpdateSchema,
    responses: { 200: { description: "OK", schema: udataResourceSchema }, ...udataErrors },
    handler: async ({ principal, params, body, url }) => {
      const dataset = await writableDataset(principal, params.dataset);
      const current = await getResource(principal, dataset.uid, params.rid);
      if (body.filetype !== undefined && body.filetype !== filetypeOf(current)) throw badRequest("udata.filetype_immutable");
      const type = body.format !== undefined ? extractorFor(body.format, "format") : (current.type as ExtractorType);
      let datasource = sameDatasource(current);
      if (datasource.type === "http" && body.url !== undefined) datasource = { ...datasource, connection: { ...datasource.connection, url: body.url } };
      const write = parseInput(resourceWriteSchema, { type, title: body.title ?? current.title, params: type === current.type ? current.params : {}, datasource });
      const resource = await updateResource(principal, dataset.uid, current.uid, write, { description: body.description });
      await followVisibility(principal, dataset.uid);
      return { status: 200, body: presentResource(resource, dataset.uid, url.origin) };
    },
  }),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset}/resources/{rid}/upload/",
    operationId: "upload_dataset_resource",
    summary: "Replace a local resource's file",
    description: `${uploadDescription} The previous file is deleted.`,
    tags,
    access: withKey,
    params: resourceParamsSchema,
    responses: { 200: { description: "OK", schema: udataResourceSchema }, 413: { description: "Larger than the upload limit" }, ...udataErrors },
    handler: async ({ principal, params, request, url }) => {
      const dataset = await writableDataset(principal, params.dataset);
      const current = await getResource(principal, dataset.uid, params.rid);
      if (current.datasource.type !== "uploaded_file") throw badRequest("udata.not_a_file");
      const file = await uploadFile(principal, dataset.uid, request);
      const type = extractorFor(formatFromName(file.filename), "file");
      // The new file's parameters are guessed again; the store releases the old file, whose bytes the service deletes.
      const resource = await updateResource(principal, dataset.uid, current.uid, { type, title: current.title, params: {}, datasource: fileDatasource(file) });
      await followVisibility(principal, dataset.uid);
      return { status: 200, body: presentResource(resource, dataset.uid, url.origin) };
    },
  }),
  defineEndpoint({
    method: "DELETE",
    path: "/datasets/{dataset}/resources/{rid}/",
    operationId: "delete_resource",
    summary: "Delete a resource",
    description: "Its uploaded file is deleted too.",
    tags,
    access: withKey,
    params: resourceParamsSchema,
    responses: { 204: { description: "Deleted" }, ...udataErrors },
    handler: async ({ principal, params }) => {
      const dataset = await writableDataset(principal, params.dataset);
      await deleteResource(principal, dataset.uid, params.rid);
      await followVisibility(principal, dataset.uid);
      return { status: 204 };
    },
  }),
];
