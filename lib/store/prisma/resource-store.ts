import type { Db, Prisma } from "@/lib/db/client";
import { AppError, msg } from "@/lib/errors/app-error";
import { newUid } from "@/lib/ids/uid";
import type { Datasource } from "@/lib/resources/schema";
import type { NewStoredFile, ResourceInput, ResourceStore, StoredFile, StoredResource } from "@/lib/store/types";
import { uniqueViolationFields } from "@/lib/store/prisma/unique-violation";

type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * `work` in a transaction of its own, or in the caller's when this store was built on a transaction client
 * (Store.transaction): Prisma's transaction clients have no $transaction, and do not nest.
 */
function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return typeof db.$transaction === "function" ? db.$transaction(work) : work(db);
}

const fileSelect = {
  uid: true,
  dataset_uid: true,
  filename: true,
  mimetype: true,
  size: true,
  sha256: true,
  storage_name: true,
  created_at: true,
} satisfies Prisma.DatasetFileSelect;
type FileRow = Prisma.DatasetFileGetPayload<{ select: typeof fileSelect }>;

const resourceSelect = {
  uid: true,
  dataset_uid: true,
  type: true,
  title: true,
  description: true,
  params: true,
  datasource: true,
  created_at: true,
  updated_at: true,
  file: { select: fileSelect },
} satisfies Prisma.ResourceSelect;
type ResourceRow = Prisma.ResourceGetPayload<{ select: typeof resourceSelect }>;

function toFile(row: FileRow): StoredFile {
  return { ...row, size: Number(row.size), created_at: row.created_at.toISOString() };
}

