// The console as a client of the resources API, for what cannot be a server action: guessing and previewing an
// unsaved configuration (the server may fetch a remote URL) and the saved preview.
import type { z } from "zod";
import { API_BASE, apiRequest as request } from "@/components/api/console-api";
import type { Datasource, DatasetFile, extractorSchema, guessedParamsSchema, ResourcePreviewBody } from "@/lib/resources/schema";

export type Extractor = z.infer<typeof extractorSchema>;
export type ExtractorParameter = Extractor["parameters"][number];
export type GuessedParams = z.infer<typeof guessedParamsSchema>;
export type ResourcePreview = ResourcePreviewBody;
export type { Datasource, DatasetFile };

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
