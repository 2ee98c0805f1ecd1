"use client";
// The dataset's recent publishes, newest first; the running one shows its live figures.
import { formatDuration, jobElapsed } from "@/components/publishing/format-duration";
import { JobStateBadge } from "@/components/publishing/job-state-badge";
import type { PublishJob } from "@/components/publishing/publishing-api";
import { useNow } from "@/components/publishing/use-now";
import { Alert } from "@/components/ui/alert";
import { FormattedDate } from "@/components/ui/formatted-date";
import { Spinner } from "@/components/ui/spinner";
import { Table, Td, Th } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";

export function PublishHistory({ jobs, loading, error }: { jobs: PublishJob[]; loading: boolean; error: string | null }) {
  const { t, locale } = useI18n();
  const now = useNow(jobs.some((j) => j.state === "running"));
  const number = new Intl.NumberFormat(locale);
  return (
    <section className="space-y-2" aria-labelledby="publish-history-heading">
      <h2 id="publish-history-heading" className="font-medium text-slate-900">
        {t("publishing_pages.history.heading")}
      </h2>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {loading ? (
        <Spinner label={t("common.loading")} className="text-slate-500" />
      ) : jobs.length === 0 ? (
        <p className="text-sm text-slate-600">{t("publishing_pages.history.empty")}</p>
      ) : (
        <Table data-testid="publish-history">
          <thead>
            <tr>
              <Th>{t("publishing_pages.history.action")}</Th>
              <Th>{t("publishing_pages.history.state")}</Th>
              <Th>{t("publishing_pages.history.started")}</Th>
              <Th>{t("publishing_pages.history.duration")}</Th>
              <Th className="text-right">{t("publishing_pages.history.records")}</Th>
              <Th className="text-right">{t("publishing_pages.history.errors")}</Th>
              <Th>{t("publishing_pages.history.message")}</Th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => {
              const elapsed = jobElapsed(job, now);
              const records = job.function === "publish";
              return (
                <tr key={job.uid}>
                  <Td>{t(`publishing_pages.function.${job.function}`)}</Td>
                  <Td>
                    <JobStateBadge state={job.state} />
                  </Td>
                  <Td className="whitespace-nowrap">{job.started_at ? <FormattedDate iso={job.started_at} locale={locale} /> : t("common.none")}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{elapsed === null ? t("common.none") : formatDuration(elapsed, locale)}</Td>
                  <Td className="text-right tabular-nums">{records ? number.format(job.records_done) : t("common.none")}</Td>
                  <Td className="text-right tabular-nums">{records ? number.format(job.errors_count) : t("common.none")}</Td>
                  <Td className="max-w-sm text-slate-700">{job.message ?? ""}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </section>
  );
}
