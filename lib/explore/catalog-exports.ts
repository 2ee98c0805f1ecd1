import "server-only";
// Catalog exports (API-CONTRACT.md §5.6: at least csv and json): the datasets a caller may see, with the
// same filters as the catalog query. A catalog is small (datasets, not records): built in one piece.
import type { Viewer } from "@/lib/explore/catalog";
import { allCatalogDatasets } from "@/lib/explore/catalog-query";
import { csvCell } from "@/lib/explore/csv-cell";
import type { ExploreQuery } from "@/lib/explore/schema";

export const CATALOG_EXPORT_FORMATS = ["csv", "json"] as const;
export type CatalogExportFormat = (typeof CATALOG_EXPORT_FORMATS)[number];

const CSV_COLUMNS = ["dataset_id", "title", "description", "keyword", "theme", "publisher", "license", "language", "modified", "records_count", "features"] as const;

export async function exportCatalog(viewer: Viewer, format: CatalogExportFormat, query: ExploreQuery): Promise<Response> {
  const datasets = await allCatalogDatasets(viewer, query);
  const headers = { "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="catalog.${format}"` };
  if (format === "json") return Response.json(datasets, { headers });
  const delimiter = query.delimiter && [";", ",", "\t", "|"].includes(query.delimiter) ? query.delimiter : ";";
  const options = { delimiter, quoteAll: false, listSeparator: "," };
  const lines = [CSV_COLUMNS.join(delimiter)];
  for (const dataset of datasets) {
    const row: Record<string, unknown> = { ...dataset.metas.default, dataset_id: dataset.dataset_id, features: dataset.features };
    lines.push(CSV_COLUMNS.map((column) => csvCell(row[column], options)).join(delimiter));
  }
  return new Response(`\ufeff${lines.join("\r\n")}\r\n`, { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
}
