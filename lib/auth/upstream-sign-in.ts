// Proxy-mode sign-in: with an API key of the upstream domain, checked against the upstream before the session
// starts. The key is sealed into the session row (never sent to the browser, never logged) and deleted with it.
// Failures are throttled per key and per address like password sign-ins (lib/auth/sign-in-throttle.ts).
import { sealSecret } from "@/lib/auth/secret-box";
import type { SignedIn, SignInContext } from "@/lib/auth/sign-in";
import { recordSignInFailure, recordSignInSuccess, signInRetryAfter } from "@/lib/auth/sign-in-throttle";
import { discoverUpstreamIdentity } from "@/lib/auth/upstream-identity";
import { keyFingerprint, SESSION_KEY_PURPOSE } from "@/lib/auth/upstream-principal";
import { config } from "@/lib/env/config";
import { isAppError } from "@/lib/errors/app-error";
import { randomToken } from "@/lib/ids/uid";
import { UpstreamCredentials } from "@/lib/store/remote/credentials";
import { upstreamClient } from "@/lib/store/remote/upstream-client";
import { store } from "@/lib/store/store";

/** next-auth carries a thrown error's message to the sign-in form as its error code. */
export const UPSTREAM_UNAVAILABLE = "UpstreamUnavailable";

const KEY_PATTERN = /^[\x21-\x7e]{1,512}$/;
const USERNAME_MAX = 150;

/** What failures of a key are counted under: a fingerprint, never the key. */
export function upstreamKeyThrottleName(key: string): string {
  return `apikey:${keyFingerprint(key.trim()).slice(0, 32)}`;
}

/**
 * A session for this key, or null when the upstream refuses it (or it is throttled). Throws UPSTREAM_UNAVAILABLE
 * when the upstream cannot be asked, which is not the key's fault and not counted against it.
 */
export async function signInWithUpstreamKey(rawKey: string, rawUsername: string, context: SignInContext): Promise<SignedIn | null> {
  const key = rawKey.trim();
  const typed = rawUsername.trim().slice(0, USERNAME_MAX);
  if (!KEY_PATTERN.test(key) || typed.includes("\u0000")) return null;
  const name = upstreamKeyThrottleName(key);
  if ((await signInRetryAfter(name, context.address)) !== null) return null;
  let identity;
  try {
    identity = await discoverUpstreamIdentity(upstreamClient(config().upstream!), new UpstreamCredentials(key));
  } catch (error) {
    if (isAppError(error) && error.code.startsWith("upstream_")) throw new Error(UPSTREAM_UNAVAILABLE);
    throw error;
  }
  if (!identity) {
    await recordSignInFailure(name, context.address);
    return null;
  }
  await recordSignInSuccess(name, context.address);
  const now = new Date();
  if (context.previousSessionId) await store().upstreamSessions.delete(context.previousSessionId);
  const session_id = randomToken(32);
  const username = identity.username ?? typed;
  await store().upstreamSessions.create({
    id: session_id,
    username,
    permissions: identity.permissions,
    permissions_known: identity.permissions_known,
    key_box: sealSecret(SESSION_KEY_PURPOSE, key),
    locale: null,
    expires_at: new Date(now.getTime() + config().session.maxAgeSeconds * 1000),
    user_agent: context.userAgent ? context.userAgent.slice(0, 512) : null,
  });
  return { user_id: username, username, session_id };
}
