// The console as a client of the publishing API: the live snapshot (status + latest job), the recent publishes,
// and the four actions. The actions are POSTs through the console client, which adds the console header (CSRF
// guard) and turns the API's error answers into ConsoleApiError with the API's message.
import { API_BASE, apiRequest, ConsoleApiError } from "@/components/api/console-api";
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

/** The official status alone, as a snapshot without a job (an upstream that lacks our live status, proxy mode). */
export async function getPlainStatus(dataset_uid: string, signal?: AbortSignal): Promise<LiveStatusSnapshot> {
  return { status: await apiRequest<DatasetStatus>("GET", `${datasetPath(dataset_uid)}/status/`, undefined, signal), job: null };
}

/**
 * The live snapshot (our extension). In proxy mode an upstream may lack it: a 404 for a dataset that still answers
 * its plain status means the extension is missing, and the plain status stands in.
 */
export async function getLiveStatus(dataset_uid: string, signal?: AbortSignal): Promise<LiveStatusSnapshot> {
  try {
    return await apiRequest<LiveStatusSnapshot>("GET", `${datasetPath(dataset_uid)}/status/live/`, undefined, signal);
  } catch (error) {
    if (error instanceof ConsoleApiError && error.status === 404) return getPlainStatus(dataset_uid, signal);
    throw error;
  }
}

export async function listPublishJobs(dataset_uid: string, signal?: AbortSignal) {
  const page = await apiRequest<{ results: PublishJob[] }>("GET", `${datasetPath(dataset_uid)}/publish_jobs/?limit=${HISTORY_LIMIT}`, undefined, signal);
  return page.results;
}

export function runPublishingAction(dataset_uid: string, action: PublishingAction) {
  return apiRequest<{ detail: string }>("POST", `${datasetPath(dataset_uid)}/${action}/`, {});
}
