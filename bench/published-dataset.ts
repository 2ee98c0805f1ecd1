// A dataset of the wide generated CSV with a 3-step processor stack, published through the Automation API as a
// publisher would: upload, resource, processors, publish, then poll until the Explore API answers with every row.
// Used by the publish benchmark (which times it) and the explore benchmark (which queries it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiClient } from "../tests/support/api-client";
import type { BenchServer } from "./bench-server";
import { writeWideCsv } from "./generated-csv";
import { uploadCsvFile } from "./multipart-upload";

/** Text replacement, French decimals to numbers, and a computed field (lib/processors/families). */
export const PROCESSOR_STACK = [
  { type: "string_replace", label: "Wording", field: "description", old: "Relevé", new: "Mesure" },
  { type: "normalize_number", label: "Amount", field: "amount_fr", decimal_separator: "," },
  { type: "expression", label: "Total", expression: "round(quantity * unit_price, 2)", output_field: "total" },
];

const POLL_MS = 100;

export type Dataset = { uid: string; dataset_id: string; rows: number };
export type PublishJob = { state: string; records_done: number; errors_count: number; started_at: string | null; finished_at: string | null; message: string | null };
export type PublishRun = { seconds: number; job: PublishJob; job_seconds: number | null };

/** The wide CSV in a temporary folder, removed by cleanup(). */
export async function generatedCsv(rows: number): Promise<{ path: string; dir: string; bytes: number; seconds: number; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "dpc-bench-csv-"));
  const path = join(dir, `wide-${rows}.csv`);
  const started = performance.now();
  const bytes = await writeWideCsv(path, rows);
  return { path, dir, bytes, seconds: (performance.now() - started) / 1000, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function ok<T>(what: string, response: Promise<{ status: number; body: T; text: string }>, status = 201): Promise<T> {
  const res = await response;
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
  return res.body;
}

/** A new dataset with the CSV as its resource and PROCESSOR_STACK, not published yet. */
export async function preparedDataset(bench: BenchServer, title: string, csv: string, rows: number): Promise<Dataset> {
  const api = apiClient(bench.server.url, bench.apiKey);
  const { uid, dataset_id } = await bench.createDataset(title);
  const upload = await uploadCsvFile(bench.server.url, bench.apiKey, uid, csv);
  if (upload.status !== 201 || !upload.body.uid) throw new Error(`upload answered ${upload.status}: ${JSON.stringify(upload.body)}`);
  const datasource = { type: "uploaded_file", file: { uid: upload.body.uid } };
  await ok("create resource", api.post(`/datasets/${uid}/resources/`, { type: "csvfile", title: "Generated", datasource }));
  for (const processor of PROCESSOR_STACK) await ok(`add ${processor.type}`, api.post(`/datasets/${uid}/processors/`, processor));
  return { uid, dataset_id, rows };
}

/** The newest publish job of the dataset. */
export async function latestJob(bench: BenchServer, dataset: Dataset): Promise<PublishJob | undefined> {
  const page = await ok<{ results: PublishJob[] }>("publish_jobs", apiClient(bench.server.url, bench.apiKey).get(`/datasets/${dataset.uid}/publish_jobs/?limit=1`), 200);
  return page.results[0];
}

/** POST …/publish/; the job runs in the background. */
export async function startPublish(bench: BenchServer, dataset: Dataset): Promise<void> {
  await ok("publish", apiClient(bench.server.url, bench.apiKey).post(`/datasets/${dataset.uid}/publish/`), 200);
}

/** total_count of the Explore records endpoint, or null while the dataset is not served. */
export async function exploreTotal(bench: BenchServer, dataset: Dataset): Promise<number | null> {
  const response = await fetch(`${bench.server.url}/api/explore/v2.1/catalog/datasets/${dataset.dataset_id}/records/?limit=1`);
  if (response.status !== 200) return null;
  return ((await response.json()) as { total_count: number }).total_count;
}

const seconds = (from: string | null, to: string | null) => (from && to ? Math.round(Date.parse(to) - Date.parse(from)) / 1000 : null);

/**
 * Publishes and waits until the job has succeeded and Explore answers with all the rows; the time runs from the
 * publish request to that first right answer. A failed or aborted job, or one with record errors, fails the benchmark.
 */
export async function publishUntilQueryable(bench: BenchServer, dataset: Dataset, onProgress?: (job: PublishJob) => void): Promise<PublishRun> {
  const started = performance.now();
  await startPublish(bench, dataset);
  return untilQueryable(bench, dataset, started, onProgress);
}

/** Waits for the publish started at `started` (performance.now()) to succeed and Explore to serve every row. */
export async function untilQueryable(bench: BenchServer, dataset: Dataset, started: number, onProgress?: (job: PublishJob) => void): Promise<PublishRun> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const job = await latestJob(bench, dataset);
    if (!job) continue;
    onProgress?.(job);
    if (job.state === "failed" || job.state === "aborted" || job.state === "limit_reached") throw new Error(`the publish ended ${job.state}: ${job.message}`);
    if (job.state !== "succeeded") continue;
    if ((await exploreTotal(bench, dataset)) !== dataset.rows) continue;
    const elapsed = (performance.now() - started) / 1000;
    if (job.errors_count > 0) throw new Error(`the publish had ${job.errors_count} record errors`);
    return { seconds: Math.round(elapsed * 100) / 100, job, job_seconds: seconds(job.started_at, job.finished_at) };
  }
}
