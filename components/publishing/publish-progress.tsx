"use client";
// The latest job of the dataset: what it does, its state, a progress bar over the bytes read, and the figures
// (records done, rate, errors, elapsed time), live while it runs.
import type { ReactNode } from "react";
import { formatDuration, jobElapsed } from "@/components/publishing/format-duration";
import { JobStateBadge } from "@/components/publishing/job-state-badge";
import type { PublishJob } from "@/components/publishing/publishing-api";
import { useNow } from "@/components/publishing/use-now";
import { formatBytes } from "@/lib/files/format-bytes";
import { useI18n } from "@/lib/i18n/client";

const ACTIVE: PublishJob["state"][] = ["queued", "running"];

export function PublishProgress({ job }: { job: PublishJob }) {
  const { t, locale } = useI18n();
  const active = ACTIVE.includes(job.state);
  const now = useNow(active);
  const number = new Intl.NumberFormat(locale);
  const elapsed = jobElapsed(job, now);
  const known = job.bytes_total > 0;
  const ratio = known ? Math.min(1, job.bytes_done / job.bytes_total) : job.state === "succeeded" ? 1 : 0;
  const percent = Math.floor(ratio * 100);
  const percentText = new Intl.NumberFormat(locale, { style: "percent" }).format(percent / 100);
  const bytes = known ? t("publishing_pages.progress.bytes", { done: formatBytes(job.bytes_done), total: formatBytes(job.bytes_total) }) : null;
  const withRecords = job.function === "publish";

  return (
    <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="publish-progress-heading" data-testid="publish-progress">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="publish-progress-heading" className="font-medium text-slate-900">
          {t("publishing_pages.progress.heading", { action: t(`publishing_pages.function.${job.function}`) })}
        </h2>
        <JobStateBadge state={job.state} />
      </div>
      {withRecords ? (
        <div className="space-y-1.5">
          <div
            role="progressbar"
            aria-label={t("publishing_pages.progress.label")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={known || job.state === "succeeded" ? percent : undefined}
            aria-valuetext={bytes ? `${percentText} · ${bytes}` : percentText}
            className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full rounded-full bg-brand-600 transition-[width] duration-300" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-xs text-slate-600 tabular-nums">
            {percentText}
            {bytes ? ` · ${bytes}` : null}
          </p>
        </div>
      ) : null}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {withRecords ? (
          <>
            <Figure label={t("publishing_pages.progress.records")} testId="progress-records">
              {number.format(job.records_done)}
              {job.records_skipped > 0 ? <span className="ml-1 text-xs font-normal text-slate-500">{t("publishing_pages.progress.skipped", { count: number.format(job.records_skipped) })}</span> : null}
            </Figure>
            <Figure label={t("publishing_pages.progress.rate")}>
              {job.records_per_second === null ? t("common.none") : t("publishing_pages.progress.per_second", { rate: number.format(job.records_per_second) })}
            </Figure>
            <Figure label={t("publishing_pages.progress.errors")} testId="progress-errors">
              {number.format(job.errors_count)}
            </Figure>
          </>
        ) : null}
        <Figure label={t("publishing_pages.progress.elapsed")}>{elapsed === null ? t("common.none") : formatDuration(elapsed, locale)}</Figure>
      </dl>
      {job.message ? <p className={job.state === "failed" ? "text-sm text-red-700" : "text-sm text-slate-700"}>{job.message}</p> : null}
    </section>
  );
}

function Figure({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
