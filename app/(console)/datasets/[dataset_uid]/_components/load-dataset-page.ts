import type { Principal } from "@/lib/auth/principal";
import { datasetRights } from "@/lib/datasets/access";
import type { Translate } from "@/lib/i18n/translator";
import type { Crumb } from "../../_components/breadcrumb";
import { datasetTitle, loadDataset } from "../../_components/load-dataset";

/** A dataset page's data once the page has its principal: the dataset (or the 404 page), the user's rights, its title. */
export async function loadDatasetPage(principal: Principal, dataset_uid: string) {
  const dataset = await loadDataset(principal, dataset_uid);
  return { dataset, rights: datasetRights(principal, dataset), title: datasetTitle(dataset) };
}

/** The breadcrumb after "Datasets" on a dataset's inner pages: the dataset, then (resource pages) its resources. */
export function datasetTrail(t: Translate, dataset_uid: string, title: string, { resources = false } = {}): Crumb[] {
  const trail = [{ href: `/datasets/${dataset_uid}`, label: title }];
  if (resources) trail.push({ href: `/datasets/${dataset_uid}/resources`, label: t("resource_pages.list.title") });
  return trail;
}
