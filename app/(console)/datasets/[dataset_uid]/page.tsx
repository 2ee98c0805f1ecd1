import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/formatted-date";
import { DatasetLiveStatus } from "@/components/datasets/dataset-live-status";
import { DeleteDatasetButton } from "@/components/datasets/delete-dataset-button";
import { requirePagePrincipal } from "@/lib/auth/current-principal";
import { getDatasetStatus } from "@/lib/datasets/service";
import { getI18n } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translator";
import { datasetTitleForMetadata } from "../_components/load-dataset";
import { DatasetSection } from "./_components/dataset-section";
import { DetailRow } from "./_components/detail-row";
import { loadDatasetPage } from "./_components/load-dataset-page";

type Props = { params: Promise<{ dataset_uid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const title = await datasetTitleForMetadata((await params).dataset_uid);
  return title === null ? {} : { title };
}

export default async function DatasetPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}`);
  const { dataset, rights, title } = await loadDatasetPage(principal, dataset_uid);
  const status = await getDatasetStatus(principal, dataset_uid);
  const { t, locale } = await getI18n();
  const meta = dataset.metadata.default ?? {};
  const text = (field: string) => (typeof meta[field]?.value === "string" ? (meta[field]!.value as string) : null);
  const keywords = Array.isArray(meta.keyword?.value) ? (meta.keyword!.value as string[]) : [];
  const language = text("language");
  const references = text("references");

  return (
    <DatasetSection
      t={t}
      dataset={dataset}
      canManage={rights.manage}
      title={title}
      current="overview"
      width="max-w-4xl"
      actions={
        <>
          {rights.edit ? (
            <Button variant="secondary" asChild>
              <Link href={`/datasets/${dataset.uid}/edit`}>{t("common.edit")}</Link>
            </Button>
          ) : null}
          {rights.manage ? <DeleteDatasetButton uid={dataset.uid} title={title} datasetId={dataset.dataset_id} /> : null}
        </>
      }
    >
      {!rights.edit ? <Alert tone="info">{t("datasets.detail.read_only_notice")}</Alert> : null}

      <section className="rounded-lg border border-slate-200 bg-white px-5 py-2" aria-labelledby="overview-heading">
        <h2 id="overview-heading" className="sr-only">
          {t("datasets.detail.overview")}
        </h2>
        <dl className="divide-y divide-slate-100">
          <DetailRow label={t("datasets.detail.status")}>
            <DatasetLiveStatus uid={dataset.uid} initial={status} isRestricted={dataset.is_restricted} />
          </DetailRow>
          <DetailRow label={t("datasets.detail.description")}>
            {text("description") ? <p className="whitespace-pre-line">{text("description")}</p> : <span className="text-slate-500">{t("datasets.detail.no_description")}</span>}
          </DetailRow>
          <DetailRow label={t("datasets.detail.keywords")}>
            {keywords.length ? (
              <ul className="flex flex-wrap gap-1.5">
                {keywords.map((k) => (
                  <li key={k} className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                    {k}
                  </li>
                ))}
              </ul>
            ) : (
              t("common.none")
            )}
          </DetailRow>
          <DetailRow label={t("datasets.detail.language")}>{language ? t(`languages.${language}` as MessageKey) : t("common.none")}</DetailRow>
          <DetailRow label={t("datasets.detail.publisher")}>{text("publisher") ?? t("common.none")}</DetailRow>
          <DetailRow label={t("datasets.detail.references")}>
            {references && /^https?:\/\//i.test(references) ? (
              <a href={references} className="break-all text-brand-700 underline" rel="noopener noreferrer nofollow" target="_blank">
                {references}
              </a>
            ) : (
              (references ?? t("common.none"))
            )}
          </DetailRow>
          <DetailRow label={t("datasets.detail.restriction")}>{dataset.is_restricted ? t("datasets.detail.restricted") : t("datasets.detail.not_restricted")}</DetailRow>
          <DetailRow label={t("datasets.detail.uid")}>
            <code className="font-mono">{dataset.uid}</code>
          </DetailRow>
          <DetailRow label={t("datasets.detail.created_at")}>
            <FormattedDate iso={dataset.created_at} locale={locale} />
            {dataset.created_by ? ` · ${t("datasets.detail.created_by")} ${dataset.created_by.username}` : null}
          </DetailRow>
          <DetailRow label={t("datasets.detail.updated_at")}>
            <FormattedDate iso={dataset.updated_at} locale={locale} />
          </DetailRow>
          {text("modified") ? (
            <DetailRow label={t("datasets.detail.modified")}>
              <FormattedDate iso={text("modified")!} locale={locale} />
            </DetailRow>
          ) : null}
        </dl>
      </section>
    </DatasetSection>
  );
}
