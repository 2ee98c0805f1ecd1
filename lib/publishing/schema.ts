// Publishing: the action answer of the Automation API and the publish job (our extension: progress and history).
import { z } from "zod";
import { JOB_FUNCTIONS } from "@/lib/publishing/status-machine";

export const actionDoneSchema = z.object({ detail: z.string() }).meta({ id: "ActionDone", example: { detail: "ok" } });

export const publishJobSchema = z
  .object({
    uid: z.string(),
    job_id: z.string().meta({ description: "The same job's identifier in the Management API v2 (40 hex characters)." }),
    dataset_uid: z.string(),
    /** who started it (user_id); null once that user is deleted */
    created_by_id: z.string().nullable(),
    function: z.enum(JOB_FUNCTIONS),
    state: z.enum(["queued", "running", "succeeded", "failed", "aborted", "limit_reached"]),
    records_done: z.number().int(),
    records_skipped: z.number().int(),
    errors_count: z.number().int(),
    bytes_done: z.number(),
    bytes_total: z.number(),
    message: z.string().nullable(),
    abort_requested: z.boolean(),
    created_at: z.string().meta({ format: "date-time" }),
    started_at: z.string().nullable().meta({ format: "date-time" }),
    finished_at: z.string().nullable().meta({ format: "date-time" }),
    /** records per second over the run so far (or the whole run once finished) */
    records_per_second: z.number().nullable(),
  })
  .meta({ id: "PublishJob", description: "Extension: one publish, publish_metadata or unpublish action (or a realtime recovery action of the Management API v2), with its progress." });
export type PublishJob = z.infer<typeof publishJobSchema>;

export const publishJobListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });
