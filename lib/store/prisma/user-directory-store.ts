import type { Db, Prisma } from "@/lib/db/client";
import { AppError, msg } from "@/lib/errors/app-error";
import type { AdministratorGrant, SortKey, StoredUser, UserDirectoryStore, UserFilter, UserSortField } from "@/lib/store/identity-types";
import { isUniqueViolationOn } from "@/lib/store/prisma/unique-violation";
import { liveGroups } from "@/lib/store/prisma/live-groups";

/** Lower-cased "username first last email" (as the migration's backfill computes it with SQL lower()). */
export function userSearchText(user: { username: string; first_name?: string; last_name?: string; email?: string | null }): string {
  return [user.username, user.first_name ?? "", user.last_name ?? "", user.email ?? ""].join(" ").toLowerCase();
}

export const userSelect = {
  id: true,
  username: true,
  email: true,
  first_name: true,
  last_name: true,
  is_active: true,
  identity_provider: true,
  password_hash: true,
  joined_at: true,
  last_seen_at: true,
  last_login_at: true,
  expires_at: true,
  explore_limits: true,
  permissions: { select: { permission: true }, orderBy: { permission: "asc" } },
  memberships: {
    select: { group: { select: { uid: true, title: true, permissions: { select: { permission: true }, orderBy: { permission: "asc" } } } } },
    orderBy: { group_uid: "asc" },
  },
  tokens: { where: { purpose: "invitation" }, select: { expires_at: true }, orderBy: { expires_at: "desc" }, take: 1 },
} satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export function toStoredUser(row: UserRow): StoredUser {
  return {
    user_id: row.id,
    username: row.username,
    email: row.email,
    first_name: row.first_name,
    last_name: row.last_name,
    is_active: row.is_active,
    identity_provider: row.identity_provider,
    permissions: row.permissions.map((p) => p.permission),
    groups: liveGroups(row.memberships).map((group) => ({ uid: group.uid, title: group.title, permissions: group.permissions.map((p) => p.permission) })),
    has_password: row.password_hash !== null,
    invitation_expires_at: row.tokens[0]?.expires_at.toISOString() ?? null,
    joined_at: row.joined_at.toISOString(),
    last_seen_at: row.last_seen_at?.toISOString() ?? null,
    last_login_at: row.last_login_at?.toISOString() ?? null,
    expires_at: row.expires_at?.toISOString() ?? null,
    explore_limits: row.explore_limits ?? null,
  };
}

export function userFilterWhere(filter: UserFilter): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  const search = filter.search?.trim().toLowerCase();
  if (search) and.push({ search_text: { contains: search } });
  for (const permission of filter.permissions ?? []) and.push({ permissions: { some: { permission } } });
  for (const permission of filter.all_permissions ?? []) {
    and.push({ OR: [{ permissions: { some: { permission } } }, { memberships: { some: { group: { permissions: { some: { permission } } } } } }] });
  }
  if (filter.group) and.push({ memberships: { some: { group_uid: filter.group } } });
  return and.length ? { AND: and } : {};
}

function orderBy(sort: SortKey<UserSortField>[]): Prisma.UserOrderByWithRelationInput[] {
  const order: Prisma.UserOrderByWithRelationInput[] = sort.map(({ field, desc }) =>
    field === "last_seen_at" ? { last_seen_at: { sort: desc ? "desc" : "asc", nulls: desc ? "last" : "first" } } : { [field]: desc ? "desc" : "asc" },
  );
  // a stable order for pages
  if (!sort.some((s) => s.field === "username")) order.push({ username: "asc" });
  return order;
}

function emailTaken(error: unknown): never {
  if (isUniqueViolationOn(error, "email")) {
    const message = msg("errors.user_field_taken", { field: "email" });
    throw new AppError("validation_error", message, { fieldErrors: { email: [message] }, cause: error });
  }
  throw error;
}

export function prismaUserDirectoryStore(db: Db): UserDirectoryStore {
  const find = (username: string) => db.user.findUnique({ where: { username }, select: userSelect });

  return {
    async list(filter, sort, page) {
      const where = userFilterWhere(filter);
      const total_count = await db.user.count({ where });
      if (page.limit === 0 || page.offset >= total_count) return { total_count, results: [] };
      const rows = await db.user.findMany({ where, select: userSelect, orderBy: orderBy(sort), skip: page.offset, take: page.limit });
      return { total_count, results: rows.map(toStoredUser) };
    },

    async get(username) {
      const row = await find(username);
      return row ? toStoredUser(row) : null;
    },

    async update(username, changes) {
      const current = await find(username);
      if (!current) return null;
      const next = {
        username,
        first_name: changes.first_name ?? current.first_name,
        last_name: changes.last_name ?? current.last_name,
        email: changes.email === undefined ? current.email : changes.email,
      };
      await db
        .$transaction(async (tx) => {
          await tx.user.update({
            where: { id: current.id },
            data: {
              first_name: next.first_name,
              last_name: next.last_name,
              email: next.email,
              search_text: userSearchText(next),
              ...(changes.is_active === undefined ? {} : { is_active: changes.is_active }),
              // null clears the limits: stored as {} (no limit)
              ...(changes.explore_limits === undefined ? {} : { explore_limits: (changes.explore_limits ?? {}) as Prisma.InputJsonValue }),
            },
          });
          if (changes.permissions) {
            await tx.userPermission.deleteMany({ where: { user_id: current.id } });
            const permissions = [...new Set(changes.permissions)];
            if (permissions.length) await tx.userPermission.createMany({ data: permissions.map((permission) => ({ user_id: current.id, permission })) });
          }
        })
        .catch(emailTaken);
      const row = await find(username);
      return row ? toStoredUser(row) : null;
    },

    async delete(username) {
      const { count } = await db.user.deleteMany({ where: { username } });
      return count > 0;
    },

    async setPassword(user_id, password_hash) {
      await db.user.update({ where: { id: user_id }, data: { password_hash } });
    },

    async setIdentityProvider(user_id, identity_provider) {
      await db.user.update({ where: { id: user_id }, data: { identity_provider } });
    },

    async revokeSessions(user_id, at) {
      const { count } = await db.session.updateMany({ where: { user_id, revoked_at: null }, data: { revoked_at: at } });
      return count;
    },

    async administrators(): Promise<AdministratorGrant[]> {
      const rows = await db.user.findMany({
        where: {
          is_active: true,
          OR: [
            { permissions: { some: { permission: "edit_domain" } } },
            { memberships: { some: { group: { permissions: { some: { permission: "edit_domain" } } } } } },
          ],
        },
        select: {
          id: true,
          permissions: { where: { permission: "edit_domain" }, select: { permission: true } },
          memberships: { where: { group: { permissions: { some: { permission: "edit_domain" } } } }, select: { group_uid: true } },
        },
      });
      return rows.map((r) => ({ user_id: r.id, direct: r.permissions.length > 0, groups: r.memberships.map((m) => m.group_uid) }));
    },

    async createToken(input) {
      await db.userToken.create({ data: input });
    },

    async findToken(token_hash) {
      const row = await db.userToken.findUnique({ where: { token_hash }, select: { purpose: true, expires_at: true, user: { select: userSelect } } });
      return row ? { purpose: row.purpose, expires_at: row.expires_at, user: toStoredUser(row.user) } : null;
    },

    async consumeToken(token_hash) {
      const { count } = await db.userToken.deleteMany({ where: { token_hash } });
      return count > 0;
    },

    async deleteTokens(user_id) {
      await db.userToken.deleteMany({ where: { user_id } });
    },
  };
}
