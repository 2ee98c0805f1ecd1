import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormattedDate } from "@/components/ui/formatted-date";
import { DatasetLiveStatus } from "@/components/datasets/dataset-live-status";
import { DeleteDatasetButton } from "@/components/datasets/delete-dataset-button";
import { currentPrincipal, requirePagePrincipal } from "@/lib/auth/current-principal";
import { datasetRights } from "@/lib/datasets/access";
import { getDatasetStatus } from "@/lib/datasets/service";
import { getI18n } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translator";
import { loadDataset } from "../_components/load-dataset";
import { DatasetTabs } from "./_components/dataset-tabs";

type Props = { params: Promise<{ dataset_uid: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const principal = await currentPrincipal();
  if (!principal) return {};
  const dataset = await loadDataset(principal, (await params).dataset_uid);
  return { title: String(dataset.metadata.default?.title?.value ?? dataset.dataset_id) };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export default async function DatasetPage({ params }: Props) {
  const { dataset_uid } = await params;
  const principal = await requirePagePrincipal(`/datasets/${dataset_uid}`);
  const dataset = await loadDataset(principal, dataset_uid);
  const status = await getDatasetStatus(principal, dataset_uid);
  const rights = datasetRights(principal, dataset);
  const { t, locale } = await getI18n();
  const meta = dataset.metadata.default ?? {};
  const title = String(meta.title?.value ?? dataset.dataset_id);
  const text = (field: string) => (typeof meta[field]?.value === "string" ? (meta[field]!.value as string) : null);
  const keywords = Array.isArray(meta.keyword?.value) ? (meta.keyword!.value as string[]) : [];
  const language = text("language");
  const references = text("references");

  return (
    <div className="max-w-4xl space-y-6">
      <nav aria-label="breadcrumb" className="text-sm">
        <Link href="/datasets" className="text-brand-700 hover:underline">
          {t("datasets.title")}
        </Link>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold break-words text-slate-900">{title}</h1>
          <p className="mt-1 font-mono text-sm text-slate-500">{dataset.dataset_id}</p>
        </div>
        <div className="flex gap-2">
          {rights.edit ? (
            <Button variant="secondary" asChild>
              <Link href={`/datasets/${dataset.uid}/edit`}>{t("common.edit")}</Link>
            </Button>
          ) : null}
          {rights.manage ? <DeleteDatasetButton uid={dataset.uid} title={title} datasetId={dataset.dataset_id} /> : null}
        </div>
      </header>

      <DatasetTabs uid={dataset.uid} current="overview" t={t} />

      {!rights.edit ? <Alert tone="info">{t("datasets.detail.read_only_notice")}</Alert> : null}

      <section className="rounded-lg border border-slate-200 bg-white px-5 py-2" aria-labelledby="overview-heading">
        <h2 id="overview-heading" className="sr-only">
          {t("datasets.detail.overview")}
        </h2>
        <dl className="divide-y divide-slate-100">
          <Row label={t("datasets.detail.status")}>
            <DatasetLiveStatus uid={dataset.uid} initial={status} isRestricted={dataset.is_restricted} />
          </Row>
          <Row label={t("datasets.detail.description")}>
            {text("description") ? <p className="whitespace-pre-line">{text("description")}</p> : <span className="text-slate-500">{t("datasets.detail.no_description")}</span>}
          </Row>
          <Row label={t("datasets.detail.keywords")}>
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
          </Row>
          <Row label={t("datasets.detail.language")}>{language ? t(`languages.${language}` as MessageKey) : t("common.none")}</Row>
          <Row label={t("datasets.detail.publisher")}>{text("publisher") ?? t("common.none")}</Row>
          <Row label={t("datasets.detail.references")}>
            {references && /^https?:\/\//i.test(references) ? (
              <a href={references} className="break-all text-brand-700 underline" rel="noopener noreferrer nofollow" target="_blank">
                {references}
              </a>
            ) : (
              (references ?? t("common.none"))
            )}
          </Row>
          <Row label={t("datasets.detail.restriction")}>{dataset.is_restricted ? t("datasets.detail.restricted") : t("datasets.detail.not_restricted")}</Row>
          <Row label={t("datasets.detail.uid")}>
            <code className="font-mono">{dataset.uid}</code>
          </Row>
          <Row label={t("datasets.detail.created_at")}>
            <FormattedDate iso={dataset.created_at} locale={locale} />
            {dataset.created_by ? ` · ${t("datasets.detail.created_by")} ${dataset.created_by.username}` : null}
          </Row>
          <Row label={t("datasets.detail.updated_at")}>
            <FormattedDate iso={dataset.updated_at} locale={locale} />
          </Row>
          {text("modified") ? (
            <Row label={t("datasets.detail.modified")}>
              <FormattedDate iso={text("modified")!} locale={locale} />
            </Row>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
