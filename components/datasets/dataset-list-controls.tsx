"use client";
// Search and sort for the dataset list. The state lives in the URL (shareable, back-button friendly, and the
// server renders the page from it); without JavaScript the same controls submit as a GET form.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Input, Select } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { DATASET_SORTS, type DatasetSort } from "@/lib/datasets/schema";
import { useI18n } from "@/lib/i18n/client";

const SEARCH_DEBOUNCE_MS = 300;

export function DatasetListControls({ search, sort, size }: { search: string; sort: DatasetSort; size: number }) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [draft, setDraft] = useState(search);
  const [requested, setRequested] = useState(search);
  const [seenSearch, setSeenSearch] = useState(search);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The URL changed without us (back button, "clear search" link): show its search. Our own navigations are
  // left alone, so characters typed while a search is in flight are not overwritten.
  if (search !== seenSearch) {
    setSeenSearch(search);
    if (search !== requested) {
      setRequested(search);
      setDraft(search);
    }
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const navigate = (next: { q: string; sort: string }) => {
    setRequested(next.q.trim());
    const params = new URLSearchParams();
    if (next.q.trim()) params.set("q", next.q.trim());
    if (next.sort !== "-updated_at") params.set("sort", next.sort);
    if (size !== 25) params.set("size", String(size));
    const query = params.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  return (
    <form
      method="get"
      role="search"
      className="flex flex-col gap-3 sm:flex-row sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        timer.current = undefined;
        navigate({ q: draft, sort });
      }}
    >
      <div className="flex-1">
        <label htmlFor="dataset-search" className="mb-1.5 block text-sm font-medium text-slate-700">
          {t("datasets.search_label")}
        </label>
        <div className="relative">
        <Input
          id="dataset-search"
          type="search"
          name="q"
          value={draft}
          placeholder={t("datasets.search_placeholder")}
          onChange={(event) => {
            const q = event.target.value;
            setDraft(q);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => {
              timer.current = undefined;
              navigate({ q, sort });
            }, SEARCH_DEBOUNCE_MS);
          }}
          onBlur={(event) => {
            // A search still waiting for its debounce must not fire after the user has moved on: clicking a
            // dataset right after typing would otherwise be overridden by the search's navigation.
            if (timer.current === undefined) return;
            clearTimeout(timer.current);
            timer.current = undefined;
            const leavingThroughLink = event.relatedTarget instanceof HTMLAnchorElement;
            if (!leavingThroughLink && draft.trim() !== search) navigate({ q: draft, sort });
          }}
          className="pr-10"
        />
        <span className="absolute top-1/2 right-3 -translate-y-1/2 text-brand-600" aria-live="polite">
          {pending ? <Spinner label={t("common.loading")} /> : null}
        </span>
        </div>
      </div>
      <div className="sm:w-64">
        <label htmlFor="dataset-sort" className="mb-1.5 block text-sm font-medium text-slate-700">
          {t("datasets.sort_label")}
        </label>
        <Select id="dataset-sort" name="sort" value={sort} onChange={(event) => navigate({ q: draft, sort: event.target.value })}>
          {DATASET_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`datasets.sort.${s}`)}
            </option>
          ))}
        </Select>
      </div>
      <noscript>
        <button type="submit" className="h-10 rounded-md border border-slate-300 px-4 text-sm">
          {t("datasets.search_label")}
        </button>
      </noscript>
    </form>
  );
}