function toResource(row: ResourceRow): StoredResource {
  return {
    uid: row.uid,
    dataset_uid: row.dataset_uid,
    type: row.type,
    title: row.title,
    description: row.description,
    params: row.params as Record<string, unknown>,
    datasource: row.datasource as Datasource,
    file: row.file ? toFile(row.file) : null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

const hasNul = (...values: string[]) => values.some((v) => v.includes("\u0000"));
const UID_ATTEMPTS = 8;

function fileUidOf(datasource: Datasource): string | null {
  return datasource.type === "uploaded_file" ? datasource.file.uid : null;
}

/** The stored datasource keeps only the file's uid: its description comes from the DatasetFile row. */
function storedDatasource(datasource: Datasource): Prisma.InputJsonValue {
  if (datasource.type === "uploaded_file") return { type: "uploaded_file", file: { uid: datasource.file.uid } };
  return datasource as unknown as Prisma.InputJsonValue;
}

async function requireDatasetFile(tx: Tx, dataset_uid: string, file_uid: string | null): Promise<void> {
  if (!file_uid) return;
  const found = await tx.datasetFile.findFirst({ where: { uid: file_uid, dataset_uid }, select: { uid: true } });
  if (!found) {
    const message = msg("resources.file_not_in_dataset", { file_uid });
    throw new AppError("validation_error", message, { fieldErrors: { "datasource.file.uid": [message] } });
  }
}

/** Deletes `file_uid` when no resource uses it any more; returns it so the caller can remove its bytes. */
async function releaseFile(tx: Tx, file_uid: string | null): Promise<StoredFile | null> {
  if (!file_uid) return null;
  const users = await tx.resource.count({ where: { file_uid } });
  if (users > 0) return null;
  const row = await tx.datasetFile.findUnique({ where: { uid: file_uid }, select: fileSelect });
  if (!row) return null;
  await tx.datasetFile.delete({ where: { uid: file_uid } });
  return toFile(row);
}

async function withNewUid<T>(prefix: "re" | "fi", create: (uid: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create(newUid(prefix));
    } catch (error) {
      // Six random characters collide now and then at scale: draw another uid.
      if (uniqueViolationFields(error)?.some((f) => f === "uid" || f.endsWith("_pkey")) && attempt < UID_ATTEMPTS) continue;
      throw error;
    }
  }
}

export function prismaResourceStore(db: Db): ResourceStore {
  return {
    async list(dataset_uid, { limit, offset }) {
      if (hasNul(dataset_uid)) return { total_count: 0, results: [] };
      const where = { dataset_uid };
      const [total_count, rows] = await Promise.all([
        db.resource.count({ where }),
        db.resource.findMany({ where, select: resourceSelect, orderBy: [{ created_at: "asc" }, { uid: "asc" }], skip: offset, take: limit }),
      ]);
      return { total_count, results: rows.map(toResource) };
    },

    async get(dataset_uid, resource_uid) {
      if (hasNul(dataset_uid, resource_uid)) return null;
      const row = await db.resource.findFirst({ where: { uid: resource_uid, dataset_uid }, select: resourceSelect });
      return row ? toResource(row) : null;
    },

    async create(dataset_uid, input: ResourceInput) {
      const file_uid = fileUidOf(input.datasource);
      return withNewUid("re", (uid) =>
        inTransaction(db, async (tx) => {
          await requireDatasetFile(tx, dataset_uid, file_uid);
          const now = new Date();
          const row = await tx.resource.create({
            data: {
              uid,
              dataset_uid,
              type: input.type,
              title: input.title,
              description: input.description ?? null,
              params: input.params as Prisma.InputJsonValue,
              datasource: storedDatasource(input.datasource),
              file_uid,
              created_at: now,
              updated_at: now,
            },
            select: resourceSelect,
          });
          return toResource(row);
        }),
      );
    },

    async update(dataset_uid, resource_uid, input) {
      if (hasNul(dataset_uid, resource_uid)) return null;
      return inTransaction(db, async (tx) => {
        const current = await tx.resource.findFirst({ where: { uid: resource_uid, dataset_uid }, select: { file_uid: true } });
        if (!current) return null;
        const file_uid = fileUidOf(input.datasource);
        await requireDatasetFile(tx, dataset_uid, file_uid);
        const row = await tx.resource.update({
          where: { uid: resource_uid },
          data: {
            type: input.type,
            title: input.title,
            ...(input.description !== undefined ? { description: input.description } : {}),
            params: input.params as Prisma.InputJsonValue,
            datasource: storedDatasource(input.datasource),
            file_uid,
            updated_at: new Date(),
          },
          select: resourceSelect,
        });
        const released_file = current.file_uid !== file_uid ? await releaseFile(tx, current.file_uid) : null;
        return { resource: toResource(row), released_file };
      });
    },

    async delete(dataset_uid, resource_uid) {
      if (hasNul(dataset_uid, resource_uid)) return null;
      return inTransaction(db, async (tx) => {
        const current = await tx.resource.findFirst({ where: { uid: resource_uid, dataset_uid }, select: { file_uid: true } });
        if (!current) return null;
        await tx.resource.delete({ where: { uid: resource_uid } });
        return { released_file: await releaseFile(tx, current.file_uid) };
      });
    },

    async createFile(input: NewStoredFile) {
      return withNewUid("fi", async (uid) => {
        const row = await db.datasetFile.create({
          data: {
            uid,
            dataset_uid: input.dataset_uid,
            filename: input.filename,
            mimetype: input.mimetype,
            size: BigInt(input.size),
            sha256: input.sha256,
            storage_name: input.storage_name,
            created_by_id: input.created_by_id,
          },
          select: fileSelect,
        });
        return toFile(row);
      });
    },

    async getFile(dataset_uid, file_uid) {
      if (hasNul(dataset_uid, file_uid)) return null;
      const row = await db.datasetFile.findFirst({ where: { uid: file_uid, dataset_uid }, select: fileSelect });
      return row ? toFile(row) : null;
    },

    async listFiles(dataset_uid) {
      const rows = await db.datasetFile.findMany({ where: { dataset_uid }, select: fileSelect });
      return rows.map(toFile);
    },

    async deleteUnusedFiles(before) {
      return inTransaction(db, async (tx) => {
        const rows = await tx.datasetFile.findMany({ where: { created_at: { lt: before }, resources: { none: {} } }, select: fileSelect });
        if (rows.length) await tx.datasetFile.deleteMany({ where: { uid: { in: rows.map((r) => r.uid) }, resources: { none: {} } } });
        return rows.map(toFile);
      });
    },
  };
}
