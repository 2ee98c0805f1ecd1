import type { Metadata } from "next";
import Link from "next/link";
import { DatasetForm } from "@/components/datasets/dataset-form";
import { requirePageAccess } from "@/lib/auth/current-principal";
import { canCreateDatasets } from "@/lib/datasets/access";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("datasets.form.create_title") };
}

export default async function NewDatasetPage() {
  await requirePageAccess("/datasets/new", canCreateDatasets);
  const { t } = await getI18n();
  return (
    <div className="space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/datasets" className="text-brand-700 hover:underline">
          {t("datasets.title")}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold text-slate-900">{t("datasets.form.create_title")}</h1>
      <DatasetForm mode="create" />
    </div>
  );
}
