// Management API v2 — the caller's jobs (API-CONTRACT.md §4.1, §4.2).
import { z } from "zod";
import { defineEndpoint, type AnyEndpoint } from "@/lib/http/endpoint";
import { getStartedJob, listStartedJobs } from "@/lib/publishing/job-tracking";
import { toV2Job } from "@/lib/management-v2/job";
import { jobIdParamsSchema, jobListQuerySchema, v2JobSchema } from "@/lib/management-v2/schema";
import { v2Errors, v2NotImplemented } from "./responses";

const tags = ["Jobs"];

export const jobEndpoints: AnyEndpoint[] = [
  defineEndpoint({
    method: "GET",
    path: "/jobs/",
    operationId: "list-jobs",
    summary: "List your jobs",
    description: "The jobs you started, newest first.",
    tags,
    access: { kind: "principal" },
    query: jobListQuerySchema,
    responses: { 200: { description: "OK", schema: z.array(v2JobSchema) }, ...v2Errors, 501: v2NotImplemented },
    handler: async ({ principal, query }) => ({ status: 200, body: (await listStartedJobs(principal, query.limit)).map(toV2Job) }),
  }),
  defineEndpoint({
    method: "GET",
    path: "/jobs/{job_id}/",
    operationId: "retrieve-job",
    summary: "Retrieve a job",
    description: "One job you started; anyone else's answers 404, like an unknown one.",
    tags,
    access: { kind: "principal" },
    params: jobIdParamsSchema,
    responses: { 200: { description: "OK", schema: v2JobSchema }, ...v2Errors, 501: v2NotImplemented },
    handler: async ({ principal, params }) => ({ status: 200, body: toV2Job(await getStartedJob(principal, params.job_id)) }),
  }),
];
