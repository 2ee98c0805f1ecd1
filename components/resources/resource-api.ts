// The console as a client of the resources API, for what cannot be a server action: guessing and previewing an
// unsaved configuration (the server may fetch a remote URL) and the saved preview. Same-origin requests carry the
// session cookie; writes add the console header the API requires of cookie-authenticated writes (CSRF guard).
import type { z } from "zod";
import type { Datasource, DatasetFile, extractorSchema, guessedParamsSchema, ResourcePreviewBody } from "@/lib/resources/schema";

export type Extractor = z.infer<typeof extractorSchema>;
export type ExtractorParameter = Extractor["parameters"][number];
export type GuessedParams = z.infer<typeof guessedParamsSchema>;
export type ResourcePreview = ResourcePreviewBody;
export type { Datasource, DatasetFile };

export const API_BASE = "/api/automation/v1";
export const CONSOLE_HEADERS = { "X-DPC-Console": "1" } as const;

/** An answer in the API's error shape; `status` 0 when the server could not be reached. */
export class ResourceApiError extends Error {
  constructor(
    readonly status: number,
    readonly error_code: string,
    message: string,
    readonly detail: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "ResourceApiError";
  }
}

type ErrorBody = { error_code?: string; message?: string; detail?: Record<string, string[] | string> };

/** Normalises the `detail` of an error answer to field path → messages. */
export function errorDetail(detail: ErrorBody["detail"]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(detail ?? {})) out[path] = Array.isArray(messages) ? messages.map(String) : [String(messages)];
  return out;
}

export function apiErrorFrom(status: number, body: unknown, fallback: string): ResourceApiError {
  const b = (body ?? {}) as ErrorBody;
  return new ResourceApiError(status, b.error_code ?? "error", b.message ?? fallback, errorDetail(b.detail));
}

async function request<T>(method: "GET" | "POST", path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      credentials: "same-origin",
      signal,
      headers: { Accept: "application/json", ...(method === "GET" ? {} : { "Content-Type": "application/json", ...CONSOLE_HEADERS }) },
      body: method === "GET" ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ResourceApiError(0, "network_error", (error as Error).message);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiErrorFrom(response.status, payload, response.statusText);
  return payload as T;
}

const datasetPath = (dataset_uid: string) => `/datasets/${encodeURIComponent(dataset_uid)}/resources`;

export function guessExtractors(dataset_uid: string, datasource: Datasource, signal?: AbortSignal) {
  return request<Extractor[]>("POST", `${datasetPath(dataset_uid)}/guess_extractors/`, { datasource }, signal);
}

export function guessExtractorParams(dataset_uid: string, datasource: Datasource, type: string, signal?: AbortSignal) {
  return request<GuessedParams>("POST", `${datasetPath(dataset_uid)}/guess_extractor_params/`, { datasource, type }, signal);
}

export function previewUnsaved(dataset_uid: string, input: { datasource: Datasource; type: string; params: Record<string, unknown> }, signal?: AbortSignal) {
  return request<ResourcePreview>("POST", `${datasetPath(dataset_uid)}/preview/`, input, signal);
}

export function previewSaved(dataset_uid: string, resource_uid: string, signal?: AbortSignal) {
  return request<ResourcePreview>("GET", `${datasetPath(dataset_uid)}/${encodeURIComponent(resource_uid)}/preview/`, undefined, signal);
}

export function uploadUrl(dataset_uid: string) {
  return `${API_BASE}${datasetPath(dataset_uid)}/files/`;
}

export function downloadUrl(dataset_uid: string, file_uid: string) {
  return `${API_BASE}${datasetPath(dataset_uid)}/files/${encodeURIComponent(file_uid)}/download/`;
}
