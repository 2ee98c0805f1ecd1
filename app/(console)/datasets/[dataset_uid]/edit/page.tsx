import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { DatasetForm, type DatasetFormValues } from "@/components/datasets/dataset-form";
import { currentPrincipal, requirePagePrincipal } from "@/lib/auth/current-principal";
import { datasetRights } from "@/lib/datasets/access";
import { getI18n } from "@/lib/i18n/server";
import { loadDataset } from "../../_components/load-dataset";

type Props = { params: Promise<{ dataset_uid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const principal = await currentPrincipal();
  if (!principal) return { title: t("common.edit") };
  const dataset = await loadDataset(principal, (await params).dataset_uid);
  return { title: t("datasets.form.edit_title", { title: String(dataset.metadata.default?.title?.value ?? dataset.dataset_id) }) };
}

export default async function EditDatasetPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/edit`);
  const dataset = await loadDataset(principal, dataset_uid);
  if (!datasetRights(principal, dataset).edit) forbidden();
  const { t } = await getI18n();
  const title = String(dataset.metadata.default?.title?.value ?? dataset.dataset_id);
  const initial = {
    dataset_id: dataset.dataset_id,
    is_restricted: dataset.is_restricted,
    metadata: dataset.metadata,
    default_security: dataset.default_security,
  } as unknown as DatasetFormValues;

  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="flex gap-2 text-sm text-slate-500">
        <Link href="/datasets" className="text-brand-700 hover:underline">
          {t("datasets.title")}
        </Link>
        <span aria-hidden>/</span>
        <Link href={`/datasets/${dataset.uid}`} className="text-brand-700 hover:underline">
          {title}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold text-slate-900">{t("datasets.form.edit_title", { title })}</h1>
      <DatasetForm mode="edit" uid={dataset.uid} updatedAt={dataset.updated_at} isPublished={dataset.is_published} initial={initial} />
    </div>
  );
}
