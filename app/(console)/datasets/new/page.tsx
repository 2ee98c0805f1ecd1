import type { Metadata } from "next";
import { DatasetForm } from "@/components/datasets/dataset-form";
import { requirePageAccess } from "@/lib/auth/current-principal";
import { canCreateDatasets } from "@/lib/datasets/access";
import { getI18n } from "@/lib/i18n/server";
import { FormPage } from "../_components/form-page";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("datasets.form.create_title") };
}

export default async function NewDatasetPage() {
  await requirePageAccess("/datasets/new", canCreateDatasets);
  const { t } = await getI18n();
  return (
    <FormPage t={t} heading={t("datasets.form.create_title")}>
      <DatasetForm mode="create" />
    </FormPage>
  );
}
