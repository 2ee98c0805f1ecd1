import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/formatted-date";
import { Td, Th } from "@/components/ui/table";
import { ResourceSource } from "@/components/resources/resource-source";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { getI18n } from "@/lib/i18n/server";
import { extractors, listResources } from "@/lib/resources/service";
import { datasetTitleForMetadata } from "../../_components/load-dataset";
import { DatasetSection } from "../_components/dataset-section";
import { loadDatasetPage } from "../_components/load-dataset-page";

type Props = { params: Promise<{ dataset_uid: string }> };

/** The API's largest page: a dataset has a handful of resources, never this many. */
const LIST_LIMIT = 1000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const title = await datasetTitleForMetadata((await params).dataset_uid);
  return { title: title === null ? t("resource_pages.list.title") : t("resource_pages.list.meta_title", { title }) };
}

export default async function DatasetResourcesPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/resources`);
  const { dataset, rights, title } = await loadDatasetPage(principal, dataset_uid);
  const canEdit = rights.edit;
  const page = await listResources(principal, dataset.uid, { limit: LIST_LIMIT, offset: 0 });
  const { t, locale } = await getI18n();
  const newHref = `/datasets/${dataset.uid}/resources/new`;
  // the names the editor offers (GET /extractors/)
  const labels = new Map<string, string>((await extractors(principal)).map((e) => [e.type, e.label]));

  return (
    <DatasetSection t={t} dataset={dataset} canManage={rights.manage} title={title} current="resources" width="max-w-5xl">
      <section aria-labelledby="resources-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 id="resources-heading" className="text-lg font-semibold text-slate-900">
              {t("resource_pages.list.title")}
            </h2>
            <p className="text-sm text-slate-600" data-testid="resource-count">
              {page.total_count === 1 ? t("resource_pages.list.count_one") : t("resource_pages.list.count", { count: page.total_count.toLocaleString(locale) })}
            </p>
          </div>
          {canEdit && page.results.length > 0 ? (
            <Button asChild>
              <Link href={newHref}>{t("resource_pages.list.add")}</Link>
            </Button>
          ) : null}
        </div>

        {page.results.length > 0 ? (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full border-collapse text-left text-sm" data-testid="resource-table">
              <thead>
                <tr>
                  <Th>{t("resource_pages.list.columns.title")}</Th>
                  <Th>{t("resource_pages.list.columns.extractor")}</Th>
                  <Th>{t("resource_pages.list.columns.source")}</Th>
                  <Th>{t("resource_pages.list.columns.updated_at")}</Th>
                </tr>
              </thead>
              <tbody>
                {page.results.map((resource) => (
                  <tr key={resource.uid} className="hover:bg-slate-50">
                    <Td className="font-medium">
                      <Link href={`/datasets/${dataset.uid}/resources/${resource.uid}`} className="break-words text-brand-700 hover:underline">
                        {resource.title}
                      </Link>
                    </Td>
                    <Td className="whitespace-nowrap text-slate-700">{labels.get(resource.type) ?? resource.extraction_infos?.label ?? resource.type}</Td>
                    <Td className="text-slate-700">
                      <ResourceSource resource={resource} t={t} />
                    </Td>
                    <Td className="whitespace-nowrap text-slate-600">
                      <FormattedDate iso={resource.updated_at} locale={locale} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
            <p className="font-medium text-slate-800">{t("resource_pages.list.empty_title")}</p>
            <p className="mt-1 text-sm text-slate-600">{canEdit ? t("resource_pages.list.empty_body") : t("resource_pages.list.empty_readonly")}</p>
            {canEdit ? (
              <Button asChild className="mt-4">
                <Link href={newHref}>{t("resource_pages.list.add")}</Link>
              </Button>
            ) : null}
          </div>
        )}
      </section>
    </DatasetSection>
  );
}
