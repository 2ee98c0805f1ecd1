import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ResourceEditor } from "@/components/resources/resource-editor";
import { currentPrincipal, requirePagePrincipal } from "@/lib/auth/current-principal";
import { datasetRights } from "@/lib/datasets/access";
import { config } from "@/lib/env/config";
import { getI18n } from "@/lib/i18n/server";
import { extractors } from "@/lib/resources/service";
import { loadDataset } from "../../../_components/load-dataset";

type Props = { params: Promise<{ dataset_uid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const principal = await currentPrincipal();
  if (!principal) return { title: t("resource_pages.editor.new_title") };
  const dataset = await loadDataset(principal, (await params).dataset_uid);
  return { title: t("resource_pages.editor.new_meta_title", { title: String(dataset.metadata.default?.title?.value ?? dataset.dataset_id) }) };
}

export default async function NewResourcePage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/resources/new`);
  const dataset = await loadDataset(principal, dataset_uid);
  if (!datasetRights(principal, dataset).edit) forbidden();
  const { t } = await getI18n();
  const title = String(dataset.metadata.default?.title?.value ?? dataset.dataset_id);

  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="flex flex-wrap gap-2 text-sm text-slate-500">
        <Link href="/datasets" className="text-brand-700 hover:underline">
          {t("datasets.title")}
        </Link>
        <span aria-hidden>/</span>
        <Link href={`/datasets/${dataset.uid}`} className="text-brand-700 hover:underline">
          {title}
        </Link>
        <span aria-hidden>/</span>
        <Link href={`/datasets/${dataset.uid}/resources`} className="text-brand-700 hover:underline">
          {t("resource_pages.list.title")}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold text-slate-900">{t("resource_pages.editor.new_title")}</h1>
      <ResourceEditor mode="create" dataset_uid={dataset.uid} extractors={extractors()} maxUploadBytes={config().maxUploadBytes} />
    </div>
  );
}
