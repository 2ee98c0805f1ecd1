import "server-only";
// DCAT-AP export of what the caller may see: one dataset, or the catalog of every dataset in their view.
import type { Principal } from "@/lib/auth/principal";
import { datasetListQuerySchema } from "@/lib/datasets/schema";
import { getDataset, listDatasets } from "@/lib/datasets/service";
import { catalogGraph, datasetGraph, type DcatDataset, type Triple } from "@/lib/metadata/dcat";

/** Datasets in one catalog export at most (the export is built in memory). */
export const CATALOG_MAX_DATASETS = 10_000;
const PAGE = 1000;

export async function datasetDcat(principal: Principal, uid: string, apiBase: string): Promise<Triple[]> {
  return datasetGraph(await getDataset(principal, uid), apiBase);
}

export async function catalogDcat(principal: Principal, apiBase: string, origin: string): Promise<Triple[]> {
  const datasets: DcatDataset[] = [];
  for (let offset = 0; offset < CATALOG_MAX_DATASETS; offset += PAGE) {
    const page = await listDatasets(principal, datasetListQuerySchema.parse({ limit: PAGE, offset, sort: "title" }), "view");
    datasets.push(...page.results);
    if (offset + PAGE >= page.total_count) break;
  }
  const catalog = {
    iri: `${apiBase}/metadata/dcat/catalog/`,
    title: "Data Portal Console catalog",
    description: "Datasets described with the DCAT-AP vocabulary, from their metadata templates.",
    homepage: `${origin}/datasets`,
    language: "en",
  };
  return catalogGraph(catalog, datasets, apiBase);
}
