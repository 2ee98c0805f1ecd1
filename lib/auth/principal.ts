// Who is calling: a console user (session) or a script (API key). Resolved from our own records on every
// request, so revoking a key or a session, disabling a user or changing a permission applies at once.
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { hashApiKeySecret } from "@/lib/auth/api-key-secret";
import { isPermission, type Permission } from "@/lib/auth/permissions";
import { config } from "@/lib/env/config";
import { store } from "@/lib/store/store";
import type { PrincipalRecord } from "@/lib/store/types";

export type Principal = {
  user_id: string;
  username: string;
  permissions: ReadonlySet<Permission>;
  via: "session" | "apikey";
  session_id?: string;
  api_key_uid?: string;
  locale: Locale | null;
};

// Bookkeeping writes (last seen/used) at most once a minute per session or key, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

/** The user's own rights: direct grants and group grants, none once the permissions have expired. */
function userPermissions(user: PrincipalRecord, now: Date): Set<Permission> {
  if (user.expires_at && new Date(user.expires_at) <= now) return new Set();
  return new Set(user.permissions.filter(isPermission));
}

export async function principalFromApiKey(secret: string, now = new Date()): Promise<Principal | null> {
  if (!secret) return null;
  const key = await store().identity.findApiKeyByHash(hashApiKeySecret(secret));
  if (!key || key.revoked_at || !key.user.is_active) return null;
  if (!key.last_used_at || now.getTime() - key.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
    await store().identity.touchApiKey(key.uid, now);
  }
  // A key acts as its owner, narrowed to the key's own permissions.
  const owner = userPermissions(key.user, now);
  const permissions = new Set(key.permissions.filter(isPermission).filter((p) => owner.has(p)));
  return {
    user_id: key.user.user_id,
    username: key.user.username,
    permissions,
    via: "apikey",
    api_key_uid: key.uid,
    locale: isLocale(key.user.locale) ? key.user.locale : null,
  };
}

export async function principalFromSession(sessionId: string, now = new Date()): Promise<Principal | null> {
  const session = await store().identity.findSession(sessionId);
  if (!session || session.revoked_at || !session.user.is_active) return null;
  if (session.expires_at <= now) return null;
  const idleMs = config().session.idleSeconds * 1000;
  if (now.getTime() - session.last_seen_at.getTime() > idleMs) {
    await store().identity.revokeSession(session.id, now);
    return null;
  }
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await store().identity.touchSession(session.id, now);
  }
  return {
    user_id: session.user.user_id,
    username: session.user.username,
    permissions: userPermissions(session.user, now),
    via: "session",
    session_id: session.id,
    locale: isLocale(session.user.locale) ? session.user.locale : null,
  };
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

export function hasAnyPermission(principal: Principal, permissions: readonly Permission[]): boolean {
  return permissions.some((p) => principal.permissions.has(p));
}
