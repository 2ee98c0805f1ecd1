import Link from "next/link";
import { DatasetStatusBadges } from "@/components/datasets/dataset-status-badges";
import { FormattedDate } from "@/components/ui/formatted-date";
import { LinkPending } from "@/components/ui/link-pending";
import { Table, Td, Th } from "@/components/ui/table";
import type { Dataset } from "@/lib/datasets/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translator";

// Sorting and paging happen in the database (the list can hold 100,000 datasets), so this is plain semantic HTML.
export function DatasetTable({ datasets, t, locale }: { datasets: Dataset[]; t: Translate; locale: Locale }) {
  return (
    <Table data-testid="dataset-table">
      <thead>
        <tr>
          <Th>{t("datasets.columns.title")}</Th>
          <Th>{t("datasets.columns.status")}</Th>
          <Th className="hidden md:table-cell">{t("datasets.columns.updated_at")}</Th>
          <Th className="hidden lg:table-cell">{t("datasets.columns.created_by")}</Th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((dataset) => (
          <tr key={dataset.uid} className="hover:bg-slate-50">
            <Td>
              <Link href={`/datasets/${dataset.uid}`} className="font-medium text-brand-700 hover:underline">
                {String(dataset.metadata.default?.title?.value ?? dataset.dataset_id)}
                <LinkPending />
              </Link>
              <div className="mt-0.5 font-mono text-xs text-slate-500">{dataset.dataset_id}</div>
            </Td>
            <Td>
              <DatasetStatusBadges isPublished={dataset.is_published} status={dataset.status} isRestricted={dataset.is_restricted} />
            </Td>
            <Td className="hidden whitespace-nowrap text-slate-600 md:table-cell">
              <FormattedDate iso={dataset.updated_at} locale={locale} />
            </Td>
            <Td className="hidden text-slate-600 lg:table-cell">{dataset.created_by?.username ?? t("common.none")}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
