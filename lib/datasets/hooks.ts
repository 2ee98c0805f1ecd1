"use client";
import { useQuery } from "@tanstack/react-query";
import type { DatasetStatus } from "@/lib/datasets/schema";
import { apiGet } from "@/lib/http/api-client";

const STATUS_POLL_MS = 5_000;

/** GET /datasets/{uid}/status/, polled while the page is open. */
export function useDatasetStatus(uid: string, initialData?: DatasetStatus) {
  return useQuery({
    queryKey: ["datasets", uid, "status"],
    queryFn: ({ signal }) => apiGet<DatasetStatus>(`/datasets/${encodeURIComponent(uid)}/status/`, signal),
    initialData,
    refetchInterval: STATUS_POLL_MS,
  });
}
