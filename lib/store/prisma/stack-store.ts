import type { Db, Prisma } from "@/lib/db/client";
import { newUid } from "@/lib/ids/uid";
import { uniqueViolationFields } from "@/lib/store/prisma/unique-violation";
import type { StackItem, StackStore } from "@/lib/store/types";

type Kind = "processor" | "field";

const select = { uid: true, dataset_uid: true, type: true, label: true, params: true, created_at: true, updated_at: true } satisfies Prisma.DatasetProcessorSelect;
type Row = Prisma.DatasetProcessorGetPayload<{ select: typeof select }>;

function toItem(row: Row): StackItem {
  return { ...row, params: row.params as Record<string, unknown>, created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString() };
}

const ORDER = [{ position: "asc" }, { uid: "asc" }] satisfies Prisma.DatasetProcessorOrderByWithRelationInput[];
const hasNul = (...values: string[]) => values.some((v) => v.includes("\u0000"));

/** The processors (kind "processor") or the field configurations (kind "field") of datasets. */
export function prismaStackStore(db: Db, kind: Kind): StackStore {
  const scope = (dataset_uid: string) => ({ dataset_uid, kind });

  return {
    async list(dataset_uid, { limit, offset }) {
      if (hasNul(dataset_uid)) return { total_count: 0, results: [] };
      const [total_count, rows] = await Promise.all([
        db.datasetProcessor.count({ where: scope(dataset_uid) }),
        db.datasetProcessor.findMany({ where: scope(dataset_uid), select, orderBy: ORDER, skip: offset, take: limit }),
      ]);
      return { total_count, results: rows.map(toItem) };
    },

    async all(dataset_uid) {
      if (hasNul(dataset_uid)) return [];
      return (await db.datasetProcessor.findMany({ where: scope(dataset_uid), select, orderBy: ORDER })).map(toItem);
    },

    async get(dataset_uid, uid) {
      if (hasNul(dataset_uid, uid)) return null;
      const row = await db.datasetProcessor.findFirst({ where: { uid, ...scope(dataset_uid) }, select });
      return row ? toItem(row) : null;
    },

    async append(dataset_uid, input) {
      for (let attempt = 1; ; attempt++) {
        try {
          // Read the last position and insert in one transaction, so concurrent appends keep their order.
          return await db.$transaction(async (tx) => {
            const last = await tx.datasetProcessor.findFirst({ where: scope(dataset_uid), orderBy: { position: "desc" }, select: { position: true } });
            const now = new Date();
            const row = await tx.datasetProcessor.create({
              data: {
                uid: newUid("pr"),
                dataset_uid,
                kind,
                position: (last?.position ?? -1) + 1,
                type: input.type,
                label: input.label,
                params: input.params as Prisma.InputJsonValue,
                created_at: now,
                updated_at: now,
              },
              select,
            });
            return toItem(row);
          });
        } catch (error) {
          if (uniqueViolationFields(error) && attempt < 8) continue;
          throw error;
        }
      }
    },

    async update(dataset_uid, uid, input) {
      if (hasNul(dataset_uid, uid)) return null;
      const { count } = await db.datasetProcessor.updateMany({
        where: { uid, ...scope(dataset_uid) },
        data: { type: input.type, label: input.label, params: input.params as Prisma.InputJsonValue, updated_at: new Date() },
      });
      return count ? this.get(dataset_uid, uid) : null;
    },

    async delete(dataset_uid, uid) {
      if (hasNul(dataset_uid, uid)) return false;
      const { count } = await db.datasetProcessor.deleteMany({ where: { uid, ...scope(dataset_uid) } });
      return count > 0;
    },

    async reorder(dataset_uid, uids) {
      if (hasNul(dataset_uid, ...uids)) return null;
      return db.$transaction(async (tx) => {
        const current = await tx.datasetProcessor.findMany({ where: scope(dataset_uid), select: { uid: true } });
        const known = new Set(current.map((r) => r.uid));
        if (uids.length !== known.size || new Set(uids).size !== uids.length || uids.some((u) => !known.has(u))) return null;
        for (const [position, uid] of uids.entries()) await tx.datasetProcessor.update({ where: { uid }, data: { position } });
        return (await tx.datasetProcessor.findMany({ where: scope(dataset_uid), select, orderBy: ORDER })).map(toItem);
      });
    },
  };
}
