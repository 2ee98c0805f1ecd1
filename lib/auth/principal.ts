// Who is calling: a console user (session) or a script (API key). Resolved from our own records on every
// request, so revoking a key or a session, disabling a user or changing a permission applies at once. In proxy
// mode they are the upstream's users and keys instead (lib/auth/upstream-principal.ts), and the principal carries
// the upstream, acting with the caller's own key, to the services.
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { hashApiKeySecret } from "@/lib/auth/api-key-secret";
import { isPermission, type Permission } from "@/lib/auth/permissions";
import { config } from "@/lib/env/config";
import { store } from "@/lib/store/store";
import type { ApiKeyRecord, PrincipalRecord } from "@/lib/store/types";
import type { AppliedRuleset } from "@/lib/dataset-security/effective-access";
import { upstreamKeyPrincipal, upstreamSessionPrincipal } from "@/lib/auth/upstream-principal";
import type { Upstream } from "@/lib/store/remote";

export type Principal = {
  user_id: string;
  username: string;
  permissions: ReadonlySet<Permission>;
  via: "session" | "apikey";
  session_id?: string;
  api_key_uid?: string;
  locale: Locale | null;
  /** dataset rulesets of the user and of their groups (absent: none) */
  rulesets?: readonly AppliedRuleset[];
  /** proxy mode: the upstream domain, called with this caller's own key; the services hand it their calls */
  upstream?: Upstream;
};

// Bookkeeping writes (last seen/used) at most once a minute per session or key, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

/** The user's own rights: direct grants and group grants, none once the permissions have expired. */
function userPermissions(user: PrincipalRecord, now: Date): Set<Permission> {
  if (user.expires_at && new Date(user.expires_at) <= now) return new Set();
  return new Set(user.permissions.filter(isPermission));
}

/** Expired permissions end the dataset permissions of rulesets too; what rulesets show stays. */
function activeRulesets(user: PrincipalRecord, now: Date): AppliedRuleset[] {
  if (user.expires_at && new Date(user.expires_at) <= now) return user.rulesets.map((r) => ({ ...r, permissions: [] }));
  return user.rulesets;
}

export async function principalFromApiKey(secret: string, now = new Date()): Promise<Principal | null> {
  if (!secret) return null;
  if (config().upstream) return upstreamKeyPrincipal(secret, now);
  const key = await store().identity.findApiKeyByHash(hashApiKeySecret(secret));
  if (!key || key.revoked_at || !key.user.is_active) return null;
  if (!key.last_used_at || now.getTime() - key.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
    await store().identity.touchApiKey(key.uid, now);
  }
  return apiKeyPrincipal(key, now);
}

/**
 * What a key may do: its owner, narrowed to the key's own permissions. Requests and "View as" share it, so the
 * simulation cannot drift from what a script with the key gets. The caller checks revocation and the owner.
 */
export function apiKeyPrincipal(key: Pick<ApiKeyRecord, "uid" | "permissions" | "user">, now: Date): Principal {
  const owner = userPermissions(key.user, now);
  const permissions = new Set(key.permissions.filter(isPermission).filter((p) => owner.has(p)));
  // The owner's rulesets follow the key (what the owner sees, the key sees), but the dataset permissions they
  // grant are narrowed to the key's permissions like the domain ones.
  const keyPermissions = new Set(key.permissions);
  const rulesets = activeRulesets(key.user, now).map((r) => ({ ...r, permissions: r.permissions.filter((p) => keyPermissions.has(p)) }));
  return {
    user_id: key.user.user_id,
    username: key.user.username,
    permissions,
    via: "apikey",
    api_key_uid: key.uid,
    locale: isLocale(key.user.locale) ? key.user.locale : null,
    rulesets,
  };
}

/** What a signed-in user may do, from their record (sessions and "View as" share it). The caller checks is_active. */
export function userPrincipal(user: PrincipalRecord, now: Date): Principal {
  return {
    user_id: user.user_id,
    username: user.username,
    permissions: userPermissions(user, now),
    via: "session",
    locale: isLocale(user.locale) ? user.locale : null,
    rulesets: activeRulesets(user, now),
  };
}

export async function principalFromSession(sessionId: string, now = new Date()): Promise<Principal | null> {
  if (config().upstream) return upstreamSessionPrincipal(sessionId, now);
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
  return { ...userPrincipal(session.user, now), session_id: session.id };
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

export function hasAnyPermission(principal: Principal, permissions: readonly Permission[]): boolean {
  return permissions.some((p) => principal.permissions.has(p));
}
