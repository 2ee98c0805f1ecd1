// One dataset as a subject sees it: why, the fields they see and those hidden from them, the records they may
// read (their record filter) and the first of those records, as Explore answers them.
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Table, Td, Th } from "@/components/ui/table";
import { cellText } from "@/components/resources/cell-text";
import { reasonSentences } from "@/lib/dataset-security/access-reasons";
import type { ViewedDataset, ViewedDetail } from "@/lib/dataset-security/view-as";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translator";
import { AccessBadges } from "./access-badges";

function FieldList({ fields, t, testId }: { fields: ViewedDataset["hidden_fields"]; t: Translate; testId: string }) {
  if (fields.length === 0) return <p className="text-sm text-slate-600">{t("view_as.detail.no_fields")}</p>;
  return (
    <ul className="flex flex-wrap gap-2" data-testid={testId}>
      {fields.map((f) => (
        <li key={f.name} className="rounded border border-slate-200 bg-white px-2 py-1 text-sm">
          {f.label} <span className="font-mono text-xs text-slate-600">{f.name}</span>
        </li>
      ))}
    </ul>
  );
}

export function ViewedDatasetDetail({ detail, name, closeHref, t, locale }: { detail: ViewedDetail; name: string; closeHref: string; t: Translate; locale: Locale }) {
  const close = (
    <Link href={closeHref} className="text-sm text-brand-700 underline">
      {t("view_as.detail.close")}
    </Link>
  );
  if (detail.kind === "unpublished") {
    return (
      <div className="space-y-3">
        <Alert tone="warning">{t("view_as.detail.unpublished", { dataset_id: detail.dataset_id })}</Alert>
        {close}
      </div>
    );
  }
  if (detail.kind === "hidden") {
    return (
      <div className="space-y-3">
        <Alert tone="warning" title={t("view_as.detail.hidden", { title: detail.title })}>
          {t("view_as.detail.why")}: {reasonSentences(detail.access.reasons, t).join(" · ")}
        </Alert>
        {close}
      </div>
    );
  }

  const { view, records } = detail;
  const { access, fields } = view.dataset;
  return (
    <div className="space-y-5" data-testid="view-as-detail">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-2">
          <h3 className="text-lg font-semibold text-slate-900">{t("view_as.detail.heading", { title: view.title })}</h3>
          <AccessBadges view={view} t={t} />
        </div>
        {close}
      </div>
      <dl className="grid gap-4 text-sm md:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">{t("view_as.detail.why")}</dt>
        <dd data-testid="view-as-detail-why">{reasonSentences(access.reasons, t).join(" · ")}</dd>
        <dt className="font-medium text-slate-700">{t("view_as.detail.visible_fields")}</dt>
        <dd>
          <FieldList fields={fields} t={t} testId="view-as-visible-fields" />
        </dd>
        <dt className="font-medium text-slate-700">{t("view_as.detail.hidden_fields")}</dt>
        <dd>
          <FieldList fields={view.hidden_fields} t={t} testId="view-as-hidden-fields" />
        </dd>
        <dt className="font-medium text-slate-700">{t("view_as.detail.record_filter")}</dt>
        <dd>
          {!access.is_data_visible ? (
            t("common.none")
          ) : access.record_filters === null ? (
            t("view_as.detail.every_record")
          ) : (
            <>
              {t("view_as.detail.matching")}
              <ul className="mt-1 list-disc pl-5" data-testid="view-as-record-filters">
                {access.record_filters.map((filter) => (
                  <li key={filter}>
                    <code className="font-mono text-xs">{filter}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </dd>
      </dl>

      <h4 className="font-medium text-slate-900">{t("view_as.detail.records")}</h4>
      {!access.is_data_visible ? (
        <Alert>{t("view_as.detail.data_hidden")}</Alert>
      ) : "error" in records ? (
        <Alert tone="error">{t("view_as.detail.records_error", { message: records.error })}</Alert>
      ) : records.results.length === 0 ? (
        <p className="text-sm text-slate-600">{t("view_as.detail.records_none")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="view-as-records-count">
            {t("view_as.detail.records_count", { shown: records.results.length.toLocaleString(locale), total: records.total_count.toLocaleString(locale) })}
          </p>
          <Table data-testid="view-as-records">
            <caption className="sr-only">{t("view_as.detail.caption", { title: view.title, name })}</caption>
            <thead>
              <tr>
                {fields.map((f) => (
                  <Th key={f.name} className="whitespace-nowrap">
                    {f.label}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {records.results.map((record, i) => (
                <tr key={typeof record._id === "string" ? record._id : i}>
                  {fields.map((f) => {
                    const text = cellText(record[f.name]);
                    return (
                      <Td key={f.name} className="max-w-xs truncate" title={text.length > 40 ? text : undefined}>
                        {text}
                      </Td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </div>
  );
}
