import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { DatasetForm, type DatasetFormValues } from "@/components/datasets/dataset-form";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { getI18n } from "@/lib/i18n/server";
import { FormPage } from "../../_components/form-page";
import { datasetTitleForMetadata } from "../../_components/load-dataset";
import { datasetTrail, loadDatasetPage } from "../_components/load-dataset-page";

type Props = { params: Promise<{ dataset_uid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const title = await datasetTitleForMetadata((await params).dataset_uid);
  return { title: title === null ? t("common.edit") : t("datasets.form.edit_title", { title }) };
}

export default async function EditDatasetPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/edit`);
  const { dataset, rights, title } = await loadDatasetPage(principal, dataset_uid);
  if (!rights.edit) forbidden();
  const { t } = await getI18n();
  const initial = {
    dataset_id: dataset.dataset_id,
    is_restricted: dataset.is_restricted,
    metadata: dataset.metadata,
    default_security: dataset.default_security,
  } as unknown as DatasetFormValues;

  return (
    <FormPage t={t} trail={datasetTrail(t, dataset.uid, title)} heading={t("datasets.form.edit_title", { title })}>
      <DatasetForm mode="edit" uid={dataset.uid} updatedAt={dataset.updated_at} isPublished={dataset.is_published} initial={initial} canManage={rights.manage} />
    </FormPage>
  );
}
