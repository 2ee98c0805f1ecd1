"use client";
// The facets of the current filter: each facet field with its most frequent values and their counts. Choosing
// a value refines the records by it; choosing a refined value removes that refinement.
import clsx from "clsx";
import type { ExploreField, FacetGroup } from "@/components/explore/explore-api";
import { Spinner } from "@/components/ui/spinner";
import { useI18n } from "@/lib/i18n/client";

export function FacetsSidebar({
  fields,
  facets,
  refined,
  loading,
  error,
  onToggle,
}: {
  fields: ExploreField[];
  facets: FacetGroup[] | undefined;
  refined: string[];
  loading: boolean;
  error: string | null;
  onToggle: (refine: string) => void;
}) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  return (
    <aside className="space-y-5" aria-label={t("records_pages.facets.label")} data-testid="facets">
      <h2 className="text-sm font-semibold text-slate-900">{t("records_pages.facets.heading")}</h2>
      {error ? <p className="text-sm text-red-700">{error}</p> : null}
      {loading && !facets ? <Spinner label={t("common.loading")} className="text-slate-500" /> : null}
      {fields.map((field) => {
        const values = facets?.find((f) => f.name === field.name)?.facets.filter((v) => v.state !== "excluded") ?? [];
        return (
          <section key={field.name} aria-labelledby={`facet-${field.name}`}>
            <h3 id={`facet-${field.name}`} className="mb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">
              {field.label}
            </h3>
            {facets && values.length === 0 ? <p className="text-xs text-slate-500">{t("records_pages.facets.no_values")}</p> : null}
            <ul className="space-y-0.5">
              {values.map((value) => {
                const refine = `${field.name}:${value.value}`;
                const active = refined.includes(refine);
                return (
                  <li key={value.value}>
                    <button
                      type="button"
                      aria-pressed={active}
                      onClick={() => onToggle(refine)}
                      className={clsx(
                        "flex w-full items-center justify-between gap-2 rounded px-2 py-1 text-left text-sm focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none",
                        active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100",
                      )}
                    >
                      <span className="truncate">{value.name}</span>
                      {value.count !== undefined ? <span className="text-xs text-slate-500 tabular-nums">{number.format(value.count)}</span> : null}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
