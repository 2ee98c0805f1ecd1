// Users, groups and API keys of the upstream domain (proxy mode): the operations of lib/users, lib/groups and
// lib/api-keys as official Automation API calls, read back into the shapes those services hand around. What the
// official objects do not carry (an account's internal id, whether it still has to choose a password, a key's
// prefix and last use) is left empty; the upstream applies its own rules (no escalation, a last administrator).
import { z } from "zod";
import { isPermission } from "@/lib/auth/permissions";
import type { ApiKeyCreate, ApiKeyUpdate } from "@/lib/api-keys/schema";
import { AppError, msg } from "@/lib/errors/app-error";
import type { GroupCreate, GroupListQuery, GroupUpdate } from "@/lib/groups/schema";
import { paginatedSchema } from "@/lib/http/pagination";
import type { StoredApiKey, StoredGroup, StoredUser } from "@/lib/store/identity-types";
import type { Page } from "@/lib/store/types";
import type { InviteItem, User, UserListQuery, UserUpdate } from "@/lib/users/schema";
import { parseAnswer } from "@/lib/store/remote/parse-answer";
import { seg, type UpstreamCaller } from "@/lib/store/remote/upstream-client";

// The official objects, every property optional but the identifier: an Opendatasoft domain may leave any out.
const permissions = z.array(z.string()).default([]).transform((list) => list.filter(isPermission));
const groupAnswer = z
  .object({
    uid: z.string(),
    title: z.string().default(""),
    description: z.string().nullable().default(""),
    user_count: z.number().int().default(0),
    permissions,
    explore_limits: z.unknown().optional(),
    created_at: z.string().default(""),
    updated_at: z.string().default(""),
    created_by: z.object({ username: z.string() }).loose().nullable().optional(),
    updated_by: z.object({ username: z.string() }).loose().nullable().optional(),
  })
  .loose();
const userAnswer = z
  .object({
    username: z.string(),
    email: z.string().nullable().default(""),
    first_name: z.string().nullable().default(""),
    last_name: z.string().nullable().default(""),
    is_active: z.boolean().default(true),
    permissions,
    groups: z.array(z.object({ uid: z.string(), title: z.string().optional(), permissions: z.array(z.string()).optional() }).loose()).default([]),
    joined_at: z.string().default(""),
    last_seen_at: z.string().nullable().optional(),
    last_login_at: z.string().nullable().optional(),
    expires_at: z.string().nullable().optional(),
    explore_limits: z.unknown().optional(),
    account_type: z.string().optional(),
    identity_providers: z.array(z.object({ uid: z.string() }).loose()).optional(),
    is_pending: z.boolean().optional(),
  })
  .loose();
const apiKeyAnswer = z
  .object({
    uid: z.string(),
    label: z.string().default(""),
    key: z.string().nullable().optional(),
    key_prefix: z.string().optional(),
    permissions,
    created_at: z.string().default(""),
    last_used_at: z.string().nullable().optional(),
    user: z.object({ username: z.string() }).loose(),
    revocation_status: z.object({ revoked_at: z.string().nullable().optional(), revocation_reason: z.string().nullable().optional() }).loose().nullable().optional(),
    is_revoked: z.boolean().optional(),
  })
  .loose();
const bulkAnswer = z.record(
  z.string(),
  z.object({ status_code: z.string(), data: userAnswer.extend({ invitation_url: z.string().optional() }).optional(), error: z.unknown().optional() }).loose(),
);

function toGroup(group: z.infer<typeof groupAnswer>): StoredGroup {
  return {
    uid: group.uid,
    title: group.title,
    description: group.description ?? "",
    permissions: group.permissions,
    explore_limits: group.explore_limits ?? null,
    user_count: group.user_count,
    created_at: group.created_at,
    updated_at: group.updated_at,
    created_by: group.created_by?.username ?? null,
    updated_by: group.updated_by?.username ?? null,
  };
}

