import "server-only";
// The published dataset an Explore call names, kept in memory between calls. Each call still reads the row's
// uid and updated_at (one indexed read), and loads the dataset again when either moved, so a change to its
// restriction, default security or published data applies on the next call, on every instance. Loading and
// parsing it on every call was the largest cost of a records page (~0.9 ms of Prisma, measured).
import type { PublishedDataset } from "@/lib/store/publishing-types";
import { store } from "@/lib/store/store";

const MAX_ENTRIES = 500;
/**
 * updated_at has millisecond precision: two writes in the same millisecond would share a stamp, so a dataset is
 * kept only once its last write is older than this.
 */
const SETTLED_MS = 1_000;

type Entry = { uid: string; updated_ms: number; dataset: PublishedDataset };
const globalForCache = globalThis as unknown as { __dpcPublishedDatasets?: Map<string, Entry> };
const entries = (): Map<string, Entry> => (globalForCache.__dpcPublishedDatasets ??= new Map());

/** The published dataset with this dataset_id, or null. Shared between calls: never mutate it. */
export async function publishedDataset(dataset_id: string): Promise<PublishedDataset | null> {
  const cache = entries();
  const stamp = await store().publishJobs.publishedStamp(dataset_id);
  if (!stamp) {
    cache.delete(dataset_id);
    return null;
  }
  const updated_ms = stamp.updated_at.getTime();
  const hit = cache.get(dataset_id);
  if (hit && hit.uid === stamp.uid && hit.updated_ms === updated_ms) {
    cache.delete(dataset_id);
    cache.set(dataset_id, hit);
    return hit.dataset;
  }
  const [dataset] = await store().publishJobs.listPublished(dataset_id);
  cache.delete(dataset_id);
  if (!dataset) return null;
  // Loaded after the stamp was read: if a write came in between, the next call sees a newer stamp and reloads.
  if (dataset.uid === stamp.uid && Date.now() - updated_ms > SETTLED_MS) {
    cache.set(dataset_id, { uid: stamp.uid, updated_ms, dataset });
    for (const key of cache.keys()) {
      if (cache.size <= MAX_ENTRIES) break;
      cache.delete(key);
    }
  }
  return dataset;
}
