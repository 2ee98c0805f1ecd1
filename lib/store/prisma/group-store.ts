import type { Db, Prisma } from "@/lib/db/client";
import { AppError, msg } from "@/lib/errors/app-error";
import type { GroupSortField, GroupStore, SortKey, StoredGroup } from "@/lib/store/identity-types";
import { isUniqueViolationOn } from "@/lib/store/prisma/unique-violation";
import { toStoredUser, userSelect } from "@/lib/store/prisma/user-directory-store";

const groupSelect = {
  uid: true,
  title: true,
  description: true,
  explore_limits: true,
  created_at: true,
  updated_at: true,
  created_by: true,
  updated_by: true,
  permissions: { select: { permission: true }, orderBy: { permission: "asc" } },
  _count: { select: { memberships: true } },
} satisfies Prisma.GroupSelect;

type GroupRow = Prisma.GroupGetPayload<{ select: typeof groupSelect }>;

function toStoredGroup(row: GroupRow): StoredGroup {
  return {
    uid: row.uid,
    title: row.title,
    description: row.description,
    permissions: row.permissions.map((p) => p.permission),
    explore_limits: row.explore_limits ?? null,
    user_count: row._count.memberships,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    created_by: row.created_by,
    updated_by: row.updated_by,
  };
}

function orderBy(sort: SortKey<GroupSortField>): Prisma.GroupOrderByWithRelationInput[] {
  const dir = sort.desc ? "desc" : "asc";
  const first: Prisma.GroupOrderByWithRelationInput = (() => {
    switch (sort.field) {
      case "created_by__username":
        return { created_by: { sort: dir, nulls: "last" } };
      case "updated_by__username":
        return { updated_by: { sort: dir, nulls: "last" } };
      case "user_count":
        return { memberships: { _count: dir } };
      case "group__title":
        return { title: dir };
      default:
        return { [sort.field]: dir };
    }
  })();
  return [first, { uid: "asc" }];
}

/** null (no limits) is stored as {} */
const jsonValue = (value: unknown) => (value ?? {}) as Prisma.InputJsonValue;

export function prismaGroupStore(db: Db): GroupStore {
  const find = (uid: string) => db.group.findUnique({ where: { uid }, select: groupSelect });

  return {
    async list(filter, sort, page) {
      const and: Prisma.GroupWhereInput[] = [];
      const search = filter.search?.trim();
      // uid is lower-case; titles and descriptions match as typed or lower-cased (PostgreSQL compares case-sensitively)
      if (search) {
        const variants = [...new Set([search, search.toLowerCase()])];
        and.push({ OR: variants.flatMap((s) => [{ uid: { contains: s } }, { title: { contains: s } }, { description: { contains: s } }]) });
      }
      for (const permission of filter.permissions ?? []) and.push({ permissions: { some: { permission } } });
      const where: Prisma.GroupWhereInput = and.length ? { AND: and } : {};
      const total_count = await db.group.count({ where });
      if (page.limit === 0 || page.offset >= total_count) return { total_count, results: [] };
      const rows = await db.group.findMany({ where, select: groupSelect, orderBy: orderBy(sort), skip: page.offset, take: page.limit });
      return { total_count, results: rows.map(toStoredGroup) };
    },

    async get(uid) {
      const row = await find(uid);
      return row ? toStoredGroup(row) : null;
    },

    async create(uid, input, by) {
      const row = await db.group
        .create({
          data: {
            uid,
            title: input.title,
            description: input.description,
            explore_limits: jsonValue(input.explore_limits),
            created_by: by,
            updated_by: by,
            permissions: { create: [...new Set(input.permissions)].map((permission) => ({ permission })) },
          },
          select: groupSelect,
        })
        .catch((error: unknown) => {
          if (isUniqueViolationOn(error, "uid")) {
            const message = msg("identity.errors.group_exists", { uid });
            throw new AppError("validation_error", message, { fieldErrors: { title: [message] }, cause: error });
          }
          throw error;
        });
      return toStoredGroup(row);
    },

    async update(uid, changes, by) {
      const { count } = await db.group.updateMany({
        where: { uid },
        data: {
          ...(changes.title === undefined ? {} : { title: changes.title }),
          ...(changes.description === undefined ? {} : { description: changes.description }),
          ...(changes.explore_limits === undefined ? {} : { explore_limits: jsonValue(changes.explore_limits) }),
          updated_by: by,
          updated_at: new Date(),
        },
      });
      if (count === 0) return null;
      if (changes.permissions) {
        const permissions = [...new Set(changes.permissions)];
        await db.$transaction([
          db.groupPermission.deleteMany({ where: { group_uid: uid } }),
          db.groupPermission.createMany({ data: permissions.map((permission) => ({ group_uid: uid, permission })) }),
        ]);
      }
      const row = await find(uid);
      return row ? toStoredGroup(row) : null;
    },

    async delete(uid) {
      const { count } = await db.group.deleteMany({ where: { uid } });
      return count > 0;
    },

    async members(uid, page) {
      const where: Prisma.UserWhereInput = { memberships: { some: { group_uid: uid } } };
      const total_count = await db.user.count({ where });
      if (page.limit === 0 || page.offset >= total_count) return { total_count, results: [] };
      const rows = await db.user.findMany({ where, select: userSelect, orderBy: { username: "asc" }, skip: page.offset, take: page.limit });
      return { total_count, results: rows.map(toStoredUser) };
    },

    async addMember(uid, user_id, by) {
      const existing = await db.membership.findUnique({ where: { group_uid_user_id: { group_uid: uid, user_id } } });
      if (existing) return false;
      await db.membership.upsert({ where: { group_uid_user_id: { group_uid: uid, user_id } }, create: { group_uid: uid, user_id }, update: {} });
      await db.group.updateMany({ where: { uid }, data: { updated_by: by, updated_at: new Date() } });
      return true;
    },

    async removeMember(uid, user_id, by) {
      const { count } = await db.membership.deleteMany({ where: { group_uid: uid, user_id } });
      if (count) await db.group.updateMany({ where: { uid }, data: { updated_by: by, updated_at: new Date() } });
      return count > 0;
    },
  };
}
