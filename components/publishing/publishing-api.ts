// The console as a client of the publishing API: the live snapshot (status + latest job), the recent publishes,
// and the four actions. The actions are POSTs through the console client, which adds the console header (CSRF
// guard) and turns the API's error answers into ConsoleApiError with the API's message.
import { API_BASE, apiRequest } from "@/components/api/console-api";
import type { DatasetStatus } from "@/lib/datasets/schema";
import type { PublishJob } from "@/lib/publishing/schema";

export type { PublishJob };
export type LiveStatusSnapshot = { status: DatasetStatus; job: PublishJob | null };
export type PublishingAction = "publish" | "publish_metadata" | "abort" | "unpublish";

/** How many recent publishes the history shows. */
export const HISTORY_LIMIT = 10;

const datasetPath = (dataset_uid: string) => `/datasets/${encodeURIComponent(dataset_uid)}`;

/** The URL of the server-sent event stream of the live status (EventSource cannot go through apiRequest). */
export const liveStatusStreamUrl = (dataset_uid: string) => `${API_BASE}${datasetPath(dataset_uid)}/status/live/`;

export function getLiveStatus(dataset_uid: string, signal?: AbortSignal) {
  return apiRequest<LiveStatusSnapshot>("GET", `${datasetPath(dataset_uid)}/status/live/`, undefined, signal);
}

export async function listPublishJobs(dataset_uid: string, signal?: AbortSignal) {
  const page = await apiRequest<{ results: PublishJob[] }>("GET", `${datasetPath(dataset_uid)}/publish_jobs/?limit=${HISTORY_LIMIT}`, undefined, signal);
  return page.results;
}

export function runPublishingAction(dataset_uid: string, action: PublishingAction) {
  return apiRequest<{ detail: string }>("POST", `${datasetPath(dataset_uid)}/${action}/`, {});
}
