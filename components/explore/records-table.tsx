"use client";
// One page of published records; a column header sorts by its field (ascending, descending, then unsorted).
import clsx from "clsx";
import type { ExploreField } from "@/components/explore/explore-api";
import { cellText } from "@/components/resources/cell-text";
import { Table, Td, Th } from "@/components/ui/table";
import { useI18n } from "@/lib/i18n/client";

export type SortState = { field: string; direction: "asc" | "desc" } | null;

/** Geometries and files do not sort. */
const UNSORTABLE = new Set(["geo_point_2d", "geo_shape", "file", "json"]);
export const isSortable = (field: ExploreField) => !UNSORTABLE.has(field.type);

export function nextSort(current: SortState, field: string): SortState {
  if (current?.field !== field) return { field, direction: "asc" };
  return current.direction === "asc" ? { field, direction: "desc" } : null;
}

export function RecordsTable({
  fields,
  records,
  sort,
  onSort,
  stale,
}: {
  fields: ExploreField[];
  records: Record<string, unknown>[];
  sort: SortState;
  onSort: (field: string) => void;
  /** the previous page still shows while the next one loads */
  stale: boolean;
}) {
  const { t } = useI18n();
  return (
    <Table data-testid="records-table" aria-busy={stale || undefined} className={clsx(stale && "opacity-60")}>
      <thead>
        <tr>
          {fields.map((field) => {
            const sorted = sort?.field === field.name ? sort.direction : null;
            return (
              <Th key={field.name} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined} className="whitespace-nowrap">
                {isSortable(field) ? (
                  <button
                    type="button"
                    onClick={() => onSort(field.name)}
                    className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
                    title={t("records_pages.table.sort_by", { field: field.label })}
                  >
                    {field.label}
                    <span aria-hidden className="text-xs text-slate-400">
                      {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                    </span>
                  </button>
                ) : (
                  field.label
                )}
              </Th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {records.map((record, i) => (
          <tr key={typeof record._id === "string" ? record._id : i}>
            {fields.map((field) => {
              const text = cellText(record[field.name]);
              return (
                <Td key={field.name} className="max-w-xs truncate" title={text.length > 40 ? text : undefined}>
                  {text}
                </Td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
