import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/formatted-date";
import { DeleteResourceButton } from "@/components/resources/delete-resource-button";
import { downloadUrl } from "@/components/resources/resource-api";
import { ResourceSource, uploadedFileOf } from "@/components/resources/resource-source";
import { SavedResourcePreview } from "@/components/resources/saved-resource-preview";
import { cellText } from "@/components/resources/cell-text";
import { currentPrincipal, requirePagePrincipal } from "@/lib/auth/current-principal";
import { getI18n } from "@/lib/i18n/server";
import { extractors } from "@/lib/resources/service";
import { Breadcrumb } from "../../../_components/breadcrumb";
import { datasetTrail, loadDatasetPage } from "../../_components/load-dataset-page";
import { DetailRow } from "../../_components/detail-row";
import { loadResource } from "../_components/load-resource";

type Props = { params: Promise<{ dataset_uid: string; resource_uid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const principal = await currentPrincipal();
  if (!principal) return {};
  const { dataset_uid, resource_uid } = await params;
  const resource = await loadResource(principal, dataset_uid, resource_uid);
  return { title: resource.title };
}

export default async function ResourcePage({ params }: Props) {
  const { dataset_uid, resource_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}/resources/${resource_uid}`);
  const { dataset, rights, title: datasetTitle } = await loadDatasetPage(principal, dataset_uid);
  const resource = await loadResource(principal, dataset.uid, resource_uid);
  const canEdit = rights.edit;
  const { t, locale } = await getI18n();
  const file = uploadedFileOf(resource);
  const ds = resource.datasource;
  const extractor = (await extractors(principal)).find((e) => e.type === resource.type);
  const parameterLabels = new Map(extractor?.parameters.map((p) => [p.name, p.label]) ?? []);
  const parameters = Object.entries(resource.params);

  return (
    <div className="max-w-5xl space-y-6">
      <Breadcrumb t={t} trail={datasetTrail(t, dataset.uid, datasetTitle, { resources: true })} />
      <header className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="min-w-0 text-2xl font-semibold break-words text-slate-900">{resource.title}</h1>
        {canEdit ? (
          <div className="flex gap-2">
            <Button variant="secondary" asChild>
              <Link href={`/datasets/${dataset.uid}/resources/${resource.uid}/edit`}>{t("common.edit")}</Link>
            </Button>
            <DeleteResourceButton dataset_uid={dataset.uid} resource_uid={resource.uid} title={resource.title} />
          </div>
        ) : null}
      </header>

      {!canEdit ? <Alert tone="info">{t("resource_pages.detail.read_only_notice")}</Alert> : null}

      <section className="rounded-lg border border-slate-200 bg-white px-5 py-2" aria-label={resource.title}>
        <dl className="divide-y divide-slate-100">
          <DetailRow label={t("resource_pages.detail.extractor")}>{extractor?.label ?? resource.extraction_infos?.label ?? resource.type}</DetailRow>
          <DetailRow label={t("resource_pages.detail.source")}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="text-slate-500">{ds.type === "uploaded_file" ? t("resource_pages.source.uploaded_file") : t("resource_pages.source.http")}</span>
              <ResourceSource resource={resource} t={t} />
              {file ? (
                <a href={downloadUrl(dataset.uid, file.uid)} download={file.filename} className="text-brand-700 underline">
                  {t("resource_pages.detail.download")}
                </a>
              ) : null}
            </div>
          </DetailRow>
          {ds.type === "http" && ds.connection.auth ? <DetailRow label={t("resource_pages.detail.username")}>{ds.connection.auth.username}</DetailRow> : null}
          <DetailRow label={t("resource_pages.detail.params")}>
            {parameters.length ? (
              <ul className="space-y-0.5" data-testid="resource-params">
                {parameters.map(([name, value]) => (
                  <li key={name} className="flex flex-wrap items-baseline gap-2">
                    <span className="text-slate-500">{parameterLabels.get(name) ?? name}</span>
                    <code className="rounded bg-slate-100 px-1 font-mono text-xs whitespace-pre">{cellText(value)}</code>
                  </li>
                ))}
              </ul>
            ) : (
              t("resource_pages.detail.no_params")
            )}
          </DetailRow>
          <DetailRow label={t("resource_pages.detail.uid")}>
            <code className="font-mono">{resource.uid}</code>
          </DetailRow>
          <DetailRow label={t("resource_pages.detail.created_at")}>
            <FormattedDate iso={resource.created_at} locale={locale} />
          </DetailRow>
          <DetailRow label={t("resource_pages.detail.updated_at")}>
            <FormattedDate iso={resource.updated_at} locale={locale} />
          </DetailRow>
        </dl>
      </section>

      <SavedResourcePreview dataset_uid={dataset.uid} resource_uid={resource.uid} />
    </div>
  );
}
