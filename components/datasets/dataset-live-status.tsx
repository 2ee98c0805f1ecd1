"use client";
import { FormattedDate } from "@/components/ui/formatted-date";
import { DatasetStatusBadges } from "@/components/datasets/dataset-status-badges";
import type { DatasetStatus } from "@/lib/datasets/schema";
import { useDatasetStatus } from "@/lib/datasets/hooks";
import { useI18n } from "@/lib/i18n/client";

export function DatasetLiveStatus({ uid, initial, isRestricted }: { uid: string; initial: DatasetStatus; isRestricted: boolean }) {
  const { t, locale } = useI18n();
  const { data, isError } = useDatasetStatus(uid, initial);
  const status = data ?? initial;
  return (
    <div aria-live="polite" className="space-y-1" data-testid="dataset-live-status">
      <DatasetStatusBadges isPublished={!!status.is_published} status={status.status} isRestricted={isRestricted} />
      <p className="text-xs text-slate-500">
        {t("datasets.detail.status_since")}{" "}
        <FormattedDate iso={status.since} locale={locale} />
      </p>
      {status.message ? <p className="text-sm text-red-700">{status.message}</p> : null}
      {isError ? <p className="text-xs text-amber-700">{t("datasets.detail.status_unavailable")}</p> : null}
    </div>
  );
}
