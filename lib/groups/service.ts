import "server-only";
// User groups (API-CONTRACT.md §2.14): administrators (edit_domain) manage them and their members. Granting a
// group a permission, or a user a group, follows lib/users/access.ts: only what the caller holds, and never in a
// way that leaves the domain without an active administrator. In proxy mode the upstream's groups, under its rules.
import type { Principal } from "@/lib/auth/principal";
import { AppError, msg, notFound } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/zod-messages";
import { groupUidFromTitle, memberBodySchema, type GroupCreate, type GroupListQuery, type GroupUpdate } from "@/lib/groups/schema";
import type { GroupSortField, StoredGroup, StoredUser } from "@/lib/store/identity-types";
import type { Page } from "@/lib/store/types";
import { store } from "@/lib/store/store";
import { requireAdministratorRemains, requireGrantable, requireIdentityManager } from "@/lib/users/access";
import { bulkResult } from "@/lib/users/bulk";
import type { BulkResult } from "@/lib/users/schema";
import { presentUser } from "@/lib/users/service";

export async function listGroups(principal: Principal, query: GroupListQuery): Promise<Page<StoredGroup>> {
  if (principal.upstream) return principal.upstream.identities.groups.list(query);
  requireIdentityManager(principal);
  const sort = { field: query.sort.replace(/^-/, "") as GroupSortField, desc: query.sort.startsWith("-") };
  return store().groups.list({ search: query.search, permissions: query.permissions }, sort, query);
}

export async function getGroup(principal: Principal, uid: string): Promise<StoredGroup> {
  if (principal.upstream) return principal.upstream.identities.groups.get(uid);
  requireIdentityManager(principal);
  const group = await store().groups.get(uid);
  if (!group) throw notFound();
  return group;
}

export async function createGroup(principal: Principal, input: GroupCreate): Promise<StoredGroup> {
  if (principal.upstream) return principal.upstream.identities.groups.create(input);
  requireIdentityManager(principal);
  requireGrantable(principal, input.permissions);
  const uid = groupUidFromTitle(input.title);
  return store().groups.create(
    uid,
    { title: input.title, description: input.description, permissions: input.permissions, explore_limits: input.explore_limits ?? null },
    principal.username,
  );
}

/** Grants of edit_domain that survive when group `uid` stops granting it. */
const withoutGroup = (uid: string) => (grants: { user_id: string; direct: boolean; groups: string[] }[]) =>
  grants.filter((g) => g.direct || g.groups.some((group) => group !== uid));

export async function updateGroup(principal: Principal, uid: string, input: GroupUpdate): Promise<StoredGroup> {
  if (principal.upstream) return principal.upstream.identities.groups.update(uid, input);
  const group = await getGroup(principal, uid);
  if (input.permissions) {
    requireGrantable(principal, input.permissions, group.permissions);
    if (group.permissions.includes("edit_domain") && !input.permissions.includes("edit_domain")) {
      await requireAdministratorRemains(withoutGroup(uid), "permissions");
    }
  }
  const updated = await store().groups.update(
    uid,
    { title: input.title, description: input.description, permissions: input.permissions, explore_limits: input.explore_limits },
    principal.username,
  );
  if (!updated) throw notFound();
  return updated;
}

export async function deleteGroup(principal: Principal, uid: string): Promise<void> {
  if (principal.upstream) return principal.upstream.identities.groups.delete(uid);
  const group = await getGroup(principal, uid);
  if (group.permissions.includes("edit_domain")) await requireAdministratorRemains(withoutGroup(uid));
  if (!(await store().groups.delete(uid))) throw notFound();
}

export async function listMembers(principal: Principal, uid: string, page: { limit: number; offset: number }): Promise<Page<StoredUser>> {
  if (principal.upstream) return principal.upstream.identities.groups.members(uid, page);
  await getGroup(principal, uid);
  return store().groups.members(uid, page);
}

async function userNamed(username: string): Promise<StoredUser> {
  const user = await store().users.get(username);
  if (!user) {
    const message = msg("identity.errors.unknown_user", { username });
    throw new AppError("validation_error", message, { fieldErrors: { username: [message] } });
  }
  return user;
}

/** Adds a user to the group (already a member: no change). The caller must hold every permission of the group. */
export async function addMember(principal: Principal, uid: string, username: string): Promise<StoredUser> {
  if (principal.upstream) return principal.upstream.identities.groups.addMember(uid, username);
  const group = await getGroup(principal, uid);
  const user = await userNamed(username);
  const missing = group.permissions.filter((p) => !user.permissions.includes(p));
  requireGrantable(principal, missing, [], "username");
  await store().groups.addMember(uid, user.user_id, principal.username);
  return (await store().users.get(username)) ?? user;
}

/** POST /groups/{uid}/users/batch/: each item `{ username }` on its own. */
export async function addMembers(principal: Principal, uid: string, items: unknown[]): Promise<BulkResult> {
  await getGroup(principal, uid);
  return bulkResult(items, async (item) => presentUser(await addMember(principal, uid, parseInput(memberBodySchema, item).username)));
}

export async function removeMember(principal: Principal, uid: string, username: string): Promise<void> {
  if (principal.upstream) return principal.upstream.identities.groups.removeMember(uid, username);
  const group = await getGroup(principal, uid);
  const user = await store().users.get(username);
  if (!user || !user.groups.some((g) => g.uid === uid)) throw notFound();
  if (group.permissions.includes("edit_domain")) {
    await requireAdministratorRemains((grants) =>
      grants.filter((g) => g.user_id !== user.user_id || g.direct || g.groups.some((other) => other !== uid)),
    );
  }
  await store().groups.removeMember(uid, user.user_id, principal.username);
}