function toUser(user: z.infer<typeof userAnswer>): StoredUser {
  const provider = user.identity_providers?.find((p) => p.uid !== "local" && p.uid !== "opendatasoft")?.uid ?? null;
  return {
    user_id: user.username,
    username: user.username,
    email: user.email || null,
    first_name: user.first_name ?? "",
    last_name: user.last_name ?? "",
    is_active: user.is_active,
    identity_provider: user.account_type === "linked" ? provider : null,
    permissions: user.permissions,
    groups: user.groups.map((g) => ({ uid: g.uid, title: g.title ?? g.uid, permissions: (g.permissions ?? []).filter(isPermission) })),
    // the upstream says (our extension) whether an invitation is pending; otherwise the account counts as set up
    has_password: user.is_pending !== true,
    // when a pending invitation expires is not told; "" marks it pending (lib/users/service.ts isPending)
    invitation_expires_at: user.is_pending ? "" : null,
    joined_at: user.joined_at,
    last_seen_at: user.last_seen_at ?? null,
    last_login_at: user.last_login_at ?? null,
    expires_at: user.expires_at ?? null,
    explore_limits: user.explore_limits ?? null,
  };
}

function toApiKey(key: z.infer<typeof apiKeyAnswer>): StoredApiKey {
  return {
    uid: key.uid,
    label: key.label,
    key_prefix: key.key_prefix ?? key.key?.slice(0, 6) ?? "",
    permissions: key.permissions,
    created_at: key.created_at,
    last_used_at: key.last_used_at ?? null,
    revoked_at: key.revocation_status?.revoked_at ?? (key.is_revoked ? key.created_at : null),
    revocation_reason: key.revocation_status?.revocation_reason ?? null,
    user: { user_id: key.user.username, username: key.user.username },
  };
}

/** The first item of a bulk answer (the console invites one user at a time), or its error as an AppError. */
function firstOf(client: UpstreamCaller["client"], answer: unknown): User & { invitation_url?: string } {
  const item = parseAnswer(client, bulkAnswer, answer, "invite-users")["0"];
  if (item?.status_code === "success" && item.data) return item.data as unknown as User & { invitation_url?: string };
  const error = (item?.error ?? {}) as { message?: string; detail?: Record<string, string[]> };
  throw new AppError("validation_error", error.message ?? msg("errors.invalid_input"), { fieldErrors: error.detail });
}

export type RemoteIdentities = ReturnType<typeof remoteIdentities>;

