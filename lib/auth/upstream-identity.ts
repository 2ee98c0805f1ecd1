// Proxy mode: who an upstream API key belongs to and what it may do, asked of the upstream itself. An upstream of
// ours answers GET /me/ (our extension); a real Opendatasoft domain only has the official operations, so the key's
// own record is looked for among its owner's keys (Opendatasoft shows keys in clear there) or through
// search_key (administrators), and the owner's permissions through GET /users/{username}/. What the upstream will
// not say stays unknown: the console then shows every control and lets the upstream decide.
import { isPermission, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors/app-error";
import type { UpstreamCredentials } from "@/lib/store/remote/credentials";
import { seg, type UpstreamClient } from "@/lib/store/remote/upstream-client";

export type UpstreamIdentity = {
  /** the key owner's username, when the upstream tells it */
  username: string | null;
  /** effective domain permissions: the key's own narrowed to its owner's */
  permissions: Permission[];
  permissions_known: boolean;
};

type KeyRecord = { key?: unknown; permissions?: unknown; user?: { username?: unknown } };

const permissionsOf = (value: unknown): Permission[] | null =>
  Array.isArray(value) ? value.filter((p): p is Permission => typeof p === "string" && isPermission(p)) : null;

const usernameOf = (record: KeyRecord | undefined): string | null => (typeof record?.user?.username === "string" ? record.user.username : null);

/** undefined when the upstream answers "not for you" or "not here" (403, 404, 405): the next source is tried. */
async function ask<T>(attempt: () => Promise<T>): Promise<T | undefined> {
  try {
    return await attempt();
  } catch (error) {
    if (isAppError(error) && ["forbidden", "not_found", "method_not_allowed", "bad_request", "validation_error"].includes(error.code)) return undefined;
    throw error;
  }
}

/**
 * The key's identity, or null when the upstream refuses the key (401). An unreachable or failing upstream throws
 * its AppError (upstream_unavailable, upstream_timeout), so a sign-in can say which of the two happened.
 */
export async function discoverUpstreamIdentity(client: UpstreamClient, credentials: UpstreamCredentials): Promise<UpstreamIdentity | null> {
  try {
    return await discover(client, credentials);
  } catch (error) {
    if (isAppError(error) && error.code === "unauthorized") return null;
    throw error;
  }
}

async function discover(client: UpstreamClient, credentials: UpstreamCredentials): Promise<UpstreamIdentity> {
  const me = await ask(() => client.json<{ username?: unknown; permissions?: unknown }>(credentials, { method: "GET", path: "/me/" }));
  const mePermissions = permissionsOf(me?.permissions);
  if (me && typeof me.username === "string" && mePermissions) return { username: me.username, permissions: mePermissions, permissions_known: true };

  const keys = await ask(() => client.json<{ results?: KeyRecord[] }>(credentials, { method: "GET", path: "/apikeys/", query: { limit: 1000 } }));
  const ownKeys = Array.isArray(keys?.results) ? keys.results : [];
  let username = usernameOf(ownKeys[0]);
  let keyPermissions = permissionsOf(ownKeys.find((k) => credentials.is(k.key))?.permissions);
  if (!keyPermissions) {
    const found = await ask(() => client.json<{ found?: unknown; result?: KeyRecord | null }>(credentials, { method: "POST", path: "/apikeys/search_key/", body: { key: credentials.reveal() } }));
    if (found?.found === true && found.result) {
      keyPermissions = permissionsOf(found.result.permissions);
      username ??= usernameOf(found.result);
    }
  }
  let ownerPermissions: Permission[] | null = null;
  if (username) {
    const owner = username;
    const user = await ask(() =>
      client.json<{ permissions?: unknown; groups?: { permissions?: unknown }[] }>(credentials, { method: "GET", path: `/users/${seg(owner)}/`, query: { expand: "groups" } }),
    );
    const direct = permissionsOf(user?.permissions);
    if (direct) ownerPermissions = [...new Set([...direct, ...(user?.groups ?? []).flatMap((g) => permissionsOf(g?.permissions) ?? [])])];
  }
  // None of the above may have been allowed: a call any valid key may make tells a good key from a refused one.
  if (!keys && !keyPermissions && !ownerPermissions) await client.json(credentials, { method: "GET", path: "/datasets/", query: { limit: 0 } });

  const known = keyPermissions ?? ownerPermissions;
  if (!known) return { username, permissions: [...PERMISSIONS], permissions_known: false };
  const permissions = keyPermissions && ownerPermissions ? keyPermissions.filter((p) => ownerPermissions.includes(p)) : known;
  return { username, permissions, permissions_known: true };
}
