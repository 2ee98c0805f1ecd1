import type { Db, Prisma } from "@/lib/db/client";
import type { ApiKeyStore, StoredApiKey } from "@/lib/store/identity-types";

const apiKeySelect = {
  uid: true,
  label: true,
  key_prefix: true,
  created_at: true,
  last_used_at: true,
  revoked_at: true,
  revocation_reason: true,
  permissions: { select: { permission: true }, orderBy: { permission: "asc" } },
  user: { select: { id: true, username: true } },
} satisfies Prisma.ApiKeySelect;

type ApiKeyRow = Prisma.ApiKeyGetPayload<{ select: typeof apiKeySelect }>;

function toStoredApiKey(row: ApiKeyRow): StoredApiKey {
  return {
    uid: row.uid,
    label: row.label,
    key_prefix: row.key_prefix,
    permissions: row.permissions.map((p) => p.permission),
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
    revocation_reason: row.revocation_reason,
    user: { user_id: row.user.id, username: row.user.username },
  };
}

export function prismaApiKeyStore(db: Db): ApiKeyStore {
  const find = async (uid: string, user_id: string) => {
    const row = await db.apiKey.findFirst({ where: { uid, user_id }, select: apiKeySelect });
    return row ? toStoredApiKey(row) : null;
  };

  return {
    async create(input) {
      const row = await db.apiKey.create({
        data: {
          uid: input.uid,
          key_hash: input.key_hash,
          key_prefix: input.key_prefix,
          label: input.label,
          user_id: input.user_id,
          permissions: { create: [...new Set(input.permissions)].map((permission) => ({ permission })) },
        },
        select: apiKeySelect,
      });
      return toStoredApiKey(row);
    },

    async list(user_id, page) {
      const where = { user_id };
      const total_count = await db.apiKey.count({ where });
      if (page.limit === 0 || page.offset >= total_count) return { total_count, results: [] };
      const rows = await db.apiKey.findMany({ where, select: apiKeySelect, orderBy: [{ created_at: "desc" }, { uid: "asc" }], skip: page.offset, take: page.limit });
      return { total_count, results: rows.map(toStoredApiKey) };
    },

    get: find,

    async update(uid, user_id, changes) {
      const { count } = await db.apiKey.updateMany({ where: { uid, user_id }, data: changes.label === undefined ? {} : { label: changes.label } });
      if (count === 0) return null;
      if (changes.permissions) {
        const permissions = [...new Set(changes.permissions)];
        await db.$transaction([
          db.apiKeyPermission.deleteMany({ where: { api_key_uid: uid } }),
          db.apiKeyPermission.createMany({ data: permissions.map((permission) => ({ api_key_uid: uid, permission })) }),
        ]);
      }
      return find(uid, user_id);
    },

    async revoke(uid, user_id, reason, at) {
      await db.apiKey.updateMany({ where: { uid, user_id, revoked_at: null }, data: { revoked_at: at, revocation_reason: reason } });
      return find(uid, user_id);
    },

    async listAll(page) {
      const total_count = await db.apiKey.count();
      if (page.limit === 0 || page.offset >= total_count) return { total_count, results: [] };
      const rows = await db.apiKey.findMany({ select: apiKeySelect, orderBy: [{ created_at: "desc" }, { uid: "asc" }], skip: page.offset, take: page.limit });
      return { total_count, results: rows.map(toStoredApiKey) };
    },

    async findByHash(key_hash) {
      const row = await db.apiKey.findUnique({ where: { key_hash }, select: apiKeySelect });
      return row ? toStoredApiKey(row) : null;
    },
  };
}
