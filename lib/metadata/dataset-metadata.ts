import "server-only";
// A dataset's metadata by template and field (API-CONTRACT.md §2.2): reads need the dataset in view, writes the
// edit right. Every write checks the values against their templates, keeps `modified` up to date and applies
// the remote-value rules, then saves the whole metadata with a compare-and-set on updated_at. In proxy mode the
// upstream's own metadata endpoints do all of it (lib/store/remote/metadata.ts).
import type { Principal } from "@/lib/auth/principal";
import { datasetScope } from "@/lib/datasets/access";
import { metadataForUpdate } from "@/lib/datasets/metadata";
import { datasetMetadataInputSchema, type Dataset, type DatasetMetadata, type DatasetWrite } from "@/lib/datasets/schema";
import { getDataset, requireDatasetRight } from "@/lib/datasets/service";
import { z } from "zod";
import { AppError, msg, notFound } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/zod-messages";
import type { Translate } from "@/lib/i18n/translator";
import { getTemplate } from "@/lib/metadata/template-service";
import { checkMetadataAgainstTemplates } from "@/lib/metadata/validate-metadata";
import { store } from "@/lib/store/store";
import type { StoredMetadataTemplate } from "@/lib/store/types";

export type MetadataValue = { value: unknown; remote_value?: unknown; override_remote_value?: boolean };
type Values = Record<string, MetadataValue>;

function templateValues(dataset: Dataset, template: string): Values {
  return ((dataset.metadata as Record<string, Values | undefined>)[template] ?? {}) as Values;
}

function requireField(template: StoredMetadataTemplate, field: string): void {
  if (!template.fields.some((f) => f.name === field)) throw notFound();
}

/** `expected_updated_at`: the version the caller built `next` from (default: the one just read). */
async function save(principal: Principal, dataset: Dataset, next: Record<string, unknown>, only: readonly string[], t?: Translate, expected_updated_at = dataset.updated_at): Promise<Dataset> {
  if (!next.default) {
    const message = msg("validation.required");
    throw new AppError("validation_error", msg("errors.invalid_input"), { fieldErrors: { "metadata.default": [message] } });
  }
  const checked = await checkMetadataAgainstTemplates(next, { only, t });
  const metadata = metadataForUpdate(checked as DatasetWrite["metadata"], dataset.metadata, new Date());
  const updated = await store().datasets.update(dataset.uid, { metadata }, { scope: datasetScope(principal, "edit"), expected_updated_at });
  if (!updated) throw notFound();
  return updated;
}

export async function getDatasetMetadata(principal: Principal, uid: string): Promise<DatasetMetadata> {
  if (principal.upstream) return principal.upstream.metadata.datasetMetadata(uid);
  return (await getDataset(principal, uid)).metadata;
}

/**
 * PUT /datasets/{uid}/metadata/: replaces every template's values (omitted ones are removed). `expected_updated_at`:
 * the dataset's version the caller built `input` from, so a change made meanwhile is refused, not overwritten.
 */
export async function replaceDatasetMetadata(principal: Principal, uid: string, input: unknown, t?: Translate, options: { expected_updated_at?: string } = {}): Promise<DatasetMetadata> {
  if (principal.upstream) return principal.upstream.metadata.replaceDatasetMetadata(uid, input);
  const dataset = await requireDatasetRight(principal, uid, "edit");
  const { metadata } = parseInput(z.object({ metadata: datasetMetadataInputSchema }), { metadata: input }, t);
  return (await save(principal, dataset, metadata, Object.keys(metadata), t, options.expected_updated_at)).metadata;
}

export async function getTemplateMetadata(principal: Principal, uid: string, template: string): Promise<Values> {
  if (principal.upstream) return principal.upstream.metadata.templateValues(uid, template);
  const dataset = await getDataset(principal, uid);
  await getTemplate(principal, template);
  return templateValues(dataset, template);
}

/** PUT /datasets/{uid}/metadata/{template}/: replaces that template's values. */
export async function replaceTemplateMetadata(principal: Principal, uid: string, template: string, input: unknown, t?: Translate): Promise<Values> {
  if (principal.upstream) return principal.upstream.metadata.replaceTemplateValues(uid, template, input);
  const dataset = await requireDatasetRight(principal, uid, "edit");
  await getTemplate(principal, template);
  const next = { ...dataset.metadata, [template]: input };
  return templateValues(await save(principal, dataset, next, [template], t), template);
}

export async function getFieldMetadata(principal: Principal, uid: string, template: string, field: string): Promise<MetadataValue> {
  if (principal.upstream) return principal.upstream.metadata.fieldValue(uid, template, field);
  const dataset = await getDataset(principal, uid);
  requireField(await getTemplate(principal, template), field);
  return templateValues(dataset, template)[field] ?? { value: null };
}

/** PUT /datasets/{uid}/metadata/{template}/{field}/: { value, override_remote_value? }; a blank value removes it. */
export async function putFieldMetadata(
  principal: Principal,
  uid: string,
  template: string,
  field: string,
  input: { value?: unknown; override_remote_value?: boolean },
  t?: Translate,
): Promise<MetadataValue> {
  if (principal.upstream) return principal.upstream.metadata.putFieldValue(uid, template, field, input);
  const dataset = await requireDatasetRight(principal, uid, "edit");
  requireField(await getTemplate(principal, template), field);
  const values = { ...templateValues(dataset, template), [field]: { value: input.value, ...(input.override_remote_value !== undefined ? { override_remote_value: input.override_remote_value } : {}) } };
  const next = { ...dataset.metadata, [template]: values };
  return templateValues(await save(principal, dataset, next, [template], t), template)[field] ?? { value: null };
}

/** DELETE /datasets/{uid}/metadata/{template}/{field}/: removes the value (a linked one goes back to the remote value). */
export async function deleteFieldMetadata(principal: Principal, uid: string, template: string, field: string): Promise<void> {
  if (principal.upstream) return principal.upstream.metadata.deleteFieldValue(uid, template, field);
  const dataset = await requireDatasetRight(principal, uid, "edit");
  requireField(await getTemplate(principal, template), field);
  const { [field]: _removed, ...rest } = templateValues(dataset, template);
  const next: Record<string, unknown> = { ...dataset.metadata, [template]: rest };
  if (Object.keys(rest).length === 0 && template !== "default") delete next[template];
  await save(principal, dataset, next, [template]);
}
