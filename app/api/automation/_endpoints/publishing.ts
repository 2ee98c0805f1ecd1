// Automation API v1 — publishing actions (API-CONTRACT.md §2.1, §3.5), plus the publish jobs (extension): the
// live progress and the history the console's publish panel shows.
import { datasetUidParamsSchema } from "@/lib/datasets/schema";
import { defineEndpoint, type AnyEndpoint } from "@/lib/http/endpoint";
import { errorResponses } from "@/lib/http/openapi-responses";
import { actionDoneSchema, publishJobListQuerySchema, publishJobSchema } from "@/lib/publishing/schema";
import { abortPublishing, listPublishJobs, startPublishAction } from "@/lib/publishing/service";
import { getStartedJob, listStartedJobs } from "@/lib/publishing/job-tracking";
import { liveStatusSnapshot, statusEventStream } from "@/lib/publishing/status-stream";
import { datasetStatusSchema } from "@/lib/datasets/schema";
import type { PublishFunction } from "@/lib/publishing/status-machine";
import { z } from "zod";

const tags = ["Publishing"];
const signedIn = { kind: "principal" } as const;
const ok = { status: 200, body: { detail: "ok" } } as const;

const ACTIONS: { fn: PublishFunction; summary: string; description: string }[] = [
  { fn: "publish", summary: "Publish dataset", description: "Queues a publish: every resource is processed into new records, swapped in atomically when done. Refused while another action is queued or running (`invalid_dataset_status`) and while mandatory metadata is missing (`validation_error`)." },
  { fn: "publish_metadata", summary: "Publish dataset metadata", description: "Queues a metadata-only publish: Explore shows the current metadata, records are untouched." },
  { fn: "unpublish", summary: "Unpublish dataset", description: "Queues removal from Explore. The configuration stays." },
];

export const publishingEndpoints: AnyEndpoint[] = [
  ...ACTIONS.map(({ fn, summary, description }) =>
    defineEndpoint({
      method: "POST",
      path: `/datasets/{dataset_uid}/${fn}/`,
      operationId: `${fn.replace("_", "-")}-dataset`,
      summary,
      description,
      tags,
      access: signedIn,
      params: datasetUidParamsSchema,
      responses: { 200: { description: "Queued", schema: actionDoneSchema }, ...errorResponses },
      handler: async ({ principal, params }) => {
        await startPublishAction(principal, params.dataset_uid, fn);
        return ok;
      },
    }),
  ),
  defineEndpoint({
    method: "POST",
    path: "/datasets/{dataset_uid}/abort/",
    operationId: "abort-dataset",
    summary: "Abort dataset processing",
    description: "A queued action is cancelled; a running publish stops and its partial records are discarded: the previously published records stay served.",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    responses: { 200: { description: "Aborted or abort requested", schema: actionDoneSchema }, ...errorResponses },
    handler: async ({ principal, params }) => {
      await abortPublishing(principal, params.dataset_uid);
      return ok;
    },
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/publish_jobs/",
    operationId: "list-publish-jobs",
    summary: "List publish jobs",
    description: "Extension: the dataset's recent actions, newest first, with live progress for the running one.",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    query: publishJobListQuerySchema,
    responses: { 200: { description: "OK", schema: z.object({ results: z.array(publishJobSchema) }) }, ...errorResponses },
    handler: async ({ principal, params, query }) => ({ status: 200, body: { results: await listPublishJobs(principal, params.dataset_uid, query.limit) } }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/publish_jobs/",
    operationId: "list-started-publish-jobs",
    summary: "List your publish jobs",
    description: "Extension: the jobs you started, on any dataset, newest first (what the Management API v2's GET /jobs shows).",
    tags,
    access: signedIn,
    query: publishJobListQuerySchema,
    responses: { 200: { description: "OK", schema: z.object({ results: z.array(publishJobSchema) }) }, ...errorResponses },
    handler: async ({ principal, query }) => ({ status: 200, body: { results: await listStartedJobs(principal, query.limit) } }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/publish_jobs/{job_id}/",
    operationId: "retrieve-started-publish-job",
    summary: "Retrieve one of your publish jobs",
    description: "Extension: by its `job_id`; another user's job is not found.",
    tags,
    access: signedIn,
    params: z.object({ job_id: z.string().min(1).max(100) }),
    responses: { 200: { description: "OK", schema: publishJobSchema }, ...errorResponses },
    handler: async ({ principal, params }) => ({ status: 200, body: await getStartedJob(principal, params.job_id) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/datasets/{dataset_uid}/status/live/",
    operationId: "get-dataset-live-status",
    summary: "Live dataset status",
    description:
      "Extension: the status and the latest publish job. With `Accept: text/event-stream`, a server-sent event stream (`event: status`) sent within a second of each change; otherwise one JSON snapshot (the polling fallback).",
    tags,
    access: signedIn,
    params: datasetUidParamsSchema,
    responses: {
      200: { description: "Snapshot (or an event stream)", schema: z.object({ status: datasetStatusSchema, job: publishJobSchema.nullable() }) },
      ...errorResponses,
    },
    handler: async ({ principal, params, request }) => {
      if ((request.headers.get("accept") ?? "").includes("text/event-stream")) return statusEventStream(principal, params.dataset_uid, request.signal);
      return { status: 200, body: await liveStatusSnapshot(principal, params.dataset_uid) };
    },
  }),
];
