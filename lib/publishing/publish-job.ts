import "server-only";
// The work of one publish job: every resource through its extractor, the processor stack and the field
// configurations into a new records table, which is swapped in at the end in one transaction. Until then the
// previously published records stay served; on failure or abort the new table is dropped. Per-record problems
// are counted and the first MAX_RECORDS_ERRORS kept as records_errors; they never fail the job.
import { config } from "@/lib/env/config";
import { renderText, isAppError } from "@/lib/errors/app-error";
import { previewResource, type ExtractorType, type PreviewField } from "@/lib/extractors";
import { streamRecords } from "@/lib/extractors/record-stream";
import { applyFieldConfigurations } from "@/lib/fields/engine";
import type { FieldConfigurationWrite } from "@/lib/fields/schema";
import { compileStack } from "@/lib/processors";
import { rowBuilder } from "@/lib/publishing/record-rows";
import { sourceFileFor } from "@/lib/resources/source";
import { store } from "@/lib/store/store";
import { PublishJobLost, type PublishJobRecord, type PublishProgress, type RecordErrorEntry, type RecordsField, type RecordsRow } from "@/lib/store/publishing-types";
import type { StackItem, StoredResource } from "@/lib/store/types";

export const MAX_RECORDS_ERRORS = 1000;
/** Rows of the preview the schema is read from (the same guess the console shows). */
const SCHEMA_SAMPLE = 200;
const HEARTBEAT_MS = 500;
const FINISH_HEARTBEAT_MS = 5_000;

export class JobAborted extends Error {}

/** A failure worth showing to the publisher as it is (bad file, no resource…), in English like the API. */
export function jobFailureMessage(error: unknown): string {
  if (isAppError(error)) return renderText(error.text);
  return error instanceof Error ? `The publish failed: ${error.message}` : "The publish failed.";
}

export function newRecordsTableName(dataset_uid: string): string {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, "0");
  return `rec_${dataset_uid.replace(/^da_/, "").replace(/[^a-z0-9]/g, "")}_${random}`;
}

const toConfigs = (items: StackItem[]) => items.map((c) => ({ ...c.params, type: c.type, label: c.label }) as FieldConfigurationWrite);

async function resourceFields(dataset_uid: string, resource: StoredResource) {
  const file = await sourceFileFor(dataset_uid, resource.datasource, () => true);
  try {
    const preview = await previewResource(file, resource.type as ExtractorType, resource.params, { limit: SCHEMA_SAMPLE });
    return { file, fields: preview.fields };
  } catch (error) {
    // The publisher needs the resource, not the server's storage path that the system error names.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`the file of resource "${resource.title}" is missing from the server's storage`);
    throw error;
  }
}

