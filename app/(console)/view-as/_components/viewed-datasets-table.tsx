// The published datasets a subject sees, each with what narrows it and why; a title opens it below.
import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { reasonSentences } from "@/lib/dataset-security/access-reasons";
import type { ViewedDataset } from "@/lib/dataset-security/view-as";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translator";
import { AccessBadges } from "./access-badges";

export function ViewedDatasetsTable({
  datasets,
  name,
  selected,
  href,
  t,
  locale,
}: {
  datasets: ViewedDataset[];
  /** whose view, in words */
  name: string;
  selected: string | null;
  href: (dataset_id: string) => string;
  t: Translate;
  locale: Locale;
}) {
  if (datasets.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-slate-700">{t("view_as.datasets.none")}</p>;
  }
  return (
    <Table data-testid="view-as-datasets">
      <caption className="sr-only">{t("view_as.datasets.caption", { name })}</caption>
      <thead>
        <tr>
          <Th>{t("view_as.datasets.col_dataset")}</Th>
          <Th>{t("view_as.datasets.col_access")}</Th>
          <Th className="text-right">{t("view_as.datasets.col_records")}</Th>
          <Th>{t("view_as.datasets.col_why")}</Th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((view) => {
          const { dataset_id, access, records_count } = view.dataset;
          const current = dataset_id === selected;
          return (
            <tr key={dataset_id} data-testid={`view-as-dataset-${dataset_id}`} className={current ? "bg-brand-50" : undefined}>
              <Td>
                <Link href={href(dataset_id)} aria-current={current ? "true" : undefined} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {view.title}
                </Link>
                <div className="font-mono text-xs text-slate-600">{dataset_id}</div>
              </Td>
              <Td>
                <AccessBadges view={view} t={t} />
              </Td>
              <Td className="text-right tabular-nums">{access.is_data_visible ? records_count.toLocaleString(locale) : t("common.none")}</Td>
              <Td data-testid="view-as-why">{reasonSentences(access.reasons, t).join(" · ")}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
