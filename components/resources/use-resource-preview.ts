"use client";
// The preview of the configuration being edited: POST …/resources/preview/ through React Query, keyed by the
// configuration, asked ~300 ms after the last change, the previous table kept on screen while the next one
// loads. When the configuration is the saved one, the saved preview answers (GET …/{resource_uid}/preview/): it
// uses the stored credentials of a remote source, which an unsaved configuration cannot carry.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { previewSaved, previewUnsaved, type Datasource } from "@/components/resources/resource-api";

export const PREVIEW_DEBOUNCE_MS = 300;

export type PreviewConfig = { datasource: Datasource; type: string; params: Record<string, unknown> };

/** JSON with object keys sorted, so that equal configurations give equal strings. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** `value` once it has stopped changing for `ms`; the first non-null value passes at once. */
export function useDebouncedValue<T>(value: T, ms: number): { value: T; settled: boolean } {
  const key = stableStringify(value) ?? "null";
  const [debounced, setDebounced] = useState<{ key: string; value: T }>({ key, value });
  if (debounced.key === "null" && key !== "null") setDebounced({ key, value });
  useEffect(() => {
    if (key === debounced.key) return;
    const timer = setTimeout(() => setDebounced({ key, value: JSON.parse(key) as T }), ms);
    return () => clearTimeout(timer);
  }, [key, ms, debounced.key]);
  return { value: debounced.value, settled: key === debounced.key };
}

export function useResourcePreview(dataset_uid: string, config: PreviewConfig | null, saved?: { resource_uid: string; config: PreviewConfig }) {
  const { value: debounced, settled } = useDebouncedValue(config, PREVIEW_DEBOUNCE_MS);
  const useSaved = !!saved && !!debounced && stableStringify(debounced) === stableStringify(saved.config);
  const query = useQuery({
    queryKey: ["datasets", dataset_uid, "resources", "preview", useSaved ? { resource_uid: saved!.resource_uid } : debounced],
    queryFn: ({ signal }) => (useSaved ? previewSaved(dataset_uid, saved!.resource_uid, signal) : previewUnsaved(dataset_uid, debounced!, signal)),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
  return { query, waiting: !settled || (query.isFetching && query.isPlaceholderData) };
}
