// A publish job as the Management API v2's job object (API-CONTRACT.md §4.2). The states map as the contract
// proposes: queued → waiting, running → started until the first progress then running, failed → error, and
// every other end (succeeded, aborted, limit_reached) → done, with the status the dataset settled in as result.
import type { PublishJob } from "@/lib/publishing/schema";
import { settleStatus } from "@/lib/publishing/status-machine";
import type { V2Job } from "@/lib/management-v2/schema";

function v2State(job: PublishJob): V2Job["state"] {
  switch (job.state) {
    case "queued":
      return "waiting";
    case "running":
      return job.records_done === 0 && job.bytes_done === 0 ? "started" : "running";
    case "failed":
      return "error";
    default:
      return "done";
  }
}

function progresses(job: PublishJob): V2Job["progresses"] {
  if (!job.started_at) return [];
  const at = job.finished_at ?? job.started_at;
  const out: V2Job["progresses"] = [{ at, step: "records", processed: job.records_done, total: null }];
  if (job.bytes_total > 0) out.push({ at, step: "bytes", processed: job.bytes_done, total: job.bytes_total });
  return out;
}

export function toV2Job(job: PublishJob): V2Job {
  const state = v2State(job);
  const outcome = job.state === "succeeded" || job.state === "aborted" || job.state === "limit_reached" ? job.state : null;
  return {
    job_id: job.job_id,
    job_uid: job.job_id,
    dataset_uid: job.dataset_uid,
    user_id: job.created_by_id,
    function: job.function,
    params: {},
    state,
    progresses: progresses(job),
    ...(outcome
      ? {
          result: {
            name: settleStatus(outcome),
            outcome,
            records_processed: job.records_done,
            records_skipped: job.records_skipped,
            records_errors: job.errors_count,
          },
        }
      : {}),
    message: job.message,
    created_at: job.created_at,
    started_at: job.started_at,
    finished_at: job.finished_at,
  };
}
