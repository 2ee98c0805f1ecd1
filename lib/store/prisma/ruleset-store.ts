// Dataset security rulesets and the Explore call counters of their quotas, in our own database.
import type { Db, Prisma } from "@/lib/db/client";
import type { DatasetSecurity } from "@/lib/datasets/schema";
import type { AppliedRuleset, RulesetSource } from "@/lib/dataset-security/effective-access";
import { datasetPermissionSchema, type DatasetPermission } from "@/lib/dataset-security/schema";
import { randomToken } from "@/lib/ids/uid";
import { isUniqueViolationOn } from "@/lib/store/prisma/unique-violation";
import type { ApiCallCounterStore, RulesetStore, RulesetTargetRef, StoredRuleset } from "@/lib/store/security-types";

const select = {
  dataset_uid: true,
  security: true,
  permissions: true,
  created_at: true,
  updated_at: true,
  user: { select: { id: true, username: true } },
  group: { select: { uid: true, title: true } },
} satisfies Prisma.DatasetRulesetSelect;

type Row = Prisma.DatasetRulesetGetPayload<{ select: typeof select }>;

/** Stored permissions are JSON: anything outside the vocabulary (an older version's) is ignored. */
function permissionsOf(value: unknown): DatasetPermission[] {
  return Array.isArray(value) ? value.filter((p): p is DatasetPermission => datasetPermissionSchema.safeParse(p).success) : [];
}

export function appliedRuleset(row: { dataset_uid: string; security: unknown; permissions: unknown }, source: RulesetSource): AppliedRuleset {
  return { dataset_uid: row.dataset_uid, source, security: row.security as DatasetSecurity, permissions: permissionsOf(row.permissions) };
}

function toRuleset(row: Row): StoredRuleset {
  return {
    dataset_uid: row.dataset_uid,
    target: row.user ? { kind: "user", user_id: row.user.id, username: row.user.username } : { kind: "group", group_uid: row.group!.uid, title: row.group!.title },
    security: row.security as DatasetSecurity,
    permissions: permissionsOf(row.permissions),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function targetWhere(dataset_uid: string, target: RulesetTargetRef): Prisma.DatasetRulesetWhereInput {
  return target.kind === "user" ? { dataset_uid, user: { username: target.username } } : { dataset_uid, group_uid: target.group_uid };
}

export function prismaRulesetStore(db: Db): RulesetStore {
  return {
    async list(dataset_uid, kind, page) {
      const where: Prisma.DatasetRulesetWhereInput = kind === "user" ? { dataset_uid, user_id: { not: null } } : { dataset_uid, group_uid: { not: null } };
      const orderBy: Prisma.DatasetRulesetOrderByWithRelationInput = kind === "user" ? { user: { username: "asc" } } : { group_uid: "asc" };
      const [total_count, rows] = await Promise.all([
        db.datasetRuleset.count({ where }),
        db.datasetRuleset.findMany({ where, select, orderBy, skip: page.offset, take: page.limit }),
      ]);
      return { total_count, results: rows.map(toRuleset) };
    },

    async all(dataset_uid) {
      const rows = await db.datasetRuleset.findMany({ where: { dataset_uid }, select });
      const rulesets = rows.map(toRuleset);
      const name = (r: StoredRuleset) => (r.target.kind === "user" ? `0${r.target.username}` : `1${r.target.group_uid}`);
      return rulesets.sort((a, b) => name(a).localeCompare(name(b)));
    },

    async get(dataset_uid, target) {
      const row = await db.datasetRuleset.findFirst({ where: targetWhere(dataset_uid, target), select });
      return row ? toRuleset(row) : null;
    },

    async create(dataset_uid, target, input) {
      const owner =
        target.kind === "user"
          ? await db.user.findUnique({ where: { username: target.username }, select: { id: true } })
          : await db.group.findUnique({ where: { uid: target.group_uid }, select: { uid: true } });
      if (!owner) return "no_target";
      try {
        const row = await db.datasetRuleset.create({
          data: {
            id: `dr_${randomToken(10)}`,
            dataset_uid,
            user_id: target.kind === "user" ? (owner as { id: string }).id : null,
            group_uid: target.kind === "group" ? target.group_uid : null,
            security: input.security as Prisma.InputJsonValue,
            permissions: input.permissions as Prisma.InputJsonValue,
          },
          select,
        });
        return toRuleset(row);
      } catch (error) {
        if (isUniqueViolationOn(error, "dataset_uid") || isUniqueViolationOn(error, target.kind === "user" ? "user_id" : "group_uid")) return "exists";
        throw error;
      }
    },

    async update(dataset_uid, target, input) {
      const current = await db.datasetRuleset.findFirst({ where: targetWhere(dataset_uid, target), select: { id: true } });
      if (!current) return null;
      const row = await db.datasetRuleset.update({
        where: { id: current.id },
        data: { security: input.security as Prisma.InputJsonValue, permissions: input.permissions as Prisma.InputJsonValue },
        select,
      });
      return toRuleset(row);
    },

    async delete(dataset_uid, target) {
      const { count } = await db.datasetRuleset.deleteMany({ where: targetWhere(dataset_uid, target) });
      return count > 0;
    },

    async ofGroup(group_uid) {
      const rows = await db.datasetRuleset.findMany({ where: { group_uid }, select: { dataset_uid: true, security: true, permissions: true, group: { select: { uid: true, title: true } } } });
      return rows.map((r) => appliedRuleset(r, { kind: "group", group_uid: r.group!.uid, title: r.group!.title }));
    },
  };
}

export function prismaApiCallCounterStore(db: Db): ApiCallCounterStore {
  return {
    async increment(key, window_start) {
      // One row per window (its start is in the key), so an increment never has to reset a counter in place.
      const upsert = () =>
        db.apiCallCounter.upsert({ where: { key }, create: { key, window_start, calls: 1 }, update: { calls: { increment: 1 } }, select: { calls: true } });
      try {
        return (await upsert()).calls;
      } catch (error) {
        // Two first calls of a window raced to create its row: the loser increments it.
        if (isUniqueViolationOn(error, "key")) return (await upsert()).calls;
        throw error;
      }
    },

    async sweep(before) {
      const { count } = await db.apiCallCounter.deleteMany({ where: { window_start: { lt: before } } });
      return count;
    },
  };
}
