// Management API v2 — the asynchronous dataset actions (API-CONTRACT.md §4.1): each answers the job object.
import { defineEndpoint, type AnyEndpoint } from "@/lib/http/endpoint";
import { abortTracked, recordImmediateAction, startTrackedAction } from "@/lib/publishing/job-tracking";
import type { PublishJob } from "@/lib/publishing/schema";
import type { Principal } from "@/lib/auth/principal";
import { toV2Job } from "@/lib/management-v2/job";
import { datasetParamsSchema, v2JobSchema } from "@/lib/management-v2/schema";
import { v2BadRequest, v2Errors, v2NotImplemented } from "./responses";

const tags = ["Dataset actions"];

const ACTIONS: { name: string; summary: string; description: string; run: (principal: Principal, uid: string) => Promise<PublishJob> }[] = [
  {
    name: "publish",
    summary: "Publish a dataset",
    description: "Queues a publish (the Automation API's publish). Refused while another action is queued or running (`invalid_dataset_status`).",
    run: (p, uid) => startTrackedAction(p, uid, "publish"),
  },
  {
    name: "unpublish",
    summary: "Unpublish a dataset",
    description: "Queues the removal of the dataset's records from Explore; the dataset stays. Refused when it is not published.",
    run: (p, uid) => startTrackedAction(p, uid, "unpublish"),
  },
  {
    name: "abort_processing",
    summary: "Abort a dataset processing",
    description:
      "Cancels the queued action, or asks the running publish to stop. Answers that job (not a new one): it ends `done` with `result.outcome` `aborted`; the previously published records stay served.",
    run: abortTracked,
  },
  {
    name: "save_version",
    summary: "Save a dataset version",
    description:
      "Dataset versions do not exist on this portal yet: on a settled dataset the job is recorded at once in state `error`, with a message saying so; nothing is saved.",
    run: (p, uid) => recordImmediateAction(p, uid, "save_version"),
  },
  {
    name: "recover_realtime_records",
    summary: "Recover records of a realtime dataset",
    description: "This portal has no realtime datasets, so there is nothing to recover: on a published, settled dataset the job is recorded `done` at once, with a message saying so.",
    run: (p, uid) => recordImmediateAction(p, uid, "recover_realtime_records"),
  },
  {
    name: "scratch_recovery_data",
    summary: "Scratch the recovery data of a realtime dataset",
    description: "This portal has no realtime datasets, so there is no recovery data: on a published, settled dataset the job is recorded `done` at once, with a message saying so.",
    run: (p, uid) => recordImmediateAction(p, uid, "scratch_recovery_data"),
  },
];

export const actionEndpoints: AnyEndpoint[] = ACTIONS.map(({ name, summary, description, run }) =>
  defineEndpoint({
    method: "PUT",
    path: `/datasets/{dataset_uid}/${name}/`,
    operationId: `${name.replaceAll("_", "-")}-dataset`,
    summary,
    description,
    tags,
    access: { kind: "principal" },
    params: datasetParamsSchema,
    responses: { 200: { description: "The job", schema: v2JobSchema }, 400: v2BadRequest, ...v2Errors, 501: v2NotImplemented },
    handler: async ({ principal, params }) => ({ status: 200, body: toV2Job(await run(principal, params.dataset_uid)) }),
  }),
);
