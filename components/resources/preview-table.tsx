"use client";
// The first records of a resource as a table: one column per field (label and type), every value shown as plain
// text — records come from files anyone may have written, so nothing in them is ever interpreted as markup.
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { Td, Th } from "@/components/ui/table";
import { cellText } from "@/components/resources/cell-text";
import type { ResourcePreview } from "@/components/resources/resource-api";
import { useI18n } from "@/lib/i18n/client";

const MAX_ROWS = 20;

export function PreviewTable({ preview, busy }: { preview: ResourcePreview; busy?: boolean }) {
  const { t } = useI18n();
  const captionId = useId();
  const records = preview.records.slice(0, MAX_ROWS);
  if (preview.fields.length === 0 || records.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">{t("resource_pages.preview.empty")}</p>;
  }
  return (
    <div className="space-y-2">
      <p id={captionId} className="text-xs text-slate-500">
        {records.length === 1 ? t("resource_pages.preview.rows_one") : t("resource_pages.preview.rows", { count: records.length })}
      </p>
      {/* focusable so that keyboard users can scroll it sideways */}
      <div
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        data-testid="preview-table"
      >
        <table className={busy ? "w-full border-collapse text-left text-sm opacity-60 transition-opacity" : "w-full border-collapse text-left text-sm"} aria-busy={busy || undefined}>
          <caption className="sr-only">{t("resource_pages.preview.caption")}</caption>
          <thead className="sticky top-0">
            <tr>
              {preview.fields.map((field) => (
                <Th key={field.name} className="align-bottom whitespace-nowrap">
                  <span className="block text-slate-800">{field.label}</span>
                  <Badge tone="blue" className="mt-1 font-mono">
                    <span aria-hidden>{field.type}</span>
                    <span className="sr-only">{t("resource_pages.preview.field_type", { type: field.type })}</span>
                  </Badge>
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.map((record, index) => (
              <tr key={index}>
                {preview.fields.map((field) => (
                  <Td key={field.name} className="max-w-xs truncate py-2" title={cellText(record[field.name])}>
                    {cellText(record[field.name])}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
