import "server-only";
// Publish jobs followed by their identifier, as the Management API v2 does (API-CONTRACT.md §4.1, §4.2): every
// action answers the job it queued (or, for an abort, the job it stops), and a caller lists and reads the jobs
// they started. The same PublishJob rows and the same actions as the Automation API's (service.ts); only the
// actions this console can answer only at once are new (status-machine.ts, IMMEDIATE_FUNCTIONS).
import type { Principal } from "@/lib/auth/principal";
import { requireDatasetRight } from "@/lib/datasets/service";
import { AppError, msg, notFound, renderText, type Msg } from "@/lib/errors/app-error";
import { JOB_ID_PATTERN } from "@/lib/publishing/job-id";
import type { PublishJob } from "@/lib/publishing/schema";
import { abortPublishing, presentJob, startPublishAction } from "@/lib/publishing/service";
import type { ImmediateFunction, PublishFunction } from "@/lib/publishing/status-machine";
import { store } from "@/lib/store/store";

/** Proxy mode: the job of an action comes from the upstream's job history, which only an upstream of ours has. */
async function requireUpstreamJobs(principal: Principal): Promise<void> {
  if (principal.upstream && !(await principal.upstream.publishing.has("publishJobs"))) {
    throw new AppError("not_implemented", msg("publishing.jobs_need_console_upstream"));
  }
}

/** The dataset's latest job (the one an action just queued or stopped). */
async function latestJob(principal: Principal, dataset_uid: string): Promise<PublishJob> {
  const [job] = principal.upstream
    ? await principal.upstream.publishing.history(dataset_uid, 1)
    : (await store().publishJobs.history(dataset_uid, 1)).map((j) => presentJob(j));
  if (!job) throw notFound();
  return job;
}

/** publish, publish_metadata or unpublish, answering the queued job. */
export async function startTrackedAction(principal: Principal, dataset_uid: string, fn: PublishFunction): Promise<PublishJob> {
  await requireUpstreamJobs(principal);
  const job = await startPublishAction(principal, dataset_uid, fn);
  return job ?? latestJob(principal, dataset_uid);
}

/** abort, answering the job it cancelled or asked to stop (its state says when it has). */
export async function abortTracked(principal: Principal, dataset_uid: string): Promise<PublishJob> {
  await requireUpstreamJobs(principal);
  await abortPublishing(principal, dataset_uid);
  return latestJob(principal, dataset_uid);
}

const IMMEDIATE_ANSWERS: Record<ImmediateFunction, { outcome: "succeeded" | "failed"; message: Msg }> = {
  save_version: { outcome: "failed", message: msg("publishing.save_version_unavailable") },
  recover_realtime_records: { outcome: "succeeded", message: msg("publishing.recovery_nothing_to_do") },
  scratch_recovery_data: { outcome: "succeeded", message: msg("publishing.recovery_nothing_to_do") },
};

/**
 * save_version, recover_realtime_records, scratch_recovery_data: where the status machine allows the action, a
 * job recorded finished at once — failed for save_version (dataset versions do not exist yet: a job claiming a
 * saved version would be a lie), done for the recovery ones (no realtime dataset, so no recovery data).
 */
export async function recordImmediateAction(principal: Principal, dataset_uid: string, fn: ImmediateFunction): Promise<PublishJob> {
  if (principal.upstream) throw new AppError("not_implemented", msg("publishing.immediate_proxy_mode", { action: fn }));
  await requireDatasetRight(principal, dataset_uid, "publish");
  const { outcome, message } = IMMEDIATE_ANSWERS[fn];
  const job = await store().publishJobs.recordImmediate(dataset_uid, fn, principal.user_id, outcome, renderText(message));
  if (!job) throw notFound();
  return presentJob(job);
}

/** The jobs the caller started, newest first. */
export async function listStartedJobs(principal: Principal, limit: number): Promise<PublishJob[]> {
  if (principal.upstream) {
    if (!(await principal.upstream.publishing.has("startedJobs"))) throw new AppError("not_implemented", msg("publishing.jobs_proxy_mode"));
    return principal.upstream.publishing.startedJobs(limit);
  }
  return (await store().publishJobs.startedBy(principal.user_id, limit)).map((job) => presentJob(job));
}

/** One job the caller started; anyone else's is "not found", like an unknown one. */
export async function getStartedJob(principal: Principal, job_id: string): Promise<PublishJob> {
  if (!JOB_ID_PATTERN.test(job_id)) throw notFound();
  if (principal.upstream) {
    if (!(await principal.upstream.publishing.has("startedJobs"))) throw new AppError("not_implemented", msg("publishing.jobs_proxy_mode"));
    return principal.upstream.publishing.startedJob(job_id);
  }
  const job = await store().publishJobs.byJobId(job_id, principal.user_id);
  if (!job) throw notFound();
  return presentJob(job);
}

