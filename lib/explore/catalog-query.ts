import "server-only";
// The dataset catalog of Explore: published datasets the caller may see, filtered and sorted in memory with the
// same ODSQL as records (a domain has thousands of datasets at most, not millions of records).
import type { Principal } from "@/lib/auth/principal";
import { catalogRow, presentDataset, visibleDatasets } from "@/lib/explore/catalog";
import { compareByOrder, evaluateWhere, parseOrderBy, parseWhere } from "@/lib/explore/odsql";
import { odsql, pageOf } from "@/lib/explore/records";
import type { ExploreDataset, ExploreQuery } from "@/lib/explore/schema";

export async function queryCatalog(principal: Principal | null, query: ExploreQuery): Promise<{ total_count: number; results: ExploreDataset[] }> {
  const page = pageOf({ ...query, group_by: undefined });
  const datasets = (await visibleDatasets(principal)).map(presentDataset);
  return odsql(async () => {
    const conditions = query.where.map((w) => parseWhere(w));
    let rows = datasets.map((dataset) => ({ dataset, row: catalogRow(dataset) }));
    rows = rows.filter(({ row }) => conditions.every((c) => evaluateWhere(c, row)));
    if (query.order_by) {
      const compare = compareByOrder(parseOrderBy(query.order_by));
      rows.sort((a, b) => compare(a.row, b.row));
    }
    return { total_count: rows.length, results: rows.slice(page.offset, page.offset + page.limit).map((r) => r.dataset) };
  });
}
