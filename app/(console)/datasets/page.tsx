import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DatasetListControls } from "@/components/datasets/dataset-list-controls";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { canCreateDatasets } from "@/lib/datasets/access";
import { listDatasets } from "@/lib/datasets/service";
import { consoleFeatures } from "@/lib/features/service";
import { Alert } from "@/components/ui/alert";
import { getI18n } from "@/lib/i18n/server";
import { DatasetTable } from "./_components/dataset-table";
import { listHref, parseListParams } from "./_components/list-params";
import { Pagination } from "./_components/pagination";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("datasets.title") };
}

export default async function DatasetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseListParams(await searchParams);
  const principal = await requirePagePrincipal(listHref(params, {}));
  const { t, locale } = await getI18n();
  const features = await consoleFeatures(principal);
  // an upstream without our search and sort (the official API) lists in its own order
  const searchable = features.datasetSearch && features.datasetSort;
  const page = await listDatasets(
    principal,
    { limit: params.size, offset: (params.page - 1) * params.size, search: params.q || undefined, sort: params.sort },
    "view",
  );
  const canCreate = canCreateDatasets(principal);

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("datasets.title")}</h1>
          <p className="mt-1 text-sm text-slate-600" data-testid="dataset-count">
            {page.total_count === 1 ? t("datasets.count_one") : t("datasets.count", { count: page.total_count.toLocaleString(locale) })}
          </p>
        </div>
        {canCreate ? (
          <Button asChild>
            <Link href="/datasets/new">{t("datasets.new")}</Link>
          </Button>
        ) : null}
      </header>

      {searchable ? (
        <DatasetListControls search={params.q} sort={params.sort} size={params.size} />
      ) : (
        <Alert tone="info">{t("proxy.list_unsorted", { upstream: features.upstream ?? "" })}</Alert>
      )}
      {features.viewOnlyDatasets ? null : <p className="text-sm text-slate-600">{t("proxy.list_editable_only")}</p>}

      {page.results.length > 0 ? (
        <>
          <DatasetTable datasets={page.results} t={t} locale={locale} />
          <Pagination params={params} total={page.total_count} t={t} />
        </>
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          {params.q ? (
            <>
              <p className="text-slate-700">{t("datasets.no_match", { search: params.q })}</p>
              <Link href={listHref(params, { q: "", page: 1 })} className="mt-2 inline-block text-sm text-brand-700 underline">
                {t("datasets.clear_search")}
              </Link>
            </>
          ) : page.total_count > 0 ? (
            <Link href={listHref(params, { page: 1 })} className="text-sm text-brand-700 underline">
              {t("common.back")}
            </Link>
          ) : (
            <>
              <p className="font-medium text-slate-800">{t("datasets.empty_title")}</p>
              <p className="mt-1 text-sm text-slate-600">{canCreate ? t("datasets.empty_body") : t("datasets.empty_readonly")}</p>
              {canCreate ? (
                <Button asChild className="mt-4">
                  <Link href="/datasets/new">{t("datasets.new")}</Link>
                </Button>
              ) : null}
            </>
          )}
        </div>
      )}
    </div>
  );
}
