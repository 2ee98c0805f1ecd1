// The dataset object of the Management API v2, HEAD shape (API-CONTRACT.md §4.3, mapping §4.6): `metas` holds
// plain values where the Automation API wraps each in { value, … }; `visibility` is is_restricted; the status is
// { name } unless expanded. Templates whose purpose is admin are shown to the dataset's editors only.
import type { Dataset, DatasetMetadata, DatasetStatus } from "@/lib/datasets/schema";
import type { StoredMetadataTemplate } from "@/lib/store/types";
import { templatePurpose } from "@/lib/management-v2/metadata";
import type { V2Metadata, v2DatasetSchema, v2StatusSchema } from "@/lib/management-v2/schema";
import type { z } from "zod";

type V2Dataset = z.input<typeof v2DatasetSchema>;
type V2Status = z.input<typeof v2StatusSchema>;

export function toV2Status(status: DatasetStatus): V2Status {
  return {
    name: status.status,
    published: status.is_published ?? false,
    since: status.since,
    previous: status.previous,
    next: status.next,
    message: status.message,
    records_errors: status.records_errors.length,
  };
}

/** metadata (v1) → metas (v2): template → name → value, without the admin templates when `admin` is false. */
export function toMetas(metadata: DatasetMetadata, templates: readonly StoredMetadataTemplate[], admin: boolean): Record<string, Record<string, unknown>> {
  const adminTemplates = new Set(templates.filter((t) => templatePurpose(t) === "admin").map((t) => t.name));
  const metas: Record<string, Record<string, unknown>> = {};
  for (const [template, fields] of Object.entries(metadata as Record<string, Record<string, { value: unknown }> | undefined>)) {
    if (!fields || (!admin && adminTemplates.has(template))) continue;
    metas[template] = Object.fromEntries(Object.entries(fields).map(([name, entry]) => [name, entry?.value ?? null]));
  }
  return metas;
}

/** metas (v2) → metadata (v1) for a write: every value wrapped as { value }. */
export function fromMetas(metas: Record<string, Record<string, unknown>>): Record<string, Record<string, { value: unknown }>> {
  return Object.fromEntries(Object.entries(metas).map(([template, fields]) => [template, Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { value }]))]));
}

export function toV2Dataset(
  dataset: Dataset,
  templates: readonly StoredMetadataTemplate[],
  options: { admin: boolean; status?: DatasetStatus; metadata?: V2Metadata[] },
): V2Dataset {
  return {
    dataset_id: dataset.dataset_id,
    dataset_uid: dataset.uid,
    metas: { ...toMetas(dataset.metadata, templates, options.admin), publishing: { published: dataset.is_published } },
    last_modified: dataset.updated_at,
    visibility: dataset.is_restricted ? "restricted" : "domain",
    status: options.status ? toV2Status(options.status) : { name: dataset.status },
    ...(options.metadata ? { metadata: options.metadata } : {}),
  };
}
