"use client";
// The preview section: heading, a quiet "Updating…" while the next preview loads (the previous table stays),
// the error of the last attempt above the table, and the table.
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import { PreviewTable } from "@/components/resources/preview-table";
import { ResourceApiError, type ResourcePreview } from "@/components/resources/resource-api";
import { useI18n } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translator";

export function previewErrorMessage(error: unknown, t: Translate): string {
  if (error instanceof ResourceApiError) return error.status === 0 ? t("resource_pages.preview.network_error") : error.message;
  return t("errors.generic");
}

export function PreviewPanel({
  data,
  error,
  loading,
  updating,
  shownUnderFields = () => false,
}: {
  data: ResourcePreview | undefined;
  error: unknown;
  loading: boolean;
  updating: boolean;
  /** detail paths the form shows under its own fields, left out of the alert */
  shownUnderFields?: (path: string) => boolean;
}) {
  const { t } = useI18n();
  const detail = error instanceof ResourceApiError ? Object.entries(error.detail).filter(([path]) => !shownUnderFields(path)) : [];
  return (
    <section aria-labelledby="preview-heading" className="space-y-3">
      <div className="flex items-center gap-3">
        <h2 id="preview-heading" className="text-lg font-semibold text-slate-900">
          {t("resource_pages.preview.heading")}
        </h2>
        <span aria-live="polite" className="text-xs text-slate-500" data-testid="preview-updating">
          {updating && data ? (
            <span className="inline-flex items-center gap-1.5">
              <Spinner className="text-brand-600" />
              {t("resource_pages.preview.updating")}
            </span>
          ) : null}
        </span>
      </div>
      {error ? (
        <Alert tone="error" title={t("resource_pages.preview.failed")}>
          <p>{previewErrorMessage(error, t)}</p>
          {detail.length ? (
            <ul className="mt-1 list-disc pl-5">
              {detail.map(([path, messages]) => (
                <li key={path}>
                  <span className="font-mono">{path}</span>: {messages.join(" ")}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {data ? (
        <PreviewTable preview={data} busy={updating} />
      ) : loading ? (
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <Spinner className="text-brand-600" />
          {t("resource_pages.preview.loading")}
        </p>
      ) : null}
    </section>
  );
}
