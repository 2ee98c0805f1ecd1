// Publish jobs and the dataset status they drive. Every transition is a conditional UPDATE (WHERE the status
// is still the one the FSM allows), inside the transaction that also writes the job: two requests or two
// workers racing on the same dataset cannot both win, on SQLite or PostgreSQL.
import type { DatabaseTarget } from "@/lib/db/database-url";
import { sqliteReadConnection } from "@/lib/db/sqlite-read-connection";
import type { Db } from "@/lib/db/client";
import type { DatasetMetadata, DatasetSecurity, DatasetStatusName } from "@/lib/datasets/schema";
import { AppError, msg, type Msg } from "@/lib/errors/app-error";
import { newUid } from "@/lib/ids/uid";
import { newJobId } from "@/lib/publishing/job-id";
import {
  ABORTABLE_STATUSES,
  SETTLED_STATUSES,
  pickUpStatus,
  immediateAllowed,
  settleStatus,
  startAction,
  type JobFunction,
  type PublishFunction,
} from "@/lib/publishing/status-machine";
import { PublishJobLost, type PublishJobRecord, type PublishJobStore, type PublishProgress, type PublishedDataset, type RecordsField } from "@/lib/store/publishing-types";

type JobRow = Awaited<ReturnType<Db["publishJob"]["findFirstOrThrow"]>>;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toJob(row: JobRow): PublishJobRecord {
  return {
    uid: row.uid,
    // set on every row: at creation, and by the migration that added it for older jobs
    job_id: row.job_id!,
    dataset_uid: row.dataset_uid,
    function: row.function as JobFunction,
    state: row.state as PublishJobRecord["state"],
    records_table: row.records_table,
    records_done: row.records_done,
    records_skipped: row.records_skipped,
    errors_count: row.errors_count,
    bytes_done: Number(row.bytes_done),
    bytes_total: Number(row.bytes_total),
    message: row.message,
    abort_requested: row.abort_requested,
    worker_id: row.worker_id,
    created_by_id: row.created_by_id,
    created_at: row.created_at.toISOString(),
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
    heartbeat_at: iso(row.heartbeat_at),
  };
}

const progressData = (p: PublishProgress) => ({
  records_done: p.records_done,
  records_skipped: p.records_skipped,
  errors_count: p.errors_count,
  bytes_done: BigInt(Math.round(p.bytes_done)),
  bytes_total: BigInt(Math.round(p.bytes_total)),
});

function invalidStatus(current: DatasetStatusName, allowed: readonly DatasetStatusName[]): AppError {
  return new AppError("invalid_dataset_status", msg("publishing.invalid_status", { current, allowed: allowed.join("', '") }));
}

type Refusal = { ok: false; reason: "status" | "not_published"; allowed: readonly DatasetStatusName[] };

/** The status machine's answer for the dataset as it is; its refusal thrown as invalid_dataset_status; null: no such dataset. */
async function allowedOrRefused<T extends { ok: true }>(
  tx: Tx,
  uid: string,
  check: (current: { status: DatasetStatusName; is_published: boolean }) => T | Refusal,
  notPublished: Msg,
): Promise<T | null> {
  const dataset = await tx.dataset.findUnique({ where: { uid }, select: { status: true, is_published: true } });
  if (!dataset) return null;
  const status = dataset.status as DatasetStatusName;
  const answer = check({ status, is_published: dataset.is_published });
  if (answer.ok) return answer;
  if (answer.reason === "not_published") throw new AppError("invalid_dataset_status", notPublished);
  throw invalidStatus(status, answer.allowed);
}

/** Moves the dataset from one status to another if it is still in `from`; false if someone else moved it first. */
async function moveStatus(
  tx: Tx,
  uid: string,
  from: readonly DatasetStatusName[],
  to: DatasetStatusName,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const current = await tx.dataset.findUnique({ where: { uid }, select: { status: true } });
  if (!current || !from.includes(current.status as DatasetStatusName)) return false;
  const { count } = await tx.dataset.updateMany({
    where: { uid, status: current.status },
    data: { status: to, status_previous: current.status, status_since: new Date(), ...extra },
  });
  return count === 1;
}

