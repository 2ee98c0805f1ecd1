// Helpers of the publishing and Explore API tests: upload a CSV, make it a dataset's resource, publish and wait
// until the dataset's status settles — all through real HTTP, like a client of the Automation API would.
import { expect } from "vitest";
import { apiClient, datasetBody, type ApiResponse } from "./api-client";

export type Client = ReturnType<typeof apiClient>;
export type DatasetStatus = {
  status: string;
  previous: string | null;
  next: string | null;
  since: string;
  is_published: boolean | null;
  message: string | null;
  records_errors: { record_id: string; field_uid: string | null; processor_uid: string | null; message: string }[];
  params: Record<string, unknown>;
};
export type PublishJob = { uid: string; function: string; state: string; records_done: number; errors_count: number; message: string | null };

export const SETTLED = ["idle", "error", "limit_reached"];
/** Publishing runs in the background; on a loaded CI machine a big file takes a while. No timing is asserted. */
const DEADLINE_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done` holds for its answer; fails with the last answer after the deadline. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, deadlineMs = DEADLINE_MS, everyMs = 100): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await sleep(everyMs);
  }
}

export async function uploadFile(baseUrl: string, key: string, dataset_uid: string, content: string | Uint8Array, filename: string): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([content as BlobPart], { type: "text/csv" }), filename);
  const response = await fetch(`${baseUrl}/api/automation/v1/datasets/${dataset_uid}/resources/files/`, {
    method: "POST",
    headers: { Authorization: `Apikey ${key}` },
    body: form,
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`Upload of ${filename} failed: HTTP ${response.status} ${text}`);
  return (JSON.parse(text) as { uid: string }).uid;
}

/** What a test needs to drive one dataset through the API. */
export function publishingHelpers(baseUrl: string, adminKey: string) {
  const admin = apiClient(baseUrl, adminKey);

  async function status(dataset_uid: string): Promise<DatasetStatus> {
    const res = await admin.get<DatasetStatus>(`/datasets/${dataset_uid}/status/`);
    expect(res.status, res.text).toBe(200);
    return res.body;
  }

  async function jobs(dataset_uid: string): Promise<PublishJob[]> {
    const res = await admin.get<{ results: PublishJob[] }>(`/datasets/${dataset_uid}/publish_jobs/`);
    expect(res.status, res.text).toBe(200);
    return res.body.results;
  }

  return {
    admin,
    status,
    jobs,
    async createDataset(title: string, extra: Record<string, unknown> = {}): Promise<{ uid: string; dataset_id: string }> {
      const res = await admin.post("/datasets/", datasetBody(title, extra));
      expect(res.status, res.text).toBe(201);
      return { uid: res.body.uid, dataset_id: res.body.dataset_id };
    },
    /** Uploads the CSV and makes it a resource of the dataset; returns the resource uid. */
    async addCsvResource(dataset_uid: string, csv: string, filename = "data.csv"): Promise<string> {
      const file_uid = await uploadFile(baseUrl, adminKey, dataset_uid, csv, filename);
      const res = await admin.post(`/datasets/${dataset_uid}/resources/`, { type: "csvfile", title: filename, datasource: { type: "uploaded_file", file: { uid: file_uid } } });
      expect(res.status, res.text).toBe(201);
      return res.body.uid;
    },
    /** Points an existing resource at a newly uploaded file (the next publish reads it). */
    async replaceResourceFile(dataset_uid: string, resource_uid: string, csv: string, filename = "data.csv"): Promise<void> {
      const file_uid = await uploadFile(baseUrl, adminKey, dataset_uid, csv, filename);
      const res = await admin.put(`/datasets/${dataset_uid}/resources/${resource_uid}/`, { type: "csvfile", title: filename, datasource: { type: "uploaded_file", file: { uid: file_uid } } });
      expect(res.status, res.text).toBe(200);
    },
    async action(dataset_uid: string, fn: "publish" | "publish_metadata" | "abort" | "unpublish"): Promise<ApiResponse> {
      return admin.post(`/datasets/${dataset_uid}/${fn}/`);
    },
    /** Waits until no job is queued or running for the dataset, and returns the settled status. */
    async settled(dataset_uid: string): Promise<DatasetStatus> {
      return pollUntil(() => status(dataset_uid), (s) => SETTLED.includes(s.status), `${dataset_uid} to settle`);
    },
    /** Publishes and waits for the outcome. */
    async publishAndWait(dataset_uid: string, fn: "publish" | "publish_metadata" | "unpublish" = "publish"): Promise<DatasetStatus> {
      const res = await admin.post(`/datasets/${dataset_uid}/${fn}/`);
      expect(res.status, res.text).toBe(200);
      return pollUntil(() => status(dataset_uid), (s) => SETTLED.includes(s.status), `${fn} of ${dataset_uid} to settle`);
    },
    /** Waits until the latest job of the dataset is running and has written records (the swap has not happened). */
    async runningWithRecords(dataset_uid: string): Promise<PublishJob> {
      const [job] = await pollUntil(
        () => jobs(dataset_uid),
        ([latest]) => !!latest && (latest.state !== "queued" && (latest.state !== "running" || latest.records_done > 0)),
        `${dataset_uid} to be processing records`,
        DEADLINE_MS,
        25,
      );
      return job!;
    },
  };
}

/** `rows` numbered CSV rows: `id;label;value` with labels `<version>-<id>`; ~20 bytes a row. */
export function versionedCsv(version: string, rows: number): string {
  const lines = ["id;label;value"];
  for (let i = 1; i <= rows; i++) lines.push(`${i};${version}-${i};${(i * 7) % 1000}`);
  return lines.join("\n") + "\n";
}