export function remoteIdentities(up: UpstreamCaller) {
  const userPath = (username: string) => `/users/${seg(username)}/`;
  const groupPath = (uid: string) => `/groups/${seg(uid)}/`;
  const keyPath = (uid: string) => `/apikeys/${seg(uid)}/`;
  const user = (value: unknown, operation: string) => toUser(parseAnswer(up.client, userAnswer, value, operation));
  const group = (value: unknown, operation: string) => toGroup(parseAnswer(up.client, groupAnswer, value, operation));
  const key = (value: unknown, operation: string) => toApiKey(parseAnswer(up.client, apiKeyAnswer, value, operation));
  const users = (value: unknown, operation: string): Page<StoredUser> => {
    const page = parseAnswer(up.client, paginatedSchema(userAnswer), value, operation);
    return { total_count: page.total_count, results: page.results.map(toUser) };
  };

  return {
    users: {
      async list(query: UserListQuery): Promise<Page<StoredUser>> {
        const { limit, offset, search, sort, permissions: direct, all_permissions, group: member } = query;
        return users(await up.json({ method: "GET", path: "/users/", query: { limit, offset, search, sort: sort?.join(","), permissions: direct, all_permissions, group: member } }), "get-users");
      },
      async get(username: string): Promise<StoredUser> {
        return user(await up.json({ method: "GET", path: userPath(username), query: { expand: "groups" } }), "get-user");
      },
      async update(username: string, input: UserUpdate): Promise<StoredUser> {
        return user(await up.json({ method: "PUT", path: userPath(username), body: input }), "update-user");
      },
      async delete(username: string): Promise<void> {
        await up.json({ method: "DELETE", path: userPath(username) });
      },
      async exportCsv(delimiter: string): Promise<string> {
        return up.text({ method: "GET", path: "/users/export/", query: { delimiter }, accept: "text/csv" });
      },
      async invite(item: InviteItem): Promise<User & { invitation_url?: string }> {
        return firstOf(up.client, await up.json({ method: "POST", path: "/users/invite/", body: [item] }));
      },
    },

    groups: {
      async list(query: GroupListQuery): Promise<Page<StoredGroup>> {
        const { limit, offset, search, sort, permissions: granted } = query;
        const page = parseAnswer(up.client, paginatedSchema(groupAnswer), await up.json({ method: "GET", path: "/groups/", query: { limit, offset, search, sort, permissions: granted } }), "list-user-groups");
        return { total_count: page.total_count, results: page.results.map(toGroup) };
      },
      async get(uid: string): Promise<StoredGroup> {
        return group(await up.json({ method: "GET", path: groupPath(uid) }), "retrieve-user-group");
      },
      async create(input: GroupCreate): Promise<StoredGroup> {
        return group(await up.json({ method: "POST", path: "/groups/", body: input }), "create-user-group");
      },
      async update(uid: string, input: GroupUpdate): Promise<StoredGroup> {
        return group(await up.json({ method: "PUT", path: groupPath(uid), body: input }), "update-user-group");
      },
      async delete(uid: string): Promise<void> {
        await up.json({ method: "DELETE", path: groupPath(uid) });
      },
      async members(uid: string, page: { limit: number; offset: number }): Promise<Page<StoredUser>> {
        return users(await up.json({ method: "GET", path: `${groupPath(uid)}users/`, query: page }), "list-users-of-a-user-group");
      },
      async addMember(uid: string, username: string): Promise<StoredUser> {
        return user(await up.json({ method: "POST", path: `${groupPath(uid)}users/`, body: { username } }), "add-user-to-user-group");
      },
      async removeMember(uid: string, username: string): Promise<void> {
        await up.json({ method: "DELETE", path: `${groupPath(uid)}users/${seg(username)}/` });
      },
    },

    apiKeys: {
      async list(page: { limit: number; offset: number }): Promise<Page<StoredApiKey>> {
        const answer = parseAnswer(up.client, paginatedSchema(apiKeyAnswer), await up.json({ method: "GET", path: "/apikeys/", query: page }), "get-apikeys");
        return { total_count: answer.total_count, results: answer.results.map(toApiKey) };
      },
      async get(uid: string): Promise<StoredApiKey> {
        return key(await up.json({ method: "GET", path: keyPath(uid) }), "get-apikey");
      },
      async create(input: ApiKeyCreate): Promise<{ key: StoredApiKey; secret: string }> {
        const answer = parseAnswer(up.client, apiKeyAnswer.extend({ key: z.string() }), await up.json({ method: "POST", path: "/apikeys/", body: input }), "post-apikeys");
        return { key: toApiKey(answer), secret: answer.key };
      },
      async update(uid: string, input: ApiKeyUpdate): Promise<StoredApiKey> {
        return key(await up.json({ method: "PUT", path: keyPath(uid), body: input }), "put-apikeys-apikey_uid");
      },
      async revoke(uid: string, reason: string): Promise<StoredApiKey> {
        return key(await up.json({ method: "POST", path: `${keyPath(uid)}revoke/`, body: { reason } }), "post-apikeys-apikey_uid-revoke");
      },
      async search(secret: string): Promise<StoredApiKey | null> {
        const answer = parseAnswer(
          up.client,
          z.object({ found: z.boolean(), result: apiKeyAnswer.nullable().optional() }),
          await up.json({ method: "POST", path: "/apikeys/search_key/", body: { key: secret } }),
          "search-apikey",
        );
        return answer.found && answer.result ? toApiKey(answer.result) : null;
      },
    },
  };
}
