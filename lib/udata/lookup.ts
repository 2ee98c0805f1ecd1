import "server-only";
// Which dataset a udata path names (its uid or its slug, the dataset_id) and what the caller may know of it.
// udata's rules: a deleted dataset stays visible, with `deleted` set, to whoever may edit it; anyone else who could
// read it learns it is gone (410 "Dataset has been deleted"); writes to it answer 410, except the restore.
import type { Principal } from "@/lib/auth/principal";
import { datasetUidFor, getPublicDataset } from "@/lib/datasets/public-datasets";
import type { Dataset } from "@/lib/datasets/schema";
import { getDataset, listDatasets, requireDatasetRight } from "@/lib/datasets/service";
import { datasetGone, datasetInOrOutOfTrash, wasPublicBeforeTrash } from "@/lib/datasets/trash";
import { isAppError } from "@/lib/errors/app-error";

const notSeen = (error: unknown) => isAppError(error) && (error.code === "not_found" || error.code === "forbidden");

export async function datasetUid(principal: Principal | null, id: string): Promise<string> {
  if (!principal?.upstream) return datasetUidFor(id);
  if (/^da_[a-z0-9]+$/.test(id)) return id;
  const { results } = await listDatasets(principal, { limit: 1, offset: 0, dataset_id: id, sort: "-updated_at" }, "view");
  return results[0]?.uid ?? id;
}

/** The dataset as a reader sees it (anonymous: the public ones). */
export async function datasetForRead(principal: Principal | null, id: string): Promise<Dataset> {
  const uid = await datasetUid(principal, id);
  if (principal?.upstream) return getDataset(principal, uid);
  if (principal) {
    try {
      return await datasetInOrOutOfTrash(principal, uid, "edit");
    } catch (error) {
      if (!notSeen(error)) throw error;
    }
  }
  if (await wasPublicBeforeTrash(uid)) throw datasetGone();
  if (principal) {
    try {
      return await getDataset(principal, uid);
    } catch (error) {
      if (!notSeen(error)) throw error;
    }
  }
  return getPublicDataset(uid);
}

/** The dataset a write names, not deleted (410), with `right` (404/403). `restore` lets a deleted one through. */
export async function datasetForWrite(principal: Principal, id: string, right: "edit" | "manage", options: { restore?: boolean } = {}): Promise<Dataset> {
  const uid = await datasetUid(principal, id);
  if (principal.upstream) return requireDatasetRight(principal, uid, right);
  let dataset: Dataset;
  try {
    dataset = await datasetInOrOutOfTrash(principal, uid, "view");
  } catch (error) {
    if (notSeen(error) && (await wasPublicBeforeTrash(uid))) throw datasetGone();
    throw error;
  }
  if (dataset.deleted_at) {
    // those who may not edit it learn only that it is gone, as when they read it
    try {
      await datasetInOrOutOfTrash(principal, uid, "edit");
    } catch (error) {
      if (isAppError(error) && error.code === "forbidden") throw datasetGone();
      throw error;
    }
    if (options.restore) return datasetInOrOutOfTrash(principal, uid, "manage");
    throw datasetGone();
  }
  return requireDatasetRight(principal, uid, right);
}
