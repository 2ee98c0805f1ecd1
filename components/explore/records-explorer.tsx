"use client";
// The published records of a dataset, read through the Explore API like any other client: a paged table
// (20 a page, sortable columns), full-text search, an ODSQL where clause, facet refinements from the sidebar,
// and the CSV export of the same filter. Any change of filter or order goes back to the first page.
import { useState } from "react";
import { ConsoleApiError } from "@/components/api/console-api";
import { csvExportUrl, fullTextWhere, orderBy, type ExploreField, type RecordsFilter } from "@/components/explore/explore-api";
import { FacetsSidebar } from "@/components/explore/facets-sidebar";
import { RefineChips, SearchBox, WhereForm } from "@/components/explore/records-filters";
import { nextSort, RecordsTable, type SortState } from "@/components/explore/records-table";
import { useExploreDataset, useExploreFacets, useExploreRecords } from "@/components/explore/use-explore";
import { useDebouncedValue } from "@/components/resources/use-resource-preview";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/lib/i18n/client";

export const PAGE_SIZE = 20;
/** Explore answers offset + limit ≤ 10,000. */
const MAX_WINDOW = 10_000;
const SEARCH_DEBOUNCE_MS = 300;
const FACET_VALUES = 10;
/** Without any field annotated `facet`, the first text fields serve as facets. */
const DEFAULT_FACETS = 3;

export function facetFields(fields: ExploreField[]): ExploreField[] {
  const annotated = fields.filter((f) => "facet" in f.annotations && f.type !== "geo_point_2d" && f.type !== "geo_shape");
  return annotated.length > 0 ? annotated : fields.filter((f) => f.type === "text").slice(0, DEFAULT_FACETS);
}

export function RecordsExplorer({ dataset_id }: { dataset_id: string }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const dataset = useExploreDataset(dataset_id);
  const fields = dataset.data?.fields ?? [];
  const facets = facetFields(fields);

  const [search, setSearch] = useState("");
  const searched = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS).value;
  const [where, setWhere] = useState("");
  const [refine, setRefine] = useState<string[]>([]);
  const [sort, setSort] = useState<SortState>(null);
  const filter: RecordsFilter = {
    where: [searched ? fullTextWhere(searched) : "", where].filter((w) => w !== ""),
    refine,
    order_by: sort ? orderBy(sort.field, sort.direction) : null,
  };
  // The page belongs to the filter it was chosen under: another filter starts at the first page.
  const filterKey = JSON.stringify(filter);
  const [page, setPage] = useState({ filterKey, offset: 0 });
  const offset = page.filterKey === filterKey ? page.offset : 0;
  const goTo = (next: number) => setPage({ filterKey, offset: next });

  const records = useExploreRecords(dataset_id, filter, { limit: PAGE_SIZE, offset }, true);
  const facetValues = useExploreFacets(
    dataset_id,
    facets.map((f) => f.name),
    filter,
    FACET_VALUES,
  );

  // A refused filter (a where being typed) keeps the last good answers on screen, dimmed, under its error.
  const [lastRecords, setLastRecords] = useState(records.data);
  if (records.data && records.data !== lastRecords) setLastRecords(records.data);
  const shownRecords = records.data ?? (records.error ? lastRecords : undefined);
  const [lastFacets, setLastFacets] = useState(facetValues.data);
  if (facetValues.data && facetValues.data !== lastFacets) setLastFacets(facetValues.data);
  const shownFacets = facetValues.data ?? (facetValues.error ? lastFacets : undefined);

  const recordsError = records.error instanceof ConsoleApiError ? records.error : records.error ? new ConsoleApiError(0, "error", t("errors.generic")) : null;
  const whereError = recordsError?.error_code === "ODSQLError" && where ? recordsError.message : null;
  const facetsError = facetValues.error instanceof ConsoleApiError && facetValues.error.error_code !== "ODSQLError" ? facetValues.error.message : null;
  const toggleRefine = (r: string) => setRefine((current) => (current.includes(r) ? current.filter((x) => x !== r) : [...current, r]));
  const labelOf = (name: string) => fields.find((f) => f.name === name)?.label ?? name;

  if (dataset.error) {
    return <Alert tone="error">{dataset.error instanceof ConsoleApiError ? dataset.error.message : t("errors.generic")}</Alert>;
  }
  if (!dataset.data) return <Spinner label={t("common.loading")} className="text-slate-500" />;

  const total = shownRecords?.total_count ?? 0;
  const reachable = Math.min(total, MAX_WINDOW);
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + PAGE_SIZE, total);

  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
      {facets.length > 0 ? (
        <FacetsSidebar fields={facets} facets={shownFacets} refined={refine} loading={facetValues.isPending} error={facetsError} onToggle={toggleRefine} />
      ) : (
        <p className="text-sm text-slate-500">{t("records_pages.facets.none")}</p>
      )}

      <div className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <SearchBox value={search} onChange={setSearch} />
          <Button variant="secondary" asChild>
            <a href={csvExportUrl(dataset_id, filter)} download>
              {t("records_pages.export_csv")}
            </a>
          </Button>
        </div>
        <WhereForm applied={where} error={whereError} onApply={setWhere} />
        <RefineChips refine={refine} labelOf={labelOf} onRemove={toggleRefine} />

        {recordsError && !whereError ? <Alert tone="error">{recordsError.message}</Alert> : null}
        {shownRecords ? (
          <>
            <p className="text-sm text-slate-600" data-testid="records-count" aria-live="polite">
              {total === 1 ? t("records_pages.count_one") : t("records_pages.count", { count: number.format(total) })}
            </p>
            {shownRecords.results.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">{t("records_pages.no_match")}</p>
            ) : (
              <RecordsTable fields={fields} records={shownRecords.results} sort={sort} onSort={(name) => setSort((s) => nextSort(s, name))} stale={records.isPlaceholderData || shownRecords !== records.data} />
            )}
            <nav aria-label={t("records_pages.pagination")} className="flex flex-col items-center justify-between gap-3 sm:flex-row">
              <p className="text-sm text-slate-600">{t("datasets.showing", { from: number.format(from), to: number.format(to), total: number.format(total) })}</p>
              <div className="flex items-center gap-2">
                <Button variant="secondary" size="sm" disabled={offset === 0} onClick={() => goTo(Math.max(0, offset - PAGE_SIZE))}>
                  {t("common.previous")}
                </Button>
                <span className="px-2 text-sm text-slate-600">
                  {t("datasets.page_of", { page: Math.floor(offset / PAGE_SIZE) + 1, pages: Math.max(1, Math.ceil(reachable / PAGE_SIZE)) })}
                </span>
                <Button variant="secondary" size="sm" disabled={offset + PAGE_SIZE >= reachable} onClick={() => goTo(offset + PAGE_SIZE)}>
                  {t("common.next")}
                </Button>
              </div>
            </nav>
            {total > MAX_WINDOW ? <p className="text-xs text-slate-500">{t("records_pages.window_note", { max: number.format(MAX_WINDOW) })}</p> : null}
          </>
        ) : records.isPending ? (
          <Spinner label={t("common.loading")} className="text-slate-500" />
        ) : null}
      </div>
    </div>
  );
}
