// The dataset status finite-state machine of API-CONTRACT.md §3.5, as pure functions: which action is allowed
// from which status, and the status each action and each job outcome leads to. The store applies these inside
// the transaction that also writes the job, so two concurrent requests can never both start a job.
import type { DatasetStatusName } from "@/lib/datasets/schema";

export const PUBLISH_FUNCTIONS = ["publish", "publish_metadata", "unpublish"] as const;
export type PublishFunction = (typeof PUBLISH_FUNCTIONS)[number];

/**
 * Actions of the Management API v2 that this console can answer only at once, with a job recorded finished when
 * the status machine allows the action: the realtime recovery ones (§3.5 event 5) have nothing to do, as this
 * console has no realtime datasets and so no recovery data; save_version (event 4) fails, as dataset versions do
 * not exist yet. The dataset's status does not move: nothing ran.
 */
export const IMMEDIATE_FUNCTIONS = ["save_version", "recover_realtime_records", "scratch_recovery_data"] as const;
export type ImmediateFunction = (typeof IMMEDIATE_FUNCTIONS)[number];

/** Every function a publish job can record. */
export const JOB_FUNCTIONS = [...PUBLISH_FUNCTIONS, ...IMMEDIATE_FUNCTIONS] as const;
export type JobFunction = (typeof JOB_FUNCTIONS)[number];

/** States where no job is queued or running: a new action may start. */
export const SETTLED_STATUSES = ["idle", "error", "limit_reached"] as const satisfies readonly DatasetStatusName[];
/** States an abort applies to. */
export const ABORTABLE_STATUSES = ["queued", "processing"] as const satisfies readonly DatasetStatusName[];

export type StatusTransition = { status: DatasetStatusName; next: DatasetStatusName | null };

export const isSettled = (status: DatasetStatusName) => (SETTLED_STATUSES as readonly string[]).includes(status);

/**
 * What an action does to a settled dataset, or why it cannot start: `reason` is "status" when the dataset is
 * busy and "not_published" for an unpublish of a dataset that is not published.
 */
export function startAction(
  fn: PublishFunction,
  current: { status: DatasetStatusName; is_published: boolean },
): { ok: true; transition: StatusTransition } | { ok: false; reason: "status" | "not_published"; allowed: readonly DatasetStatusName[] } {
  if (!isSettled(current.status)) return { ok: false, reason: "status", allowed: SETTLED_STATUSES };
  if (fn === "unpublish" && !current.is_published) return { ok: false, reason: "not_published", allowed: SETTLED_STATUSES };
  return { ok: true, transition: { status: "queued", next: fn === "unpublish" ? "deleting" : "processing" } };
}

/** Whether an immediate action may be recorded: from a settled status, and on a published dataset for the recovery ones. */
export function immediateAllowed(
  fn: ImmediateFunction,
  current: { status: DatasetStatusName; is_published: boolean },
): { ok: true } | { ok: false; reason: "status" | "not_published"; allowed: readonly DatasetStatusName[] } {
  if (!isSettled(current.status)) return { ok: false, reason: "status", allowed: SETTLED_STATUSES };
  if (fn !== "save_version" && !current.is_published) return { ok: false, reason: "not_published", allowed: SETTLED_STATUSES };
  return { ok: true };
}

/** The working state a worker enters when it picks the job up (`next` of the queued dataset). */
export function pickUpStatus(fn: PublishFunction): DatasetStatusName {
  return fn === "unpublish" ? "deleting" : "processing";
}

export type JobOutcome = "succeeded" | "failed" | "aborted" | "limit_reached";

/** The settled state a job's outcome leads to. An aborted publish keeps the previous records: it ends idle. */
export function settleStatus(outcome: JobOutcome): DatasetStatusName {
  switch (outcome) {
    case "succeeded":
    case "aborted":
      return "idle";
    case "failed":
      return "error";
    case "limit_reached":
      return "limit_reached";
  }
}
