// Proxy mode: the principal of a request is a key of the upstream domain — the one a script sends, or the one a
// console session was signed in with. What it may do was asked of the upstream (lib/auth/upstream-identity.ts);
// the upstream still decides every call.
import { createHash } from "node:crypto";
import { isLocale } from "@/lib/i18n/locales";
import { isPermission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { openSecret } from "@/lib/auth/secret-box";
import { discoverUpstreamIdentity, type UpstreamIdentity } from "@/lib/auth/upstream-identity";
import { config } from "@/lib/env/config";
import { upstreamFor } from "@/lib/store/remote";
import { UpstreamCredentials } from "@/lib/store/remote/credentials";
import { upstreamClient, type UpstreamClient } from "@/lib/store/remote/upstream-client";
import { store } from "@/lib/store/store";

/** The purpose the session key is sealed under (lib/auth/secret-box.ts). */
export const SESSION_KEY_PURPOSE = "upstream-session-key";

// Last-seen writes at most once a minute per session, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

type Identity = { username: string; permissions: readonly string[]; permissions_known: boolean };

/** `client`: another upstream than the configured one (the tests drive two). */
export function upstreamPrincipal(identity: Identity, credentials: UpstreamCredentials, extra: Pick<Principal, "via" | "session_id" | "locale">, client?: UpstreamClient): Principal {
  const permissions = new Set(identity.permissions.filter(isPermission));
  return {
    user_id: identity.username,
    username: identity.username,
    permissions,
    rulesets: [],
    ...extra,
    upstream: upstreamFor(credentials, { permissions, permissionsKnown: identity.permissions_known }, client),
  };
}

export async function upstreamSessionPrincipal(sessionId: string, now: Date): Promise<Principal | null> {
  const sessions = store().upstreamSessions;
  const session = await sessions.find(sessionId);
  if (!session) return null;
  const idle = now.getTime() - session.last_seen_at.getTime();
  const key = openSecret(SESSION_KEY_PURPOSE, session.key_box);
  if (session.expires_at <= now || idle > config().session.idleSeconds * 1000 || key === null) {
    await sessions.delete(session.id);
    return null;
  }
  if (idle > TOUCH_INTERVAL_MS) await sessions.touch(session.id, now);
  // A key the upstream refuses from now on ends the session at its first refusal.
  const credentials = new UpstreamCredentials(key, { onRefused: () => sessions.delete(session.id) });
  return upstreamPrincipal(session, credentials, { via: "session", session_id: session.id, locale: isLocale(session.locale) ? session.locale : null });
}

// A script's key is looked up on the upstream (up to four calls) at most once a minute, not on each of its
// requests; the upstream itself refuses a key revoked meanwhile. Refusals are kept a few seconds only.
const KEY_CACHE_MS = 60_000;
const REFUSED_CACHE_MS = 5_000;
const KEY_CACHE_SIZE = 1_000;
type CachedIdentity = { at: number; identity: UpstreamIdentity | null };
const globalForKeys = globalThis as unknown as { __dpcUpstreamKeys?: Map<string, CachedIdentity> };

export function keyFingerprint(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export async function upstreamKeyPrincipal(secret: string, now: Date): Promise<Principal | null> {
  globalForKeys.__dpcUpstreamKeys ??= new Map();
  const cache = globalForKeys.__dpcUpstreamKeys;
  const fingerprint = keyFingerprint(secret);
  const credentials = new UpstreamCredentials(secret, { onRefused: async () => void cache.delete(fingerprint) });
  let cached = cache.get(fingerprint);
  if (!cached || now.getTime() - cached.at > (cached.identity ? KEY_CACHE_MS : REFUSED_CACHE_MS)) {
    cached = { at: now.getTime(), identity: await discoverUpstreamIdentity(upstreamClient(config().upstream!), credentials) };
    if (cache.size >= KEY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(fingerprint, cached);
  }
  if (!cached.identity) return null;
  const { username, ...rest } = cached.identity;
  return upstreamPrincipal({ ...rest, username: username ?? "" }, credentials, { via: "apikey", locale: null });
}
