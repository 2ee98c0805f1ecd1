// The console as a client of the processing API: the saved lists (GET …/processors/, GET …/fields/) and the
// per-step preview (POST …/processing/preview/), which may try a stack that is not saved. Writes go through the
// server actions; the preview is a POST that changes nothing but still carries the console header (CSRF guard).
import { apiRequest as request } from "@/components/api/console-api";
import type { FieldConfiguration, FieldConfigurationWrite } from "@/lib/fields/schema";
import type { ProcessingPreview } from "@/lib/processing/schema";
import type { DatasetProcessor, ProcessorWrite } from "@/lib/processors/schema";
import type { ProcessorParameter, ProcessorTypeInfo } from "@/lib/processors/types";

export type { DatasetProcessor, FieldConfiguration, FieldConfigurationWrite, ProcessingPreview, ProcessorParameter, ProcessorTypeInfo, ProcessorWrite };
export type PreviewStep = ProcessingPreview["steps"][number];
export type PreviewFields = ProcessingPreview["result"]["fields"];

/** The largest page the lists answer: a stack is never that long. */
const LIST_LIMIT = 1000;

const datasetPath = (dataset_uid: string) => `/datasets/${encodeURIComponent(dataset_uid)}`;

export async function listProcessors(dataset_uid: string, signal?: AbortSignal) {
  const page = await request<{ results: DatasetProcessor[] }>("GET", `${datasetPath(dataset_uid)}/processors/?limit=${LIST_LIMIT}`, undefined, signal);
  return page.results;
}

export async function listFieldConfigurations(dataset_uid: string, signal?: AbortSignal) {
  const page = await request<{ results: FieldConfiguration[] }>("GET", `${datasetPath(dataset_uid)}/fields/?limit=${LIST_LIMIT}`, undefined, signal);
  return page.results;
}

export function previewProcessing(dataset_uid: string, input: { processors: ProcessorWrite[]; fields: FieldConfigurationWrite[] }, signal?: AbortSignal) {
  return request<ProcessingPreview>("POST", `${datasetPath(dataset_uid)}/processing/preview/`, input, signal);
}

/** A saved item as a write: the wire shape without its uid (nor any answer-only property). */
export function withoutUid<W>(item: { uid: string } & Record<string, unknown>): W {
  const { uid: _uid, created_at: _c, updated_at: _u, ...rest } = item;
  return rest as W;
}

/** `{type, label, ...params}` → the parameters only. */
export function processorParams(processor: Record<string, unknown>): Record<string, unknown> {
  const { uid: _uid, type: _type, label: _label, created_at: _c, updated_at: _u, ...params } = processor;
  return params;
}
