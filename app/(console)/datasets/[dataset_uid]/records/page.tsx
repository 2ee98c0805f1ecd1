import type { Metadata } from "next";
import Link from "next/link";
import { RecordsExplorer } from "@/components/explore/records-explorer";
import { Button } from "@/components/ui/button";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { getDatasetStatus } from "@/lib/datasets/service";
import { getI18n } from "@/lib/i18n/server";
import { datasetTitleForMetadata } from "../../_components/load-dataset";
import { DatasetSection } from "../_components/dataset-section";
import { loadDatasetPage } from "../_components/load-dataset-page";

type Props = { params: Promise<{ dataset_uid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const title = await datasetTitleForMetadata((await params).dataset_uid);
  return { title: title === null ? t("records_pages.heading") : t("records_pages.meta_title", { title }) };
}

/** The published records, for anyone who may view the dataset (the Explore API applies its own visibility). */
export default async function DatasetRecordsPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/records`);
  const { dataset, rights, title } = await loadDatasetPage(principal, dataset_uid);
  const status = await getDatasetStatus(principal, dataset.uid);
  const { t } = await getI18n();

  return (
    <DatasetSection t={t} dataset={dataset} canManage={rights.manage} title={title} current="records" width="max-w-7xl">
      {status.is_published ? (
        <RecordsExplorer dataset_id={dataset.dataset_id} />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center" data-testid="records-unpublished">
          <h2 className="font-medium text-slate-800">{t("records_pages.unpublished.title")}</h2>
          <p className="mt-1 text-sm text-slate-600">{rights.publish ? t("records_pages.unpublished.body") : t("records_pages.unpublished.body_readonly")}</p>
          {rights.publish ? (
            <Button asChild className="mt-4">
              <Link href={`/datasets/${dataset.uid}/publishing`}>{t("records_pages.unpublished.link")}</Link>
            </Button>
          ) : null}
        </div>
      )}
    </DatasetSection>
  );
}
