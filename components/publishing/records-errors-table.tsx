"use client";
// The per-record errors of the last publish (the status' records_errors): which record, which step (a processor,
// by its label, or a field configuration), why.
import type { LiveStatusSnapshot } from "@/components/publishing/publishing-api";
import { Table, Td, Th } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";

/** How many errors the table lists; the status carries the first ones only. */
const SHOWN = 20;

export function RecordsErrorsTable({
  errors,
  total,
  processorLabels,
}: {
  errors: LiveStatusSnapshot["status"]["records_errors"];
  total: number;
  /** processor uid → its label; a processor deleted since shows its uid */
  processorLabels: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const shown = errors.slice(0, SHOWN);
  return (
    <section className="space-y-2" aria-labelledby="records-errors-heading">
      <h2 id="records-errors-heading" className="font-medium text-slate-900">
        {t("publishing_pages.records_errors.heading")}
      </h2>
      <p className="text-sm text-slate-600">
        {t("publishing_pages.records_errors.showing", { shown: number.format(shown.length), total: number.format(Math.max(total, errors.length)) })}
      </p>
      <Table data-testid="records-errors">
        <thead>
          <tr>
            <Th>{t("publishing_pages.records_errors.record")}</Th>
            <Th>{t("publishing_pages.records_errors.processor")}</Th>
            <Th>{t("publishing_pages.records_errors.message")}</Th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => (
            <tr key={`${e.record_id}-${i}`}>
              <Td className="font-mono text-xs">{e.record_id}</Td>
              <Td>
                {e.processor_uid ? (
                  (processorLabels[e.processor_uid] ?? <span className="font-mono text-xs">{e.processor_uid}</span>)
                ) : e.field_uid ? (
                  <span className="font-mono text-xs">{e.field_uid}</span>
                ) : (
                  t("common.none")
                )}
              </Td>
              <Td>{e.message}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
