"use client";
// Reordering a saved list (processors, field configurations): the move shows at once in the query cache and is
// saved in the background; if saving fails, the old order comes back and the error is reported.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";

export function moveItem<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

export function useOptimisticReorder<T extends { uid: string }>({
  queryKey,
  current,
  save,
  setError,
}: {
  queryKey: QueryKey;
  /** the list on screen, when the cache has none */
  current: T[];
  save: (uids: string[]) => Promise<{ ok: true } | { ok: false; error: { message: string } }>;
  setError: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);

  const move = async (from: number, to: number) => {
    const previous = queryClient.getQueryData<T[]>(queryKey) ?? current;
    const next = moveItem(previous, from, to);
    setError(null);
    setSaving(true);
    await queryClient.cancelQueries({ queryKey });
    queryClient.setQueryData(queryKey, next);
    const result = await save(next.map((item) => item.uid));
    setSaving(false);
    if (!result.ok) {
      queryClient.setQueryData(queryKey, previous);
      setError(t("processing_pages.reorder.failed", { message: result.error.message }));
      return;
    }
    void queryClient.invalidateQueries({ queryKey });
  };

  return { move, saving };
}
