import type { Metadata } from "next";
import { PublishPanel } from "@/components/publishing/publish-panel";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { consoleFeatures } from "@/lib/features/service";
import { getI18n } from "@/lib/i18n/server";
import { processors } from "@/lib/processors/service";
import { liveStatusSnapshot } from "@/lib/publishing/status-stream";
import { datasetTitleForMetadata } from "../../_components/load-dataset";
import { DatasetSection } from "../_components/dataset-section";
import { loadDatasetPage } from "../_components/load-dataset-page";

type Props = { params: Promise<{ dataset_uid: string }> };

/** The API's largest page: a stack is never that long. */
const LIST_LIMIT = 1000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const title = await datasetTitleForMetadata((await params).dataset_uid);
  return { title: title === null ? t("publishing_pages.heading") : t("publishing_pages.meta_title", { title }) };
}

/** Anyone who may view the dataset sees its publishing; the actions need the publish right (and the API checks it). */
export default async function DatasetPublishingPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/publishing`);
  const { dataset, rights, title } = await loadDatasetPage(principal, dataset_uid);
  const [snapshot, stack, features] = await Promise.all([
    liveStatusSnapshot(principal, dataset.uid),
    processors.list(principal, dataset.uid, { limit: LIST_LIMIT, offset: 0 }),
    consoleFeatures(principal),
  ]);
  // The per-record errors name their processor by uid: its label reads better.
  const processorLabels = Object.fromEntries(stack.results.map((p) => [String(p.uid), String(p.label ?? p.type)]));
  const { t } = await getI18n();

  return (
    <DatasetSection t={t} dataset={dataset} canManage={rights.manage} title={title} current="publishing" width="max-w-5xl">
      <p className="max-w-3xl text-sm text-slate-600">{t("publishing_pages.intro")}</p>
      <PublishPanel dataset_uid={dataset.uid} canPublish={rights.publish} isRestricted={dataset.is_restricted} initial={snapshot}
        processorLabels={processorLabels}
        extensions={{ liveStatus: features.liveStatus, publishHistory: features.publishHistory }}
        upstream={features.upstream}
      />
    </DatasetSection>
  );
}