/** Runs a `publish` job to the end; returns without swapping when aborted (JobAborted) or throws on failure. */
export async function runPublishJob(job: PublishJobRecord): Promise<void> {
  const dataset_uid = job.dataset_uid;
  const resources = (await store().resources.list(dataset_uid, { limit: 1000, offset: 0 })).results;
  if (resources.length === 0) throw new Error("the dataset has no resource to publish");
  const stack = (await store().processors.all(dataset_uid)).filter((p) => p);
  const stackSpecs = stack.map((p) => ({ type: p.type, label: p.label, params: p.params }));
  const configs = toConfigs(await store().fieldConfigurations.all(dataset_uid));

  // The schema comes from the first resource; the others are mapped onto it by field name.
  const first = await resourceFields(dataset_uid, resources[0]!);
  const configured = applyFieldConfigurations(configs, compileStack(stackSpecs, first.fields).output);
  const fields: RecordsField[] = configured.fields.map((field, i) => {
    const multivalued = field.type === "text" ? field.annotations.find((a) => a.name === "multivalued") : undefined;
    return { ...field, column: `c${i}`, multivalued: multivalued !== undefined, separator: multivalued?.args[0] ?? null };
  });

  const records = store().records;
  // A run of this job interrupted by a crash left its half-built table: drop it before building a new one (never
  // the published table, which only a succeeded job can have set).
  if (job.records_table && job.records_table !== (await store().publishJobs.published(dataset_uid))?.records_table) {
    await records.drop(job.records_table).catch(() => undefined);
  }
  const table = newRecordsTableName(dataset_uid);
  await store().publishJobs.setRecordsTable(job.uid, table);
  const dialect = records.dialect;
  const writer = await records.create(table, fields);
  const limit = config().maxDatasetRecords;

  const progress: PublishProgress = { records_done: 0, records_skipped: 0, errors_count: 0, bytes_done: 0, bytes_total: 0 };
  const errors: RecordErrorEntry[] = [];
  let lastBeat = 0;
  let limitHit = false;
  const beat = async (force = false) => {
    if (!force && Date.now() - lastBeat < HEARTBEAT_MS) return;
    lastBeat = Date.now();
    const { abort_requested } = await store().publishJobs.heartbeat(job.uid, progress);
    if (abort_requested) throw new JobAborted("aborted");
  };

  try {
    const sources: { resource: StoredResource; fields: PreviewField[]; file: Awaited<ReturnType<typeof sourceFileFor>> }[] = [];
    for (const [i, resource] of resources.entries()) {
      const read = i === 0 ? first : await resourceFields(dataset_uid, resource);
      sources.push({ resource, ...read });
      progress.bytes_total += read.file.size;
    }
    let bytesBefore = 0;
    for (const source of sources) {
      if (limitHit) break;
      const buildRow = rowBuilder({
        dataset_uid,
        resource_uid: source.resource.uid,
        stack: compileStack(stackSpecs, source.fields),
        mapRecord: configured.mapRecord,
        fields,
        dialect,
        onErrors: (record_id, processing, conversion) => {
          progress.errors_count += processing.length + conversion.length;
          for (const e of processing)
            if (errors.length < MAX_RECORDS_ERRORS) errors.push({ record_id, processor_uid: stack[e.step]?.uid ?? String(e.step), message: e.message });
          for (const { field, message } of conversion) if (errors.length < MAX_RECORDS_ERRORS) errors.push({ record_id, field_uid: field, message });
        },
      });
      let position = 0;
      for await (const batch of streamRecords(source.file, source.resource.type as ExtractorType, source.resource.params, source.fields)) {
        const rows: RecordsRow[] = [];
        for (const raw of batch.records) {
          if (limit > 0 && progress.records_done + rows.length >= limit) {
            limitHit = true;
            break;
          }
          position++;
          const row = buildRow(raw, position, progress.records_done + progress.records_skipped);
          if (row) rows.push(row);
          else progress.records_skipped++;
        }
        await writer.write(rows);
        progress.records_done += rows.length;
        progress.bytes_done = bytesBefore + batch.bytes_done;
        await beat();
        if (limitHit) break;
      }
      bytesBefore += source.file.size;
      progress.bytes_done = bytesBefore;
    }
    await beat(true);
    // Indexing a large table takes minutes on PostgreSQL: without heartbeats meanwhile, the recovery loop took the
    // job for a dead worker's and queued it again while it was finishing.
    const alive = setInterval(() => void store().publishJobs.heartbeat(job.uid, progress).catch(() => undefined), FINISH_HEARTBEAT_MS);
    try {
      await writer.finish();
    } finally {
      clearInterval(alive);
    }
  } catch (error) {
    await records.drop(table).catch(() => undefined);
    throw error;
  }

  let replaced_table: string | null;
  try {
    ({ replaced_table } = await store().publishJobs.completePublish(job.uid, progress, {
      records_table: table,
      fields,
      records_count: progress.records_done,
      records_errors: errors,
      ...(limitHit ? { limit: { limit_type: "records", limit, value: progress.records_done } } : {}),
    }));
  } catch (error) {
    if (error instanceof PublishJobLost) await records.drop(table).catch(() => undefined);
    throw error;
  }
  if (replaced_table) await records.drop(replaced_table).catch(() => undefined);
}

/** Runs one claimed job of any function and settles it, whatever happens. */
export async function runJob(job: PublishJobRecord): Promise<void> {
  const jobs = store().publishJobs;
  try {
    if (job.function === "publish") await runPublishJob(job);
    else if (job.function === "publish_metadata") await jobs.completeMetadata(job.uid);
    else if (job.function === "unpublish") {
      const { replaced_table } = await jobs.completeUnpublish(job.uid);
      if (replaced_table) await store().records.drop(replaced_table).catch(() => undefined);
    }
    // Immediate jobs are recorded finished and never queued (status-machine.ts): one here was queued by hand.
    else throw new Error(`a ${job.function} job has nothing to run`);
  } catch (error) {
    // Queued again and maybe running elsewhere: settling it here would overwrite that run's state.
    if (error instanceof PublishJobLost) return;
    if (error instanceof JobAborted) await jobs.settle(job.uid, "aborted", null, "Aborted: the previously published records are still served.");
    else await jobs.settle(job.uid, "failed", null, jobFailureMessage(error));
  }
}
