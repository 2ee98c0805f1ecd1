import "server-only";
// Publishing actions (API-CONTRACT.md §2.1, §3.5): they check the principal's right, queue a job through the
// FSM and wake a worker. The job itself is in publish-job.ts. In proxy mode the upstream queues and runs it.
import type { Principal } from "@/lib/auth/principal";
import { requireDatasetRight } from "@/lib/datasets/service";
import { AppError, msg, notFound } from "@/lib/errors/app-error";
import { missingMandatoryMetadata } from "@/lib/metadata/publish-check";
import { announceJob } from "@/lib/publishing/job-queue";
import type { PublishJob } from "@/lib/publishing/schema";
import type { PublishFunction } from "@/lib/publishing/status-machine";
import { store } from "@/lib/store/store";
import type { PublishJobRecord } from "@/lib/store/publishing-types";

export function presentJob(job: PublishJobRecord, now = Date.now()): PublishJob {
  const started = job.started_at ? Date.parse(job.started_at) : null;
  const ended = job.finished_at ? Date.parse(job.finished_at) : now;
  const seconds = started !== null ? (ended - started) / 1000 : 0;
  return {
    uid: job.uid,
    job_id: job.job_id,
    dataset_uid: job.dataset_uid,
    created_by_id: job.created_by_id,
    function: job.function,
    state: job.state,
    records_done: job.records_done,
    records_skipped: job.records_skipped,
    errors_count: job.errors_count,
    bytes_done: job.bytes_done,
    bytes_total: job.bytes_total,
    message: job.message,
    abort_requested: job.abort_requested,
    created_at: job.created_at,
    started_at: job.started_at,
    finished_at: job.finished_at,
    records_per_second: seconds > 0 && job.function === "publish" ? Math.round(job.records_done / seconds) : null,
  };
}

/** The queued job; null in proxy mode, where the official action answers only that it was queued. */
export async function startPublishAction(principal: Principal, dataset_uid: string, fn: PublishFunction): Promise<PublishJob | null> {
  if (principal.upstream) {
    await principal.upstream.publishing.start(dataset_uid, fn);
    return null;
  }
  const dataset = await requireDatasetRight(principal, dataset_uid, "publish");
  if (fn === "publish") {
    if (dataset.metadata.internal?.draft?.value === true) {
      throw new AppError("invalid_dataset_status", msg("publishing.draft"));
    }
    const missing = await missingMandatoryMetadata(dataset_uid);
    if (missing.length > 0) {
      const names = missing.map((m) => `${m.template}.${m.field} (${m.label})`).join(", ");
      throw new AppError("validation_error", msg("publishing.mandatory_missing", { fields: names }), {
        fieldErrors: Object.fromEntries(missing.map((m) => [`metadata.${m.template}.${m.field}`, [msg("publishing.mandatory_field", { label: m.label })]])),
      });
    }
  }
  if (fn === "publish" && (await store().resources.list(dataset_uid, { limit: 1, offset: 0 })).total_count === 0) {
    throw new AppError("validation_error", msg("publishing.no_resource"));
  }
  const job = await store().publishJobs.enqueue(dataset_uid, fn, principal.user_id);
  if (!job) throw notFound();
  await announceJob(job.uid);
  return presentJob(job);
}

export async function abortPublishing(principal: Principal, dataset_uid: string): Promise<"cancelled" | "requested"> {
  if (principal.upstream) {
    await principal.upstream.publishing.abort(dataset_uid);
    return "requested";
  }
  await requireDatasetRight(principal, dataset_uid, "publish");
  const result = await store().publishJobs.requestAbort(dataset_uid);
  if (!result) throw notFound();
  return result;
}

export async function listPublishJobs(principal: Principal, dataset_uid: string, limit: number): Promise<PublishJob[]> {
  if (principal.upstream) return principal.upstream.publishing.history(dataset_uid, limit);
  await requireDatasetRight(principal, dataset_uid, "view");
  return (await store().publishJobs.history(dataset_uid, limit)).map((job) => presentJob(job));
}