function toPublished(row: {
  uid: string;
  dataset_id: string;
  is_restricted: boolean;
  default_security: unknown;
  created_by_id: string | null;
  records_table: string | null;
  published_fields: unknown;
  records_count: number;
  published_metadata: unknown;
  data_processed: Date | null;
  metadata_processed: Date | null;
}): PublishedDataset {
  return {
    uid: row.uid,
    dataset_id: row.dataset_id,
    is_restricted: row.is_restricted,
    default_security: row.default_security as DatasetSecurity,
    created_by_id: row.created_by_id,
    records_table: row.records_table,
    fields: (row.published_fields as RecordsField[] | null) ?? [],
    records_count: row.records_count,
    metadata: (row.published_metadata as DatasetMetadata | null) ?? null,
    data_processed: iso(row.data_processed),
    metadata_processed: iso(row.metadata_processed),
  };
}

const PUBLISHED_SELECT = {
  uid: true,
  dataset_id: true,
  is_restricted: true,
  default_security: true,
  created_by_id: true,
  records_table: true,
  published_fields: true,
  records_count: true,
  published_metadata: true,
  data_processed: true,
  metadata_processed: true,
} as const;

export function prismaPublishJobStore(db: Db, target: DatabaseTarget): PublishJobStore {
  const transaction = <T>(fn: (tx: Tx) => Promise<T>) => db.$transaction(fn, { timeout: 20_000, maxWait: 20_000 });

  return {
    async enqueue(dataset_uid, fn, created_by_id) {
      return transaction(async (tx) => {
        const start = await allowedOrRefused(tx, dataset_uid, (current) => startAction(fn, current), msg("publishing.not_published"));
        if (!start) return null;
        const moved = await moveStatus(tx, dataset_uid, SETTLED_STATUSES, start.transition.status, {
          status_next: start.transition.next,
          status_message: null,
          status_params: {},
        });
        if (!moved) throw invalidStatus("queued", SETTLED_STATUSES);
        const row = await tx.publishJob.create({ data: { uid: newUid("pj"), job_id: newJobId(), dataset_uid, function: fn, created_by_id } });
        return toJob(row);
      });
    },

    async recordImmediate(dataset_uid, fn, created_by_id, outcome, message) {
      return transaction(async (tx) => {
        if (!(await allowedOrRefused(tx, dataset_uid, (current) => immediateAllowed(fn, current), msg("publishing.recovery_not_published")))) return null;
        const now = new Date();
        const row = await tx.publishJob.create({
          data: { uid: newUid("pj"), job_id: newJobId(), dataset_uid, function: fn, created_by_id, state: outcome, message, started_at: now, finished_at: now },
        });
        return toJob(row);
      });
    },

    async claim(worker_id, job_uid) {
      const candidates = await db.publishJob.findMany({
        where: { state: "queued", ...(job_uid ? { uid: job_uid } : {}) },
        orderBy: { created_at: "asc" },
        take: 5,
      });
      for (const candidate of candidates) {
        const claimed = await transaction(async (tx) => {
          const now = new Date();
          const { count } = await tx.publishJob.updateMany({
            where: { uid: candidate.uid, state: "queued" },
            data: { state: "running", worker_id, started_at: now, heartbeat_at: now },
          });
          if (count !== 1) return null;
          await moveStatus(tx, candidate.dataset_uid, ["queued"], pickUpStatus(candidate.function as PublishFunction), { status_next: null });
          return tx.publishJob.findUniqueOrThrow({ where: { uid: candidate.uid } });
        });
        if (claimed) return toJob(claimed);
      }
      return null;
    },

    async heartbeat(job_uid, progress) {
      const row = await db.publishJob.update({
        where: { uid: job_uid },
        data: { ...progressData(progress), heartbeat_at: new Date() },
        select: { abort_requested: true },
      });
      return { abort_requested: row.abort_requested };
    },

    async setRecordsTable(job_uid, table) {
      await db.publishJob.update({ where: { uid: job_uid }, data: { records_table: table } });
    },

    async completePublish(job_uid, progress, published) {
      return transaction(async (tx) => {
        const job = await tx.publishJob.findUniqueOrThrow({ where: { uid: job_uid } });
        if (job.state !== "running") throw new PublishJobLost(`Publish job ${job_uid} is ${job.state}, no longer running here.`);
        const dataset = await tx.dataset.findUniqueOrThrow({ where: { uid: job.dataset_uid }, select: { records_table: true, metadata: true } });
        const now = new Date();
        const outcome = published.limit ? "limit_reached" : "succeeded";
        await moveStatus(tx, job.dataset_uid, ["processing", "aborting_processing"], settleStatus(outcome), {
          status_next: null,
          status_message: null,
          status_params: published.limit ? { error: published.limit } : {},
          is_published: true,
          records_table: published.records_table,
          published_fields: published.fields,
          records_count: published.records_count,
          records_errors: published.records_errors,
          published_metadata: dataset.metadata ?? {},
          data_processed: now,
          metadata_processed: now,
        });
        await tx.publishJob.update({ where: { uid: job_uid }, data: { ...progressData(progress), state: outcome, finished_at: now } });
        return { replaced_table: dataset.records_table && dataset.records_table !== published.records_table ? dataset.records_table : null };
      });
    },

    async completeMetadata(job_uid) {
      await transaction(async (tx) => {
        const job = await tx.publishJob.findUniqueOrThrow({ where: { uid: job_uid } });
        const dataset = await tx.dataset.findUniqueOrThrow({ where: { uid: job.dataset_uid }, select: { metadata: true } });
        const now = new Date();
        await moveStatus(tx, job.dataset_uid, ["processing", "aborting_processing"], "idle", {
          status_next: null,
          status_message: null,
          published_metadata: dataset.metadata ?? {},
          metadata_processed: now,
        });
        await tx.publishJob.update({ where: { uid: job_uid }, data: { state: "succeeded", finished_at: now } });
      });
    },

    async completeUnpublish(job_uid) {
      return transaction(async (tx) => {
        const job = await tx.publishJob.findUniqueOrThrow({ where: { uid: job_uid } });
        const dataset = await tx.dataset.findUniqueOrThrow({ where: { uid: job.dataset_uid }, select: { records_table: true } });
        const now = new Date();
        await moveStatus(tx, job.dataset_uid, ["deleting"], "idle", {
          status_next: null,
          status_message: null,
          status_params: {},
          is_published: false,
          records_table: null,
          published_fields: [],
          records_count: 0,
          records_errors: [],
        });
        await tx.publishJob.update({ where: { uid: job_uid }, data: { state: "succeeded", finished_at: now } });
        return { replaced_table: dataset.records_table };
      });
    },

    async settle(job_uid, outcome, progress, message) {
      await transaction(async (tx) => {
        const job = await tx.publishJob.findUniqueOrThrow({ where: { uid: job_uid } });
        await moveStatus(tx, job.dataset_uid, ["processing", "deleting", "aborting_processing", "queued"], settleStatus(outcome), {
          status_next: null,
          status_message: outcome === "failed" ? message : null,
        });
        await tx.publishJob.update({
          where: { uid: job_uid },
          data: { ...(progress ? progressData(progress) : {}), state: outcome, message, finished_at: new Date() },
        });
      });
    },

    async requestAbort(dataset_uid) {
      return transaction(async (tx) => {
        const dataset = await tx.dataset.findUnique({ where: { uid: dataset_uid }, select: { status: true, status_previous: true } });
        if (!dataset) return null;
        const status = dataset.status as DatasetStatusName;
        const job = await tx.publishJob.findFirst({ where: { dataset_uid, state: { in: ["queued", "running"] } }, orderBy: { created_at: "desc" } });
        if (status === "queued" && job?.state === "queued") {
          // Not started yet: cancelled outright, and the dataset goes back to where it was (§3.5 #7).
          const back = (dataset.status_previous as DatasetStatusName | null) ?? "idle";
          await moveStatus(tx, dataset_uid, ["queued"], SETTLED_STATUSES.includes(back as never) ? back : "idle", { status_next: null });
          await tx.publishJob.update({ where: { uid: job.uid }, data: { state: "aborted", finished_at: new Date(), message: "Cancelled before it started." } });
          return "cancelled";
        }
        if (status === "processing" && job?.state === "running" && job.function !== "unpublish") {
          await moveStatus(tx, dataset_uid, ["processing"], "aborting_processing", { status_next: "idle" });
          await tx.publishJob.update({ where: { uid: job.uid }, data: { abort_requested: true } });
          return "requested";
        }
        throw invalidStatus(status, ABORTABLE_STATUSES);
      });
    },

    async requeueInterrupted(isDead, staleBefore) {
      const running = await db.publishJob.findMany({ where: { state: "running" } });
      const requeued: PublishJobRecord[] = [];
      for (const job of running) {
        const dead = (job.worker_id !== null && isDead(job.worker_id)) || !job.heartbeat_at || job.heartbeat_at < staleBefore;
        if (!dead) continue;
        const row = await transaction(async (tx) => {
          const { count } = await tx.publishJob.updateMany({
            where: { uid: job.uid, state: "running", worker_id: job.worker_id },
            data: { state: "queued", worker_id: null, abort_requested: false, message: "Interrupted (the worker stopped); started again." },
          });
          if (count !== 1) return null;
          const next = pickUpStatus(job.function as PublishFunction);
          await moveStatus(tx, job.dataset_uid, ["processing", "deleting", "aborting_processing"], "queued", { status_next: next });
          return tx.publishJob.findUniqueOrThrow({ where: { uid: job.uid } });
        });
        if (row) requeued.push(toJob(row));
      }
      return requeued;
    },

    async history(dataset_uid, limit) {
      const rows = await db.publishJob.findMany({ where: { dataset_uid }, orderBy: [{ created_at: "desc" }, { uid: "desc" }], take: limit });
      return rows.map(toJob);
    },

    async startedBy(user_id, limit) {
      const rows = await db.publishJob.findMany({ where: { created_by_id: user_id }, orderBy: [{ created_at: "desc" }, { uid: "desc" }], take: limit });
      return rows.map(toJob);
    },

    async byJobId(job_id, started_by) {
      const row = await db.publishJob.findFirst({ where: { job_id, created_by_id: started_by } });
      return row ? toJob(row) : null;
    },

    async tablesInUse() {
      // Jobs first, then datasets, one after the other: a swap hands a table from its job to its dataset, so it is in
      // one of the two reads whenever the swap happens. Read together, a swap between them hid the table just
      // published, and the sweep dropped it while it was served (seen on PostgreSQL).
      const jobs = await db.publishJob.findMany({ where: { state: { in: ["queued", "running"] }, records_table: { not: null } }, select: { records_table: true } });
      const datasets = await db.dataset.findMany({ where: { records_table: { not: null } }, select: { records_table: true } });
      return new Set([...datasets, ...jobs].map((r) => r.records_table!));
    },

    async queued(limit) {
      const rows = await db.publishJob.findMany({ where: { state: "queued" }, orderBy: { created_at: "asc" }, take: limit });
      return rows.map(toJob);
    },

    async published(dataset_uid) {
      const row = await db.dataset.findFirst({ where: { uid: dataset_uid, is_published: true }, select: PUBLISHED_SELECT });
      return row ? toPublished(row) : null;
    },

    // Published datasets in the trash (lib/datasets/trash.ts) are hidden from Explore: their records stay for a restore.
    async publishedStamp(dataset_id) {
      // Runs on every Explore call: not through Prisma's query compiler, which cost more than the read itself. Any
      // write through Prisma moves updated_at (@updatedAt).
      type Row = { uid: string; updated_at: Date | string | number };
      let row: Row | undefined;
      if (target.provider === "sqlite") {
        row = sqliteReadConnection(target.file).get<Row>(`SELECT uid, updated_at FROM "Dataset" WHERE dataset_id = ? AND is_published AND deleted_at IS NULL LIMIT 1`, [dataset_id]);
      } else {
        [row] = await db.$queryRawUnsafe<Row[]>(`SELECT uid, updated_at FROM "Dataset" WHERE dataset_id = $1 AND is_published AND deleted_at IS NULL LIMIT 1`, dataset_id);
      }
      return row ? { uid: row.uid, updated_at: new Date(row.updated_at) } : null;
    },

    async listPublished(dataset_id) {
      const rows = await db.dataset.findMany({
        where: { is_published: true, deleted_at: null, ...(dataset_id !== undefined ? { dataset_id } : {}) },
        select: PUBLISHED_SELECT,
        orderBy: { dataset_id: "asc" },
      });
      return rows.map(toPublished);
    },

    async status(dataset_uid) {
      const row = await db.dataset.findUnique({ where: { uid: dataset_uid }, select: { status: true, is_published: true } });
      return row ? { status: row.status as DatasetStatusName, is_published: row.is_published } : null;
    },
  };
}
