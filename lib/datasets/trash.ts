import "server-only";
// The trash: a dataset deleted this way (udata's DELETE /datasets/{id}/, and the console's trash to come) is
// hidden from every list, the Automation API and Explore, but kept whole — resources, files, published records —
// until it is restored, exactly as it was (published or not), or purged TRASH_RETENTION_DAYS later by the same
// delete the Automation API does. In proxy mode the upstream has no trash: every operation here says so.
import type { Principal } from "@/lib/auth/principal";
import { datasetScope, type DatasetRight } from "@/lib/datasets/access";
import type { Dataset, DatasetListQuery } from "@/lib/datasets/schema";
import { destroyDataset } from "@/lib/datasets/service";
import { config } from "@/lib/env/config";
import { AppError, forbidden, msg, notFound } from "@/lib/errors/app-error";
import { log } from "@/lib/log/logger";
import { toResource } from "@/lib/resources/present";
import type { ResourceRecord } from "@/lib/resources/schema";
import { store } from "@/lib/store/store";
import type { Page } from "@/lib/store/types";

const DAY_MS = 86_400_000;
const PURGE_INTERVAL_MS = 3_600_000;
const PURGE_BATCH = 100;
const MAX_RESOURCES_SHOWN = 1000;

export const datasetGone = () => new AppError("gone", msg("trash.gone"));

/** 501 in proxy mode, where the upstream keeps no trash. */
export function refuseInProxyMode(principal: Principal): void {
  if (principal.upstream) throw new AppError("not_implemented", msg("trash.proxy_unavailable", { upstream: new URL(config().upstream!.url).host }));
}

/** The dataset, in the trash or not, when the principal has `right` on it: 404 out of view, 403 without the right. */
export async function datasetInOrOutOfTrash(principal: Principal, uid: string, right: DatasetRight): Promise<Dataset> {
  refuseInProxyMode(principal);
  const dataset = await store().datasets.get(uid, datasetScope(principal, right), { trash: "include" });
  if (dataset) return dataset;
  if (await store().datasets.get(uid, datasetScope(principal, "view"), { trash: "include" })) throw forbidden();
  throw notFound();
}

/**
 * Whether a dataset is in the trash and was public (published, not restricted) when it went there: whoever could
 * read it then learns that it is gone (udata's 410) rather than that it never existed.
 */
export async function wasPublicBeforeTrash(uid: string): Promise<boolean> {
  if (config().upstream) return false;
  const dataset = await store().datasets.get(uid, { kind: "all" }, { trash: "only" });
  return !!dataset && dataset.is_published && !dataset.is_restricted;
}

/** Puts the dataset in the trash (deleting it needs `manage`, as a permanent delete does); 410 if it already is. */
export async function trashDataset(principal: Principal, uid: string, now = new Date()): Promise<Dataset> {
  const dataset = await datasetInOrOutOfTrash(principal, uid, "manage");
  if (dataset.deleted_at) throw datasetGone();
  const trashed = await store().datasets.setTrashed(uid, { at: now, by_id: principal.user_id });
  if (!trashed) throw notFound();
  return trashed;
}

/** Takes the dataset out of the trash as it was; once purged it is simply not found. */
export async function restoreDataset(principal: Principal, uid: string): Promise<Dataset> {
  const dataset = await datasetInOrOutOfTrash(principal, uid, "manage");
  if (!dataset.deleted_at) throw new AppError("bad_request", msg("trash.not_in_trash"));
  const restored = await store().datasets.setTrashed(uid, null);
  if (!restored) throw notFound();
  return restored;
}

/** The datasets in the trash that the principal could restore. */
export async function listTrash(principal: Principal, query: DatasetListQuery): Promise<Page<Dataset>> {
  refuseInProxyMode(principal);
  return store().datasets.list(query, datasetScope(principal, "manage"), { trash: "only" });
}

/** Deletes for good what has been in the trash longer than the retention: rows, files and records tables. */
export async function purgeTrash(now = new Date(), retentionDays = config().trashRetentionDays): Promise<string[]> {
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  const purged: string[] = [];
  for (;;) {
    const due = await store().datasets.trashedBefore(before, PURGE_BATCH);
    for (const uid of due) if (await destroyDataset(uid, { kind: "all" })) purged.push(uid);
    if (due.length < PURGE_BATCH) return purged;
  }
}

/** Runs the purge at start and then every hour, beside the file sweep. */
export function scheduleTrashPurge(): void {
  const run = () =>
    purgeTrash().then(
      (purged) => {
        if (purged.length) log.info("purged datasets from the trash", { count: purged.length, datasets: purged });
      },
      (error: unknown) => log.error("trash purge failed", { error }),
    );
  void run();
  setInterval(run, PURGE_INTERVAL_MS).unref();
}

/** The resources of a dataset in the trash or not (its owner still sees a deleted dataset whole). */
export async function resourcesInOrOutOfTrash(principal: Principal, uid: string): Promise<ResourceRecord[]> {
  await datasetInOrOutOfTrash(principal, uid, "view");
  return (await store().resources.list(uid, { limit: MAX_RESOURCES_SHOWN, offset: 0 })).results.map(toResource);
}
