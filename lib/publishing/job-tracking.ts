import "server-only";
// Publish jobs followed by their identifier, as the Management API v2 does (API-CONTRACT.md §4.1, §4.2): every
// action answers the job it queued (or, for an abort, the job it stops), and a caller lists and reads the jobs
// they started. The same PublishJob rows and the same actions as the Automation API's (service.ts); only the
// realtime recovery actions are new, and they have nothing to do here (status-machine.ts, RECOVERY_FUNCTIONS).
import type { Principal } from "@/lib/auth/principal";
import { requireDatasetRight } from "@/lib/datasets/service";
import { AppError, msg, notFound, renderText } from "@/lib/errors/app-error";
import { JOB_ID_PATTERN } from "@/lib/publishing/job-id";
import type { PublishJob } from "@/lib/publishing/schema";
import { abortPublishing, presentJob, startPublishAction } from "@/lib/publishing/service";
import { SETTLED_STATUSES, isSettled, type PublishFunction, type RecoveryFunction } from "@/lib/publishing/status-machine";
import { store } from "@/lib/store/store";

/** Proxy mode: the job of an action comes from the upstream's job history, which only an upstream of ours has. */
async function requireUpstreamJobs(principal: Principal): Promise<void> {
  if (principal.upstream && !(await principal.upstream.publishing.hasJobs())) {
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

/** recover_realtime_records / scratch_recovery_data: a job finished at once, there being no recovery data. */
export async function recordRecoveryAction(principal: Principal, dataset_uid: string, fn: RecoveryFunction): Promise<PublishJob> {
  if (principal.upstream) throw new AppError("not_implemented", msg("publishing.recovery_proxy_mode"));
  await requireDatasetRight(principal, dataset_uid, "publish");
  const job = await store().publishJobs.recordRecovery(dataset_uid, fn, principal.user_id, renderText(msg("publishing.recovery_nothing_to_do")));
  if (!job) throw notFound();
  return presentJob(job);
}

/** The jobs the caller started, newest first. */
export async function listStartedJobs(principal: Principal, limit: number): Promise<PublishJob[]> {
  if (principal.upstream) throw new AppError("not_implemented", msg("publishing.jobs_proxy_mode"));
  return (await store().publishJobs.startedBy(principal.user_id, limit)).map((job) => presentJob(job));
}

/** One job the caller started; anyone else's is "not found", like an unknown one. */
export async function getStartedJob(principal: Principal, job_id: string): Promise<PublishJob> {
  if (principal.upstream) throw new AppError("not_implemented", msg("publishing.jobs_proxy_mode"));
  if (!JOB_ID_PATTERN.test(job_id)) throw notFound();
  const job = await store().publishJobs.byJobId(job_id, principal.user_id);
  if (!job) throw notFound();
  return presentJob(job);
}

/**
 * save_version (§3.5 event 4): the status machine's guard as for any action, then a refusal: dataset versions
 * do not exist yet, and a job claiming a saved version would be a lie.
 */
export async function saveVersion(principal: Principal, dataset_uid: string): Promise<never> {
  const dataset = await requireDatasetRight(principal, dataset_uid, "publish");
  if (!isSettled(dataset.status)) {
    throw new AppError("invalid_dataset_status", msg("publishing.invalid_status", { current: dataset.status, allowed: SETTLED_STATUSES.join("', '") }));
  }
  throw new AppError("not_implemented", msg("publishing.save_version_unavailable"));
}
