import "server-only";
// udata's visibility on our publishing: a public dataset is published and not restricted, a private one restricted
// and unpublished. A public dataset without resources cannot be published yet (a publish needs data): it is
// published as soon as it has one, and every later udata write publishes it again, so that Explore shows what
// udata clients wrote (udata shows a change at once). A write while a publish is queued leaves that job to pick
// the change up (it reads the dataset when it starts); one while a job runs is published once that job ends.
import type { Principal } from "@/lib/auth/principal";
import { getDataset, getDatasetStatus, requireDatasetRight } from "@/lib/datasets/service";
import { isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log/logger";
import { startPublishAction } from "@/lib/publishing/service";
import { isSettled, pickUpStatus } from "@/lib/publishing/status-machine";
import { listResources } from "@/lib/resources/service";

const FOLLOW_UP_EVERY_MS = 1_000;
const FOLLOW_UP_FOR_MS = 15 * 60_000;

// Datasets waiting for their running job to end before their latest udata write is published (one watch each).
const globalForFollowUps = globalThis as unknown as { __dpcUdataFollowUps?: Set<string> };
const followUps = (): Set<string> => (globalForFollowUps.__dpcUdataFollowUps ??= new Set());

/** Refuses before any write when the caller could not publish or unpublish what it writes (403). */
export async function requirePublicationRight(principal: Principal, dataset_uid: string): Promise<void> {
  await requireDatasetRight(principal, dataset_uid, "publish");
}

export async function followVisibility(principal: Principal, dataset_uid: string): Promise<void> {
  const dataset = await getDataset(principal, dataset_uid);
  let fn: "publish" | "unpublish" | null = null;
  if (dataset.is_restricted) fn = dataset.is_published ? "unpublish" : null;
  else if ((await listResources(principal, dataset_uid, { limit: 1, offset: 0 })).total_count > 0) fn = "publish";
  else fn = dataset.is_published ? "unpublish" : null;
  if (!fn) return;
  // A queued job of the same kind reads the dataset as it is when it starts: nothing to add.
  if (dataset.status === "queued" && (await getDatasetStatus(principal, dataset_uid)).next === pickUpStatus(fn)) return;
  try {
    await startPublishAction(principal, dataset_uid, fn);
  } catch (error) {
    // The write itself succeeded: a busy dataset, or metadata a custom template still requires, only delays this.
    if (!isAppError(error) || (error.code !== "invalid_dataset_status" && error.code !== "validation_error")) throw error;
    log.info("udata write: visibility not applied yet", { dataset: dataset_uid, function: fn, reason: error.message });
    if (error.code === "invalid_dataset_status") followUpWhenSettled(principal, dataset_uid);
  }
}

/** Applies the visibility again once the running job ends (best effort: a restart forgets it, the next write redoes it). */
function followUpWhenSettled(principal: Principal, dataset_uid: string): void {
  const waiting = followUps();
  if (waiting.has(dataset_uid)) return;
  waiting.add(dataset_uid);
  const deadline = Date.now() + FOLLOW_UP_FOR_MS;
  const check = async () => {
    try {
      const { status } = await getDatasetStatus(principal, dataset_uid);
      if (!isSettled(status) && Date.now() < deadline) return void setTimeout(check, FOLLOW_UP_EVERY_MS).unref();
      waiting.delete(dataset_uid);
      if (isSettled(status)) await followVisibility(principal, dataset_uid);
    } catch (error) {
      waiting.delete(dataset_uid);
      log.warn("udata write: visibility follow-up failed", { dataset: dataset_uid, error });
    }
  };
  setTimeout(check, FOLLOW_UP_EVERY_MS).unref();
}
