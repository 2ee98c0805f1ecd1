// The store interfaces of publishing: the records tables Explore serves, and the publish jobs with the dataset
// status they drive (API-CONTRACT.md §3). Split from types.ts because only the publishing and explore services
// use them.
import type { DatasetMetadata, DatasetSecurity, DatasetStatusName } from "@/lib/datasets/schema";
import type { PreviewField } from "@/lib/extractors/types";
import type { ImmediateFunction, JobFunction, JobOutcome, PublishFunction } from "@/lib/publishing/status-machine";

/** A published field and the column holding it (c0, c1…: never derived from user text). */
export type RecordsField = PreviewField & { column: string; multivalued: boolean; separator: string | null };

/** One stored row: `_id`, then one value per field in field order, already encoded for storage (see record-values.ts). */
export type RecordsRow = unknown[];

export type SqlDialect = "sqlite" | "postgresql";

export interface RecordsWriter {
  write(rows: RecordsRow[]): Promise<void>;
  /** Indexes and statistics, once every row is in. */
  finish(): Promise<void>;
}

export interface RecordsStore {
  readonly dialect: SqlDialect;
  /** The name to query a records table by in SQL (its own file holds one table on SQLite). */
  sqlName(table: string): string;
  /** Creates an empty table (replacing a leftover of the same name). */
  create(table: string, fields: RecordsField[]): Promise<RecordsWriter>;
  drop(table: string): Promise<void>;
  /** Every records table present, to drop the ones nothing refers to. */
  list(): Promise<string[]>;
  /** Runs SQL built by lib/explore/odsql (`?` placeholders) against one table. */
  query(table: string, sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  /** The same, row batches at a time (exports of any size). */
  stream(table: string, sql: string, params: unknown[], batchSize: number): AsyncIterable<Record<string, unknown>[]>;
}

/** A record error: `processor_uid` when a processor failed, `field_uid` (the field name: fields have no uid) when a value did not convert. */
export type RecordErrorEntry = { record_id: string; field_uid?: string; processor_uid?: string; message: string };

export type PublishJobRecord = {
  uid: string;
  /** the Management API v2's identifier: 40 hex characters */
  job_id: string;
  dataset_uid: string;
  function: JobFunction;
  state: "queued" | "running" | JobOutcome;
  records_table: string | null;
  records_done: number;
  records_skipped: number;
  errors_count: number;
  bytes_done: number;
  bytes_total: number;
  message: string | null;
  abort_requested: boolean;
  worker_id: string | null;
  created_by_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  heartbeat_at: string | null;
};

export type PublishProgress = Pick<PublishJobRecord, "records_done" | "records_skipped" | "errors_count" | "bytes_done" | "bytes_total">;

/** What a finished publish swaps in. */
export type PublishedRecords = {
  records_table: string;
  fields: RecordsField[];
  records_count: number;
  records_errors: RecordErrorEntry[];
  /** set when the job stopped at the records limit */
  limit?: { limit_type: string; limit: number; value: number };
};

export type PublishedDataset = {
  uid: string;
  dataset_id: string;
  is_restricted: boolean;
  default_security: DatasetSecurity;
  created_by_id: string | null;
  records_table: string | null;
  fields: RecordsField[];
  records_count: number;
  metadata: DatasetMetadata | null;
  data_processed: string | null;
  metadata_processed: string | null;
};

/** A job's completion found it no longer running: it was queued again (taken for a dead worker's) meanwhile. */
export class PublishJobLost extends Error {}

export interface PublishJobStore {
  /**
   * Queues `fn` for the dataset if its status allows it (the FSM check and the write in one transaction).
   * Throws AppError("invalid_dataset_status") otherwise; null when the dataset does not exist.
   */
  enqueue(dataset_uid: string, fn: PublishFunction, created_by_id: string | null): Promise<PublishJobRecord | null>;
  /**
   * Records a job finished at once (IMMEDIATE_FUNCTIONS) if the status machine allows the action; the dataset's
   * status does not move. Throws like enqueue; null when the dataset does not exist.
   */
  recordImmediate(dataset_uid: string, fn: ImmediateFunction, created_by_id: string, outcome: "succeeded" | "failed", message: string): Promise<PublishJobRecord | null>;
  /** Takes the oldest queued job (or the one named), atomically: two workers never get the same job. */
  claim(worker_id: string, job_uid?: string): Promise<PublishJobRecord | null>;
  /** Saves progress and the heartbeat; answers whether an abort was asked for. */
  heartbeat(job_uid: string, progress: PublishProgress): Promise<{ abort_requested: boolean }>;
  /** Records the table a running job builds, before creating it, so a crash leaves nothing unknown behind. */
  setRecordsTable(job_uid: string, table: string): Promise<void>;
  /** Swaps the new records in and settles the dataset, in one transaction; returns the table it replaced. */
  completePublish(job_uid: string, progress: PublishProgress, published: PublishedRecords): Promise<{ replaced_table: string | null }>;
  completeMetadata(job_uid: string): Promise<void>;
  /** Unpublishes and settles; returns the table that was served. */
  completeUnpublish(job_uid: string): Promise<{ replaced_table: string | null }>;
  /** Ends a job that failed or was aborted; the published records stay as they were. */
  settle(job_uid: string, outcome: "failed" | "aborted", progress: PublishProgress | null, message: string | null): Promise<void>;
  /**
   * Abort: a queued job is cancelled (the dataset goes back to its previous status); a running one is asked to
   * stop (aborting_processing). Throws invalid_dataset_status from any other status.
   */
  requestAbort(dataset_uid: string): Promise<"cancelled" | "requested" | null>;
  /** Running jobs whose worker is gone (dead pid on this host, or no heartbeat since `staleBefore`) go back to the queue. */
  requeueInterrupted(isDead: (worker_id: string) => boolean, staleBefore: Date): Promise<PublishJobRecord[]>;
  history(dataset_uid: string, limit: number): Promise<PublishJobRecord[]>;
  /** The jobs one user started, newest first. */
  startedBy(user_id: string, limit: number): Promise<PublishJobRecord[]>;
  /** One job by its Management API v2 identifier, if that user started it. */
  byJobId(job_id: string, started_by: string): Promise<PublishJobRecord | null>;
  /** Records tables in use: served by a dataset or being built by a queued or running job. */
  tablesInUse(): Promise<Set<string>>;
  /** The queued jobs, oldest first (for workers that missed a wake-up). */
  queued(limit: number): Promise<PublishJobRecord[]>;
  published(dataset_uid: string): Promise<PublishedDataset | null>;
  /** What identifies the published version of a dataset, cheaply (Explore checks it on every call); null if unpublished. */
  publishedStamp(dataset_id: string): Promise<{ uid: string; updated_at: Date } | null>;
  /** Published datasets (Explore's catalog); optionally one by dataset_id. */
  listPublished(dataset_id?: string): Promise<PublishedDataset[]>;
  status(dataset_uid: string): Promise<{ status: DatasetStatusName; is_published: boolean } | null>;
}
