import "server-only";
// The per-step preview: a resource's first records as the extractor reads them, then after each processor of
// the stack, then after the field configurations — with each step's fields, errors and skipped records. The
// stack and the configurations are the saved ones unless the caller passes others to try (nothing is saved).
import type { Principal } from "@/lib/auth/principal";
import { requireDatasetRight } from "@/lib/datasets/service";
import { AppError, msg } from "@/lib/errors/app-error";
import { previewResource, type ExtractorType } from "@/lib/extractors";
import { applyFieldConfigurations } from "@/lib/fields/engine";
import type { FieldConfigurationWrite } from "@/lib/fields/schema";
import { previewStack, validateProcessor } from "@/lib/processors";
import { splitProcessor, type ProcessorWrite } from "@/lib/processors/schema";
import type { ProcessingPreview, ProcessingPreviewInput } from "@/lib/processing/schema";
import { sourceFileFor } from "@/lib/resources/source";
import { store } from "@/lib/store/store";

const fieldsOut = <F extends { description?: string | null }>(fields: F[]) =>
  fields.map(({ description, ...field }) => (description === null || description === undefined ? field : { ...field, description }));

export async function previewProcessing(principal: Principal, dataset_uid: string, input: ProcessingPreviewInput): Promise<ProcessingPreview> {
  if (principal.upstream) return principal.upstream.processing.preview(dataset_uid, input);
  await requireDatasetRight(principal, dataset_uid, "view");
  const resource = input.resource_uid
    ? await store().resources.get(dataset_uid, input.resource_uid)
    : (await store().resources.list(dataset_uid, { limit: 1, offset: 0 })).results[0];
  if (!resource) {
    const message = msg("processing.no_resource");
    throw new AppError("validation_error", message, { fieldErrors: { resource_uid: [message] } });
  }
  const type = resource.type as ExtractorType;
  const file = await sourceFileFor(dataset_uid, resource.datasource, (f) => type === "xlsxfile" || !!f.truncated);
  const source = await previewResource(file, type, resource.params);

  const savedProcessors = input.processors ? null : await store().processors.all(dataset_uid);
  const stack = input.processors
    ? input.processors.map((p: ProcessorWrite) => validateProcessor(splitProcessor(p)))
    : savedProcessors!.map((p) => ({ type: p.type, label: p.label, params: p.params }));
  const stepped = previewStack(stack, source);

  const configs: FieldConfigurationWrite[] =
    input.fields ?? (await store().fieldConfigurations.all(dataset_uid)).map((c) => ({ ...c.params, type: c.type, label: c.label }) as FieldConfigurationWrite);
  const configured = applyFieldConfigurations(configs, stepped.output.fields);
  const errors: { record: number; message: string }[] = [];
  const records = stepped.output.records.map((record, i) => {
    const mapped = configured.mapRecord(record);
    for (const { message } of mapped.errors) errors.push({ record: i, message });
    return mapped.record;
  });

  return {
    resource_uid: resource.uid,
    source: { fields: fieldsOut(source.fields), records: source.records },
    steps: stepped.steps.map((step, i) => ({
      uid: savedProcessors?.[i]?.uid ?? null,
      type: stack[i]!.type,
      label: stack[i]!.label,
      fields: fieldsOut(step.fields),
      records: step.records,
      error_count: step.error_count,
      errors: step.errors,
      skipped: step.skipped,
      warnings: step.warnings,
    })),
    result: { fields: fieldsOut(configured.fields), records, errors: errors.slice(0, 20), error_count: errors.length, warnings: configured.warnings },
  };
}
