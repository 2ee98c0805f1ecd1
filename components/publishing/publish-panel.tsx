"use client";
// A dataset's publish panel: the live status (server-sent events, polling when the stream is not open), the
// actions the status machine allows (for users with the publish right), the latest job's progress, the
// per-record errors of the last publish, and the recent publishes.
import { ConsoleApiError } from "@/components/api/console-api";
import { DatasetStatusBadges } from "@/components/datasets/dataset-status-badges";
import { PublishActions } from "@/components/publishing/publish-actions";
import { PublishHistory } from "@/components/publishing/publish-history";
import { PublishProgress } from "@/components/publishing/publish-progress";
import type { LiveStatusSnapshot, PublishJob } from "@/components/publishing/publishing-api";
import { RecordsErrorsTable } from "@/components/publishing/records-errors-table";
import { useLiveStatus, usePublishJobs, type PublishingExtensions } from "@/components/publishing/use-publishing";
import { Alert } from "@/components/ui/alert";
import { FormattedDate } from "@/components/ui/formatted-date";
import { useI18n } from "@/lib/i18n/client";

/** The history with the live job's figures in place of the fetched ones (and first, when not fetched yet). */
function withLiveJob(jobs: PublishJob[], live: PublishJob | null): PublishJob[] {
  if (!live) return jobs;
  return jobs.some((j) => j.uid === live.uid) ? jobs.map((j) => (j.uid === live.uid ? live : j)) : [live, ...jobs];
}

export function PublishPanel({
  dataset_uid,
  canPublish,
  isRestricted,
  initial,
  processorLabels,
  extensions,
  upstream,
}: {
  dataset_uid: string;
  canPublish: boolean;
  isRestricted: boolean;
  initial: LiveStatusSnapshot;
  processorLabels: Record<string, string>;
  extensions: PublishingExtensions;
  /** proxy mode: the upstream's host (named where one of its answers is missing) */
  upstream: string | null;
}) {
  const { t, locale } = useI18n();
  const live = useLiveStatus(dataset_uid, initial, extensions);
  const { status, job } = live.data;
  const jobs = usePublishJobs(dataset_uid, job, extensions.publishHistory);
  const jobsError = jobs.error ? (jobs.error instanceof ConsoleApiError ? jobs.error.message : t("errors.generic")) : null;

  return (
    <div className="space-y-6">
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="publish-status-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="publish-status-heading" className="font-medium text-slate-900">
            {t("publishing_pages.status.heading")}
          </h2>
          <p className="text-xs text-slate-500" data-testid="live-transport">
            {live.transport === "stream" ? t("publishing_pages.status.live") : t("publishing_pages.status.polling")}
          </p>
        </div>
        <div aria-live="polite" className="space-y-1" data-testid="publish-status">
          <DatasetStatusBadges isPublished={!!status.is_published} status={status.status} isRestricted={isRestricted} showIdle />
          <p className="text-xs text-slate-500">
            {t("datasets.detail.status_since")} <FormattedDate iso={status.since} locale={locale} />
          </p>
        </div>
        {status.message ? (
          <Alert tone={status.status === "error" ? "error" : "warning"} title={t("publishing_pages.status.message")}>
            {status.message}
          </Alert>
        ) : null}
        {live.isError ? <Alert tone="warning">{t("datasets.detail.status_unavailable")}</Alert> : null}
        {canPublish ? (
          <PublishActions dataset_uid={dataset_uid} status={status} />
        ) : (
          <p className="text-sm text-slate-600">{t("publishing_pages.read_only_notice")}</p>
        )}
      </section>

      {job ? (
        <PublishProgress job={job} />
      ) : !extensions.publishHistory ? null : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">{t("publishing_pages.never_published")}</p>
      )}

      {status.records_errors.length > 0 ? (
        <RecordsErrorsTable errors={status.records_errors} total={job?.function === "publish" ? job.errors_count : status.records_errors.length} processorLabels={processorLabels} />
      ) : null}

      {extensions.publishHistory ? (
        <PublishHistory jobs={withLiveJob(jobs.data ?? [], job)} loading={jobs.isPending} error={jobsError} />
      ) : (
        <p className="text-sm text-slate-600" data-testid="publish-history-unavailable">
          {t("proxy.publish_history_unavailable", { upstream: upstream ?? "" })}
        </p>
      )}
    </div>
  );
}
