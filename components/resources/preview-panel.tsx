"use client";
// The preview section: heading, a quiet "Updating…" while the next preview loads (the previous table stays),
// the error of the last attempt above the table, and the table.
import { PreviewErrorAlert, PreviewLoading, PreviewUpdating } from "@/components/resources/preview-status";
import { PreviewTable } from "@/components/resources/preview-table";
import type { ResourcePreview } from "@/components/resources/resource-api";
import { useI18n } from "@/lib/i18n/client";

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
  return (
    <section aria-labelledby="preview-heading" className="space-y-3">
      <div className="flex items-center gap-3">
        <h2 id="preview-heading" className="text-lg font-semibold text-slate-900">
          {t("resource_pages.preview.heading")}
        </h2>
        <span aria-live="polite" className="text-xs text-slate-500" data-testid="preview-updating">
          {updating && data ? <PreviewUpdating label={t("resource_pages.preview.updating")} /> : null}
        </span>
      </div>
      {error ? <PreviewErrorAlert error={error} title={t("resource_pages.preview.failed")} t={t} shownElsewhere={shownUnderFields} /> : null}
      {data ? <PreviewTable preview={data} busy={updating} /> : loading ? <PreviewLoading label={t("resource_pages.preview.loading")} /> : null}
    </section>
  );
}
