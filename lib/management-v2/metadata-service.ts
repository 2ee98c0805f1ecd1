import "server-only";
// The Management API v2's metadata operations (API-CONTRACT.md §4.4), each one translation around the dataset
// metadata services (lib/metadata/dataset-metadata.ts), which check rights and values and write.
import type { Principal } from "@/lib/auth/principal";
import { datasetRights } from "@/lib/datasets/access";
import type { DatasetMetadata } from "@/lib/datasets/schema";
import { getDataset, requireDatasetRight } from "@/lib/datasets/service";
import { AppError, msg, notFound, type Text } from "@/lib/errors/app-error";
import { deleteFieldMetadata, getFieldMetadata, putFieldMetadata, replaceDatasetMetadata, type MetadataValue } from "@/lib/metadata/dataset-metadata";
import { allTemplates, getTemplate } from "@/lib/metadata/template-service";
import { metadataObject, metadataObjects, templatePurpose } from "@/lib/management-v2/metadata";
import type { V2Metadata } from "@/lib/management-v2/schema";
import type { StoredMetadataTemplate, StoredTemplateField } from "@/lib/store/types";

type Values = Record<string, MetadataValue>;

export async function listV2Metadata(principal: Principal, uid: string): Promise<V2Metadata[]> {
  const dataset = await getDataset(principal, uid);
  return metadataObjects(dataset.metadata, await allTemplates(principal), { admin: datasetRights(principal, dataset).edit });
}

/** The template and field of one metadata; an admin one is "not found" to who may not edit the dataset. */
async function definition(principal: Principal, uid: string, template_name: string, metadata_name: string): Promise<{ template: StoredMetadataTemplate; field: StoredTemplateField }> {
  const dataset = await getDataset(principal, uid);
  const template = await getTemplate(principal, template_name);
  const field = template.fields.find((f) => f.name === metadata_name);
  if (!field || (templatePurpose(template) === "admin" && !datasetRights(principal, dataset).edit)) throw notFound();
  return { template, field };
}

export async function getV2Metadata(principal: Principal, uid: string, template_name: string, metadata_name: string): Promise<V2Metadata> {
  const { template, field } = await definition(principal, uid, template_name, metadata_name);
  return metadataObject(template, field, await getFieldMetadata(principal, uid, template_name, metadata_name));
}

export async function putV2Metadata(principal: Principal, uid: string, template_name: string, metadata_name: string, body: { value?: unknown; override_remote_value?: boolean }): Promise<V2Metadata> {
  const { template, field } = await definition(principal, uid, template_name, metadata_name);
  return metadataObject(template, field, await putFieldMetadata(principal, uid, template_name, metadata_name, body));
}

/** Resets one metadata: no value, override_remote_value false (a linked one shows its remote value again). */
export async function resetV2Metadata(principal: Principal, uid: string, template_name: string, metadata_name: string): Promise<V2Metadata> {
  const { template, field } = await definition(principal, uid, template_name, metadata_name);
  await deleteFieldMetadata(principal, uid, template_name, metadata_name);
  return metadataObject(template, field, await getFieldMetadata(principal, uid, template_name, metadata_name));
}

export type MetadataEntryWrite = { template_name: string; metadata_name: string; value: unknown; override_remote_value?: boolean };

/**
 * PUT /datasets/{uid}/metadata/: several values at once, in one write. Every entry is checked first (template
 * and name exist, then the values against their templates, in the service): one bad entry writes nothing.
 */
export async function putV2MetadataBulk(principal: Principal, uid: string, entries: readonly MetadataEntryWrite[]): Promise<V2Metadata[]> {
  const dataset = await requireDatasetRight(principal, uid, "edit");
  const templates = await allTemplates(principal);
  const byName = new Map(templates.map((t) => [t.name, t]));
  const errors: Record<string, Text[]> = {};
  entries.forEach((entry, i) => {
    if (!byName.get(entry.template_name)?.fields.some((f) => f.name === entry.metadata_name)) {
      errors[`metas.${i}`] = [msg("management_v2.unknown_metadata", { template: entry.template_name, name: entry.metadata_name })];
    }
  });
  if (Object.keys(errors).length > 0) throw new AppError("validation_error", msg("management_v2.invalid_metas"), { fieldErrors: errors });

  const next = structuredClone(dataset.metadata) as Record<string, Values>;
  for (const entry of entries) {
    const previous = next[entry.template_name]?.[entry.metadata_name];
    (next[entry.template_name] ??= {})[entry.metadata_name] = {
      ...previous,
      value: entry.value,
      ...(entry.override_remote_value !== undefined ? { override_remote_value: entry.override_remote_value } : {}),
    };
  }
  // compared and set against the version the entries were applied to: a change made meanwhile is refused (409)
  const saved: DatasetMetadata = await replaceDatasetMetadata(principal, uid, next, undefined, { expected_updated_at: dataset.updated_at });
  return metadataObjects(saved, templates, { admin: true });
}
