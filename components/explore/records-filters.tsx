"use client";
// The explorer's filters: a full-text search (applied as the user types), an ODSQL where clause (applied on
// submit, with the API's ODSQLError under the field), and the facet refinements as removable chips.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";

export function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="min-w-60 flex-1">
      <label htmlFor="records-search" className="sr-only">
        {t("records_pages.filters.search_label")}
      </label>
      <Input id="records-search" type="search" value={value} placeholder={t("records_pages.filters.search_placeholder")} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function WhereForm({ applied, error, onApply }: { applied: string; error: string | null; onApply: (where: string) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(applied);
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft.trim());
      }}
    >
      <FormField id="records-where" label={t("records_pages.filters.where_label")} help={t("records_pages.filters.where_help")} error={error ?? undefined} className="min-w-72 flex-1">
        {(control) => <Input {...control} className="font-mono" value={draft} placeholder='population > 1000 AND city = "Paris"' onChange={(e) => setDraft(e.target.value)} />}
      </FormField>
      <div className="flex gap-2 pt-7">
        <Button type="submit" variant="secondary">
          {t("records_pages.filters.where_apply")}
        </Button>
        {applied ? (
          <Button
            variant="ghost"
            onClick={() => {
              setDraft("");
              onApply("");
            }}
          >
            {t("records_pages.filters.where_clear")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export function RefineChips({ refine, labelOf, onRemove }: { refine: string[]; labelOf: (field: string) => string; onRemove: (refine: string) => void }) {
  const { t } = useI18n();
  if (refine.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("records_pages.filters.refinements")} data-testid="refine-chips">
      {refine.map((r) => {
        const colon = r.indexOf(":");
        const text = `${labelOf(r.slice(0, colon))}: ${r.slice(colon + 1)}`;
        return (
          <li key={r} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-3 text-sm text-brand-700 ring-1 ring-brand-600/20 ring-inset">
            {text}
            <button
              type="button"
              onClick={() => onRemove(r)}
              aria-label={t("records_pages.filters.remove_refinement", { filter: text })}
              className="inline-flex size-5 items-center justify-center rounded-full hover:bg-brand-100 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none"
            >
              <span aria-hidden>×</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
