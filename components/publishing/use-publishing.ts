"use client";
// React Query over the publishing API. The live snapshot is one query that two sources fill: the server-sent
// event stream while it is open (each `status` event is written into the cache), and polling every second
// whenever the stream is not open — EventSource missing, not yet connected, or failed and reconnecting. The
// dataset's plain status query (the overview's badge) is kept in step from the same snapshots.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import {
  getLiveStatus,
  getPlainStatus,
  listPublishJobs,
  liveStatusStreamUrl,
  runPublishingAction,
  type LiveStatusSnapshot,
  type PublishingAction,
  type PublishJob,
} from "@/components/publishing/publishing-api";

export const LIVE_POLL_MS = 1_000;

export const publishingKeys = {
  live: (dataset_uid: string) => ["datasets", dataset_uid, "publishing", "live"] as const,
  jobs: (dataset_uid: string) => ["datasets", dataset_uid, "publishing", "jobs"] as const,
  /** the history as of the latest job's identity and state: a new job, or a job that changes state, refetches it */
  jobsAt: (dataset_uid: string, latest: PublishJob | null) => ["datasets", dataset_uid, "publishing", "jobs", latest?.uid ?? null, latest?.state ?? null] as const,
  /** the key of useDatasetStatus (lib/datasets/hooks.ts) */
  status: (dataset_uid: string) => ["datasets", dataset_uid, "status"] as const,
};

export type LiveTransport = "stream" | "polling";

/** Subscribes to the event stream (unless `enabled` is false); answers whether it is open right now. */
function useStatusStream(dataset_uid: string, onSnapshot: (snapshot: LiveStatusSnapshot) => void, enabled: boolean): boolean {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource(liveStatusStreamUrl(dataset_uid), { withCredentials: true });
    const onStatus = (event: MessageEvent<string>) => {
      try {
        onSnapshot(JSON.parse(event.data) as LiveStatusSnapshot);
        setOpen(true);
      } catch {
        // a malformed event: the next one, or polling, brings the status
      }
    };
    source.addEventListener("status", onStatus);
    source.onopen = () => setOpen(true);
    // EventSource reconnects by itself (the server ends streams after a while); polling covers the gap.
    source.onerror = () => setOpen(false);
    return () => {
      source.removeEventListener("status", onStatus);
      source.close();
      setOpen(false);
    };
  }, [dataset_uid, onSnapshot, enabled]);
  return open;
}

/**
 * `extensions`: whether the API behind the console has our live status and publish history — in proxy mode an
 * upstream that speaks only the official API has neither, and the status is polled (lib/features/service.ts).
 */
export type PublishingExtensions = { liveStatus: boolean; publishHistory: boolean };

export function useLiveStatus(dataset_uid: string, initialData: LiveStatusSnapshot, extensions: PublishingExtensions = { liveStatus: true, publishHistory: true }) {
  const queryClient = useQueryClient();
  const onSnapshot = useCallback(
    (snapshot: LiveStatusSnapshot) => queryClient.setQueryData(publishingKeys.live(dataset_uid), snapshot),
    [queryClient, dataset_uid],
  );
  const streaming = useStatusStream(dataset_uid, onSnapshot, extensions.liveStatus);
  const query = useQuery({
    queryKey: publishingKeys.live(dataset_uid),
    queryFn: ({ signal }) => (extensions.liveStatus ? getLiveStatus(dataset_uid, signal) : getPlainStatus(dataset_uid, signal)),
    initialData,
    refetchInterval: streaming ? false : LIVE_POLL_MS,
    refetchOnWindowFocus: !streaming,
  });
  // Whatever brought it, the latest status also feeds the plain status query.
  const status = query.data.status;
  useEffect(() => {
    queryClient.setQueryData(publishingKeys.status(dataset_uid), status);
  }, [queryClient, dataset_uid, status]);
  return { ...query, transport: (streaming ? "stream" : "polling") as LiveTransport };
}

/** The recent publishes, refetched when the live snapshot's latest job starts, changes state or ends. */
export function usePublishJobs(dataset_uid: string, latest: PublishJob | null, enabled = true) {
  return useQuery({
    queryKey: publishingKeys.jobsAt(dataset_uid, latest),
    queryFn: ({ signal }) => listPublishJobs(dataset_uid, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePublishingAction(dataset_uid: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: PublishingAction) => runPublishingAction(dataset_uid, action),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: publishingKeys.live(dataset_uid) }),
        queryClient.invalidateQueries({ queryKey: publishingKeys.jobs(dataset_uid) }),
      ]),
  });
}
