"use client";
// The processor types (GET /processors/) to choose a new step from: a search box over their names and
// descriptions, then one button per type.
import { useId, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ProcessorTypeInfo } from "@/components/processing/processing-api";
import { useI18n } from "@/lib/i18n/client";

const normalize = (text: string) => text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

export function ProcessorCatalog({
  open,
  onOpenChange,
  types,
  onChoose,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  types: ProcessorTypeInfo[];
  onChoose: (type: ProcessorTypeInfo) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const searchId = useId();
  const resultsId = useId();
  const words = normalize(query).split(/\s+/).filter(Boolean);
  const matches = types.filter((type) => {
    const haystack = normalize(`${type.label} ${type.type} ${type.description}`);
    return words.every((word) => haystack.includes(word));
  });
  const chosen = useRef(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setQuery("");
        onOpenChange(next);
      }}
      title={t("processing_pages.catalog.title")}
      description={t("processing_pages.catalog.description")}
      closeLabel={t("common.cancel")}
      size="lg"
      // a chosen type opens its form, which takes the focus
      onCloseAutoFocus={(event) => {
        if (chosen.current) event.preventDefault();
        chosen.current = false;
      }}
    >
      <div className="space-y-4">
        <div className="space-y-1.5">
          <label htmlFor={searchId} className="block text-sm font-medium text-slate-800">
            {t("processing_pages.catalog.search")}
          </label>
          <Input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" aria-controls={resultsId} />
        </div>
        <p aria-live="polite" className="text-xs text-slate-500">
          {matches.length === 0 ? t("processing_pages.catalog.no_match", { query }) : t("processing_pages.catalog.count", { count: matches.length })}
        </p>
        <ul id={resultsId} className="divide-y divide-slate-100 rounded-md border border-slate-200" aria-label={t("processing_pages.catalog.list")}>
          {matches.map((type) => (
            <li key={type.type}>
              <button
                type="button"
                className="block w-full px-4 py-3 text-left hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:outline-none focus-visible:ring-inset"
                onClick={() => {
                  chosen.current = true;
                  setQuery("");
                  onChoose(type);
                }}
                aria-labelledby={`${resultsId}-${type.type}-label`}
                aria-describedby={`${resultsId}-${type.type}`}
              >
                <span id={`${resultsId}-${type.type}-label`} className="block text-sm font-medium text-slate-900">
                  {type.label}
                </span>
                <span id={`${resultsId}-${type.type}`} className="mt-0.5 block text-sm text-slate-600">
                  {type.description}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
