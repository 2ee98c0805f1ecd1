import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ResourceEditor } from "@/components/resources/resource-editor";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { config } from "@/lib/env/config";
import { getI18n } from "@/lib/i18n/server";
import { extractors } from "@/lib/resources/service";
import { FormPage } from "../../../_components/form-page";
import { datasetTitleForMetadata } from "../../../_components/load-dataset";
import { datasetTrail, loadDatasetPage } from "../../_components/load-dataset-page";

type Props = { params: Promise<{ dataset_uid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const title = await datasetTitleForMetadata((await params).dataset_uid);
  return { title: title === null ? t("resource_pages.editor.new_title") : t("resource_pages.editor.new_meta_title", { title }) };
}

export default async function NewResourcePage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/resources/new`);
  const { dataset, rights, title } = await loadDatasetPage(principal, dataset_uid);
  if (!rights.edit) forbidden();
  const { t } = await getI18n();

  return (
    <FormPage t={t} trail={datasetTrail(t, dataset.uid, title, { resources: true })} heading={t("resource_pages.editor.new_title")}>
      <ResourceEditor mode="create" dataset_uid={dataset.uid} extractors={await extractors(principal)} maxUploadBytes={config().maxUploadBytes} />
    </FormPage>
  );
}
