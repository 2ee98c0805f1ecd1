import "server-only";
// Users (API-CONTRACT.md §2.13): administrators (edit_domain) list, read, change, disable and delete them. Every
// change follows lib/users/access.ts (no escalation, an administrator remains); disabling or deleting a user ends
// their sessions at once, and their API keys stop working on the next request (principal.ts checks is_active).
// In proxy mode the upstream's users (lib/store/remote/identities.ts), under the upstream's rules.
import { createHash } from "node:crypto";
import { isPermission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { AppError, msg, notFound } from "@/lib/errors/app-error";
import { csvCell } from "@/lib/explore/csv-cell";
import { presentGroup } from "@/lib/groups/present";
import type { Page } from "@/lib/store/types";
import type { SortKey, StoredUser, UserSortField } from "@/lib/store/identity-types";
import { store } from "@/lib/store/store";
import { requireAdministratorRemains, requireGrantable, requireIdentityManager } from "@/lib/users/access";
import type { User, UserListQuery, UserUpdate } from "@/lib/users/schema";

const permissionsOf = (list: string[]) => list.filter(isPermission);

function gravatarUrl(email: string | null): string {
  const hash = createHash("md5").update((email ?? "").trim().toLowerCase()).digest("hex");
  return `//www.gravatar.com/avatar/${hash}?d=mm&s=80`;
}

/** The API object. `groups` expanded: the full UserGroup of each group. */
export async function presentUser(user: StoredUser, options: { expandGroups?: boolean } = {}): Promise<User> {
  let groups: NonNullable<User["groups"]> = user.groups.map((g) => ({ uid: g.uid }));
  if (options.expandGroups) {
    const full = await Promise.all(user.groups.map((g) => store().groups.get(g.uid)));
    groups = full.filter((g) => g !== null).map(presentGroup);
  }
  return {
    username: user.username,
    display_name: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    is_active: user.is_active,
    email: user.email ?? "",
    is_ods: false,
    account_type: user.identity_provider ? "linked" : "local",
    permissions: permissionsOf(user.permissions),
    joined_at: user.joined_at,
    ...(user.last_seen_at ? { last_seen_at: user.last_seen_at } : {}),
    ...(user.last_login_at ? { last_login_at: user.last_login_at } : {}),
    expires_at: user.expires_at,
    explore_limits: (user.explore_limits as User["explore_limits"] | null) ?? {},
    management_limits: {},
    gravatar_url: gravatarUrl(user.email),
    ...(groups.length ? { groups } : {}),
    identity_providers: [{ uid: user.identity_provider ?? "local" }],
    is_pending: isPending(user),
  };
}

export function isPending(user: StoredUser): boolean {
  return !user.has_password && user.invitation_expires_at !== null && !user.identity_provider;
}

function sortKeys(sort: UserListQuery["sort"]): SortKey<UserSortField>[] {
  return (sort ?? ["username"]).map((s) => ({ field: s.replace(/^-/, "") as UserSortField, desc: s.startsWith("-") }));
}

export async function listUsers(principal: Principal, query: UserListQuery): Promise<Page<StoredUser>> {
  if (principal.upstream) return principal.upstream.identities.users.list(query);
  requireIdentityManager(principal);
  return store().users.list(
    { search: query.search, permissions: query.permissions, all_permissions: query.all_permissions, group: query.group },
    sortKeys(query.sort),
    query,
  );
}

export async function getUser(principal: Principal, username: string): Promise<StoredUser> {
  if (principal.upstream) return principal.upstream.identities.users.get(username);
  requireIdentityManager(principal);
  const user = await store().users.get(username);
  if (!user) throw notFound();
  return user;
}

/** Whether the user holds edit_domain through something other than their direct grants. */
const keepsAdministrationThroughGroups = (user_id: string) => (grants: { user_id: string; direct: boolean; groups: string[] }[]) =>
  grants.filter((g) => g.user_id !== user_id || g.groups.length > 0);

export async function updateUser(principal: Principal, username: string, input: UserUpdate): Promise<StoredUser> {
  if (principal.upstream) return principal.upstream.identities.users.update(username, input);
  const user = await getUser(principal, username);
  if (input.permissions) {
    requireGrantable(principal, input.permissions, user.permissions);
    if (user.permissions.includes("edit_domain") && !input.permissions.includes("edit_domain")) {
      await requireAdministratorRemains(keepsAdministrationThroughGroups(user.user_id), "permissions");
    }
  }
  const updated = await store().users.update(username, {
    first_name: input.first_name,
    last_name: input.last_name,
    email: input.email,
    permissions: input.permissions,
    explore_limits: input.explore_limits,
  });
  if (!updated) throw notFound();
  return updated;
}

/** Disables (ending every session now) or enables an account. */
export async function setUserActive(principal: Principal, username: string, is_active: boolean): Promise<StoredUser> {
  // the official API has no way to disable an account (is_active is read-only): the console hides it in proxy mode
  if (principal.upstream) throw new AppError("bad_request", msg("proxy.missing_extension", { upstream: principal.upstream.client.origin }));
  const user = await getUser(principal, username);
  if (!is_active) {
    if (user.user_id === principal.user_id) throw new AppError("validation_error", msg("identity.errors.cannot_disable_self"));
    await requireAdministratorRemains((grants) => grants.filter((g) => g.user_id !== user.user_id));
  }
  const updated = await store().users.update(username, { is_active });
  if (!updated) throw notFound();
  if (!is_active) await store().users.revokeSessions(user.user_id, new Date());
  return updated;
}

export async function deleteUser(principal: Principal, username: string): Promise<void> {
  if (principal.upstream) return principal.upstream.identities.users.delete(username);
  const user = await getUser(principal, username);
  await requireAdministratorRemains((grants) => grants.filter((g) => g.user_id !== user.user_id));
  if (!(await store().users.delete(username))) throw notFound();
}

/** "2022-08-19 11:43:58+00:00" / "2023-04-24 12:16:34.099000+00:00", as the vendor's export writes them. */
export function exportTimestamp(iso: string | null): string {
  if (!iso) return "";
  const [date, time = ""] = iso.replace(/Z$/, "").split("T");
  const [clock, fraction] = time.split(".");
  const micro = fraction && Number(fraction) !== 0 ? `.${fraction.padEnd(6, "0").slice(0, 6)}` : "";
  return `${date} ${clock}${micro}+00:00`;
}

export const EXPORT_COLUMNS = ["username", "last_name", "first_name", "email", "date_joined", "last_seen", "groups", "permissions"] as const;

/** GET /users/export/: every user, one line each, in username order. */
export async function exportUsersCsv(principal: Principal, delimiter: string): Promise<string> {
  if (principal.upstream) return principal.upstream.identities.users.exportCsv(delimiter);
  requireIdentityManager(principal);
  const cell = (value: string) => csvCell(value, { delimiter, quoteAll: false, listSeparator: ";" });
  const lines = [EXPORT_COLUMNS.join(delimiter)];
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = await store().users.list({}, [{ field: "username", desc: false }], { limit: pageSize, offset });
    for (const u of page.results) {
      lines.push(
        [
          u.username,
          u.last_name,
          u.first_name,
          u.email ?? "",
          exportTimestamp(u.joined_at),
          exportTimestamp(u.last_seen_at),
          u.groups.map((g) => g.title).join(";"),
          permissionsOf(u.permissions).join(";"),
        ]
          .map(cell)
          .join(delimiter),
      );
    }
    if (offset + pageSize >= page.total_count) break;
  }
  return lines.join("\r\n") + "\r\n";
}

