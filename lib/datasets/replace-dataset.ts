import "server-only";
// Replacing a dataset and its resources in one go (the data.world surface's PUT): metadata and restriction, then
// the resource list swapped for a new one — all of it, or nothing. Every check runs before the first write: the
// rights and the metadata (datasetUpdateFor), then each new resource's parameters, which may read its source over
// the network and so cannot run inside a database transaction. The writes then go in one store transaction
// (Store.transaction): a refusal there (the dataset changed meanwhile, a database error) rolls them all back.
// Stored bytes of the files the old resources release are removed only once the transaction is committed.
import type { Principal } from "@/lib/auth/principal";
import { datasetScope } from "@/lib/datasets/access";
import type { Dataset, DatasetWrite } from "@/lib/datasets/schema";
import { datasetUpdateFor } from "@/lib/datasets/service";
import { AppError, msg, notFound } from "@/lib/errors/app-error";
import { removeStoredFiles } from "@/lib/files/storage";
import type { ResourceWrite } from "@/lib/resources/schema";
import { resourceInputFor } from "@/lib/resources/service";
import { cleanRemoteCache } from "@/lib/resources/source";
import { store } from "@/lib/store/store";
import type { ResourceInput, ResourceStore, StoredFile, StoredResource } from "@/lib/store/types";

// Sources read at once while preparing the resources: a bound on the connections one request opens.
const SOURCE_READS_AT_ONCE = 4;
const PAGE = 1000;

async function inBatches<T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(each))));
  return out;
}

async function allResources(resources: ResourceStore, dataset_uid: string): Promise<StoredResource[]> {
  const out: StoredResource[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await resources.list(dataset_uid, { limit: PAGE, offset });
    out.push(...page.results);
    if (page.results.length < PAGE) return out;
  }
}

export async function replaceDatasetAndResources(principal: Principal, uid: string, input: { dataset: DatasetWrite; resources: ResourceWrite[] }): Promise<Dataset> {
  // The upstream's API has no transaction spanning several calls: a replace there could stop halfway.
  if (principal.upstream) throw new AppError("bad_request", msg("proxy.missing_extension", { upstream: principal.upstream.client.origin }));
  const { current, changes } = await datasetUpdateFor(principal, uid, input.dataset);
  const resources: ResourceInput[] = await inBatches(input.resources, SOURCE_READS_AT_ONCE, (r) => resourceInputFor(uid, r));

  const { updated, previous, released } = await store().transaction(async (tx) => {
    const updated = await tx.datasets.update(uid, changes, { scope: datasetScope(principal, "edit"), expected_updated_at: current.updated_at });
    if (!updated) throw notFound();
    const previous = await allResources(tx.resources, uid);
    const released: StoredFile[] = [];
    for (const resource of previous) {
      const deleted = await tx.resources.delete(uid, resource.uid);
      if (deleted?.released_file) released.push(deleted.released_file);
    }
    for (const resource of resources) await tx.resources.create(uid, resource);
    return { updated, previous, released };
  });
  await removeStoredFiles(released.map((f) => f.storage_name));
  await Promise.all(previous.map((r) => cleanRemoteCache(r.datasource)));
  return updated;
}
