import "server-only";
// What anyone may read without an API key on the udata surface: published datasets that are not restricted and
// not in the trash — the datasets Explore shows everybody — and their resources.
import type { Dataset, DatasetListQuery } from "@/lib/datasets/schema";
import { notFound } from "@/lib/errors/app-error";
import { toResource } from "@/lib/resources/present";
import type { ResourceRecord } from "@/lib/resources/schema";
import { store } from "@/lib/store/store";
import type { Page } from "@/lib/store/types";

const PUBLIC = { is_published: true, is_restricted: false } as const;

export async function listPublicDatasets(query: DatasetListQuery): Promise<Page<Dataset>> {
  return store().datasets.list(query, { kind: "all" }, PUBLIC);
}

export async function getPublicDataset(uid: string): Promise<Dataset> {
  const dataset = await store().datasets.get(uid, { kind: "all" });
  if (!dataset || !dataset.is_published || dataset.is_restricted) throw notFound();
  return dataset;
}

export async function listPublicResources(dataset_uid: string, page: { limit: number; offset: number }): Promise<Page<ResourceRecord>> {
  await getPublicDataset(dataset_uid);
  const resources = await store().resources.list(dataset_uid, page);
  return { total_count: resources.total_count, results: resources.results.map(toResource) };
}

/**
 * The uid of a dataset named by uid or by dataset_id (udata accepts an id or a slug), in the trash or not; the
 * name itself when nothing matches, so that the access check that follows answers 404 as for any unknown uid.
 */
export async function datasetUidFor(id_or_slug: string): Promise<string> {
  if (/^da_[a-z0-9]+$/.test(id_or_slug)) return id_or_slug;
  const { results } = await store().datasets.list(
    { limit: 1, offset: 0, dataset_id: id_or_slug, sort: "-updated_at" },
    { kind: "all" },
    { trash: "include" },
  );
  return results[0]?.uid ?? id_or_slug;
}
