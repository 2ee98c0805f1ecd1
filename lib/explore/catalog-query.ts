import "server-only";
// The dataset catalog of Explore: published datasets the caller may see, filtered and sorted in memory with the
// same ODSQL as records (a domain has thousands of datasets at most, not millions of records).
import type { Viewer } from "@/lib/explore/catalog";
import { catalogRow, presentDataset, visibleDatasets } from "@/lib/explore/catalog";
import { compareByOrder, evaluateWhere, parseOrderBy, parseWhere } from "@/lib/explore/odsql";
import { odsql, pageOf } from "@/lib/explore/records";
import type { ExploreDataset, ExploreQuery, FacetValue } from "@/lib/explore/schema";
import { AppError } from "@/lib/errors/app-error";

/** Catalog facets: dataset properties and `default` metas whose values people filter the catalog by. */
export const CATALOG_FACETS = ["features", "keyword", "theme", "publisher", "language", "license"] as const;

/** The datasets matching where/refine/exclude, sorted by order_by (refine/exclude name a catalog facet). */
async function matchingDatasets(viewer: Viewer, query: Pick<ExploreQuery, "where" | "order_by" | "refine" | "exclude">, skipRefinesOf?: string) {
  const datasets = (await visibleDatasets(viewer)).map(presentDataset);
  return odsql(async () => {
    const conditions = query.where.map((w) => parseWhere(w));
    const filters = (values: string[], clause: "refine" | "exclude") =>
      values.map((text) => {
        const at = text.indexOf(":");
        if (at <= 0) throw new AppError("InvalidRESTParameterError", `Invalid value for ${clause} API parameter: "${text}" (expected FACET:VALUE).`);
        return { field: text.slice(0, at), value: text.slice(at + 1) };
      });
    const has = (row: Record<string, unknown>, field: string, value: string) => {
      const v = row[field];
      return Array.isArray(v) ? v.map(String).includes(value) : v !== null && v !== undefined && String(v) === value;
    };
    const refines = filters(query.refine, "refine").filter((f) => f.field !== skipRefinesOf);
    const excludes = filters(query.exclude, "exclude");
    let rows = datasets.map((dataset) => ({ dataset, row: catalogRow(dataset) }));
    rows = rows.filter(
      ({ row }) => conditions.every((c) => evaluateWhere(c, row)) && refines.every((f) => has(row, f.field, f.value)) && !excludes.some((f) => has(row, f.field, f.value)),
    );
    if (query.order_by) {
      const compare = compareByOrder(parseOrderBy(query.order_by));
      rows.sort((a, b) => compare(a.row, b.row));
    }
    return rows;
  });
}

/** `select` on the catalog picks dataset properties (`dataset_id, fields`); anything else is an ODSQL error. */
function selectProperties(select: string | undefined): ((dataset: ExploreDataset) => Record<string, unknown>) | null {
  if (!select || select.trim() === "*") return null;
  const names = select.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!/^[a-z_]+$/.test(name) || !(name in DATASET_PROPERTIES)) throw new AppError("ODSQLError", `Invalid ODSQL in select: unknown dataset property "${name}".`);
  }
  return (dataset) => Object.fromEntries(names.map((name) => [name, dataset[name as keyof ExploreDataset]]));
}
const DATASET_PROPERTIES: Record<keyof ExploreDataset, true> = {
  dataset_id: true,
  dataset_uid: true,
  has_records: true,
  data_visible: true,
  features: true,
  visibility: true,
  attachments: true,
  alternative_exports: true,
  fields: true,
  metas: true,
};

export async function queryCatalog(viewer: Viewer, query: ExploreQuery): Promise<{ total_count: number; results: Record<string, unknown>[] }> {
  const page = pageOf({ ...query, group_by: undefined });
  const pick = selectProperties(query.select);
  const rows = await matchingDatasets(viewer, query);
  const results = rows.slice(page.offset, page.offset + page.limit).map((r) => (pick ? pick(r.dataset) : r.dataset));
  return { total_count: rows.length, results };
}

/** Every matching dataset (catalog exports). */
export async function allCatalogDatasets(viewer: Viewer, query: ExploreQuery): Promise<ExploreDataset[]> {
  return (await matchingDatasets(viewer, query)).map((r) => r.dataset);
}

export async function queryCatalogFacets(viewer: Viewer, query: ExploreQuery) {
  const names = query.facet.length > 0 ? query.facet : [...CATALOG_FACETS];
  const facets = [];
  for (const name of names) {
    if (!/^[a-z_]+$/.test(name)) throw new AppError("ODSQLError", `Invalid facet "${name}": catalog facets are dataset properties such as ${CATALOG_FACETS.join(", ")}.`);
    const counts = new Map<string, number>();
    for (const { row } of await matchingDatasets(viewer, query, name)) {
      const value = row[name];
      for (const v of Array.isArray(value) ? value : value === null || value === undefined || value === "" ? [] : [value]) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    }
    const refined = new Set(query.refine.filter((r) => r.startsWith(`${name}:`)).map((r) => r.slice(name.length + 1)));
    const values: FacetValue[] = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([value, count]) => ({ name: value, value, count, state: refined.has(value) ? "refined" : "displayed" }));
    facets.push({ name, facets: values });
  }
  return { links: [], facets };
}
