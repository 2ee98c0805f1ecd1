import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { TemplateMetadataForm } from "@/components/metadata/template-metadata-form";
import type { FormEntry } from "@/components/metadata/form-values";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { getI18n } from "@/lib/i18n/server";
import { missingMandatoryIn } from "@/lib/metadata/publish-check";
import { allTemplates } from "@/lib/metadata/template-service";
import { datasetTitleForMetadata } from "../../_components/load-dataset";
import { DatasetSection } from "../_components/dataset-section";
import { loadDatasetPage } from "../_components/load-dataset-page";

type Props = { params: Promise<{ dataset_uid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const title = await datasetTitleForMetadata((await params).dataset_uid);
  return { title: title === null ? t("dataset_metadata.heading") : t("dataset_metadata.meta_title", { title }) };
}

export default async function DatasetMetadataPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/metadata`);
  const { dataset, rights, title } = await loadDatasetPage(principal, dataset_uid);
  const { t } = await getI18n();
  const templates = (await allTemplates(principal)).filter((tpl) => tpl.is_active);
  const missing = missingMandatoryIn(dataset.metadata, templates);
  const metadata = dataset.metadata as Record<string, Record<string, FormEntry> | undefined>;

  return (
    <DatasetSection t={t} dataset={dataset} canManage={rights.manage} title={title} current="metadata" width="max-w-4xl">
      <p className="text-sm text-slate-600">{t("dataset_metadata.intro")}</p>
      {!rights.edit ? <Alert tone="info">{t("dataset_metadata.read_only")}</Alert> : null}
      {missing.length ? (
        <Alert tone="warning">
          {t("dataset_metadata.missing_mandatory", { fields: missing.map((m) => `${m.label} (${m.template})`).join(", ") })}
        </Alert>
      ) : null}
      {templates.length === 0 ? <p className="text-sm text-slate-600">{t("dataset_metadata.empty")}</p> : null}
      {templates.map((template) => (
        <section key={template.name} aria-labelledby={`tpl-${template.name}`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id={`tpl-${template.name}`} className="font-semibold text-slate-900">
            {template.title}
          </h2>
          <TemplateMetadataForm
            dataset_uid={dataset.uid}
            template={{ name: template.name, title: template.title }}
            fields={template.fields.filter((f) => !f.is_hidden)}
            values={metadata[template.name] ?? {}}
            canEdit={rights.edit}
          />
        </section>
      ))}
    </DatasetSection>
  );
}
