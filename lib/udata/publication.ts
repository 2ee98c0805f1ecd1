import "server-only";
// udata's visibility on our publishing: a public dataset is published and not restricted, a private one restricted
// and unpublished. A public dataset without resources cannot be published yet (a publish needs data): it is
// published as soon as it has one, and every later udata write publishes it again, so that Explore shows what
// udata clients wrote (udata shows a change at once). A write while a publish is queued leaves that job to pick
// the change up; one while a job runs is published by the next write (or the console's Publish).
import type { Principal } from "@/lib/auth/principal";
import { getDataset, requireDatasetRight } from "@/lib/datasets/service";
import { isAppError } from "@/lib/errors/app-error";
import { log } from "@/lib/log/logger";
import { startPublishAction } from "@/lib/publishing/service";
import { listResources } from "@/lib/resources/service";

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
  try {
    await startPublishAction(principal, dataset_uid, fn);
  } catch (error) {
    // The write itself succeeded: a busy dataset, or metadata a custom template still requires, only delays this.
    if (!isAppError(error) || (error.code !== "invalid_dataset_status" && error.code !== "validation_error")) throw error;
    log.info("udata write: visibility not applied yet", { dataset: dataset_uid, function: fn, reason: error.message });
  }
}
