import type { Db, Prisma } from "@/lib/db/client";
import { AppError, msg } from "@/lib/errors/app-error";
import { randomToken } from "@/lib/ids/uid";
import { isUniqueViolationOn } from "@/lib/store/prisma/unique-violation";
import type { ApiKeyRecord, IdentityStore, PrincipalRecord } from "@/lib/store/types";
import { userSearchText } from "@/lib/store/prisma/user-directory-store";
import { appliedRuleset } from "@/lib/store/prisma/ruleset-store";
import { liveGroups } from "@/lib/store/prisma/live-groups";

const rulesetSelect = { dataset_uid: true, security: true, permissions: true } satisfies Prisma.DatasetRulesetSelect;

const principalSelect = {
  id: true,
  username: true,
  is_active: true,
  locale: true,
  expires_at: true,
  permissions: { select: { permission: true } },
  memberships: {
    select: {
      group: {
        select: {
          uid: true,
          title: true,
          permissions: { select: { permission: true } },
          rulesets: { select: rulesetSelect },
        },
      },
    },
  },
  rulesets: { select: rulesetSelect },
} satisfies Prisma.UserSelect;

type PrincipalRow = Prisma.UserGetPayload<{ select: typeof principalSelect }>;

function toPrincipal(row: PrincipalRow): PrincipalRecord {
  const permissions = new Set(row.permissions.map((p) => p.permission));
  const groups = liveGroups(row.memberships);
  for (const group of groups) for (const p of group.permissions) permissions.add(p.permission);
  return {
    user_id: row.id,
    username: row.username,
    is_active: row.is_active,
    locale: row.locale,
    expires_at: row.expires_at ? row.expires_at.toISOString() : null,
    permissions: [...permissions].sort(),
    rulesets: [
      ...row.rulesets.map((r) => appliedRuleset(r, { kind: "user" })),
      ...groups.flatMap((group) => group.rulesets.map((r) => appliedRuleset(r, { kind: "group", group_uid: group.uid, title: group.title }))),
    ],
  };
}

const apiKeyInclude = { permissions: { select: { permission: true } }, user: { select: principalSelect } } satisfies Prisma.ApiKeyInclude;

function toApiKeyRecord(row: Prisma.ApiKeyGetPayload<{ include: typeof apiKeyInclude }>): ApiKeyRecord {
  return {
    uid: row.uid,
    label: row.label,
    permissions: row.permissions.map((p) => p.permission),
    revoked_at: row.revoked_at,
    last_used_at: row.last_used_at,
    user: toPrincipal(row.user),
  };
}

export function prismaIdentityStore(db: Db): IdentityStore {
  return {
    countUsers: () => db.user.count(),

    async findUserForSignIn(username) {
      const row = await db.user.findUnique({ where: { username }, select: { ...principalSelect, password_hash: true } });
      return row ? { user: toPrincipal(row), password_hash: row.password_hash } : null;
    },

    async createUser(input) {
      const row = await db.user
        .create({
        data: {
          id: `us_${randomToken(8)}`,
          username: input.username,
          email: input.email ?? null,
          first_name: input.first_name ?? "",
          last_name: input.last_name ?? "",
          password_hash: input.password_hash ?? null,
          locale: input.locale ?? null,
          search_text: userSearchText(input),
          permissions: { create: [...new Set(input.permissions)].map((permission) => ({ permission })) },
        },
        select: principalSelect,
      })
        .catch((error: unknown) => {
          for (const field of ["username", "email"] as const) {
            if (isUniqueViolationOn(error, field)) {
              const message = msg("errors.user_field_taken", { field });
              throw new AppError("validation_error", message, { fieldErrors: { [field]: [message] }, cause: error });
            }
          }
          throw error;
        });
      return toPrincipal(row);
    },

    async setUserLocale(user_id, locale) {
      await db.user.update({ where: { id: user_id }, data: { locale } });
    },

    async recordSignIn(user_id, at) {
      await db.user.update({ where: { id: user_id }, data: { last_login_at: at, last_seen_at: at } });
    },

    async createGroup(input) {
      await db.group.create({
        data: {
          uid: input.uid,
          title: input.title,
          description: input.description ?? "",
          permissions: { create: [...new Set(input.permissions)].map((permission) => ({ permission })) },
        },
      });
    },

    async addMember(group_uid, user_id) {
      await db.membership.upsert({
        where: { group_uid_user_id: { group_uid, user_id } },
        create: { group_uid, user_id },
        update: {},
      });
    },

    async createSession(input) {
      await db.session.create({ data: input });
    },

    async findSession(id) {
      const row = await db.session.findUnique({ where: { id }, include: { user: { select: principalSelect } } });
      if (!row) return null;
      return {
        id: row.id,
        created_at: row.created_at,
        last_seen_at: row.last_seen_at,
        expires_at: row.expires_at,
        revoked_at: row.revoked_at,
        user: toPrincipal(row.user),
      };
    },

    async touchSession(id, at) {
      await db.session.updateMany({ where: { id }, data: { last_seen_at: at } });
    },

    async revokeSession(id, at) {
      await db.session.updateMany({ where: { id, revoked_at: null }, data: { revoked_at: at } });
    },

    async createApiKey(input) {
      await db.apiKey.create({
        data: {
          uid: input.uid,
          key_hash: input.key_hash,
          key_prefix: input.key_prefix,
          label: input.label,
          user_id: input.user_id,
          permissions: { create: [...new Set(input.permissions)].map((permission) => ({ permission })) },
        },
      });
    },

    async findApiKeyByHash(key_hash) {
      const row = await db.apiKey.findUnique({
        where: { key_hash },
        include: apiKeyInclude,
      });
      return row ? toApiKeyRecord(row) : null;
    },

    async findPrincipal(username) {
      const row = await db.user.findUnique({ where: { username }, select: principalSelect });
      return row ? toPrincipal(row) : null;
    },

    async findApiKeyByUid(uid) {
      const row = await db.apiKey.findUnique({
        where: { uid },
        include: apiKeyInclude,
      });
      return row ? toApiKeyRecord(row) : null;
    },

    async touchApiKey(uid, at) {
      await db.apiKey.updateMany({ where: { uid }, data: { last_used_at: at } });
    },
  };
}
