// Console sign-in with username + password. Every sign-in opens a new session row (its id goes in the JWT) and
// ends the session the browser had before, so a session id never survives a sign-in (no fixation) and a stolen
// cookie from before a sign-in is worth nothing after it. Failures are throttled per account and per address
// (lib/auth/sign-in-throttle.ts); every refusal looks and takes the same, whether the account exists or not.
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { recordSignInFailure, recordSignInSuccess, signInRetryAfter } from "@/lib/auth/sign-in-throttle";
import { config } from "@/lib/env/config";
import { randomToken } from "@/lib/ids/uid";
import { store } from "@/lib/store/store";

export type SignedIn = { user_id: string; username: string; session_id: string };

export type SignInContext = { userAgent: string | null; address: string; previousSessionId?: string | null };

/** `context` null: a sign-in from code (tests, scripts), counted under the address "local". */
export async function signInWithPassword(username: string, password: string, context: SignInContext | null): Promise<SignedIn | null> {
  context ??= { userAgent: null, address: "local" };
  if (!username || !password || password.length > 1024 || username.length > 150) return null;
  if (username.includes("\u0000") || password.includes("\u0000")) return null;
  const name = username.trim();
  if ((await signInRetryAfter(name, context.address)) !== null) return null;
  const found = await store().identity.findUserForSignIn(name);
  // Unknown user, no password or disabled account: do the same work as a real check, so timing tells nothing.
  if (!found || !found.password_hash || !found.user.is_active) {
    await verifyPassword(password, await dummyPasswordHash());
    await recordSignInFailure(name, context.address);
    return null;
  }
  if (!(await verifyPassword(password, found.password_hash))) {
    await recordSignInFailure(name, context.address);
    return null;
  }
  await recordSignInSuccess(name, context.address);
  const now = new Date();
  if (context.previousSessionId) await store().identity.revokeSession(context.previousSessionId, now);
  const session_id = randomToken(32);
  await store().identity.createSession({
    id: session_id,
    user_id: found.user.user_id,
    expires_at: new Date(now.getTime() + config().session.maxAgeSeconds * 1000),
    user_agent: context.userAgent ? context.userAgent.slice(0, 512) : null,
  });
  await store().identity.recordSignIn(found.user.user_id, now);
  return { user_id: found.user.user_id, username: found.user.username, session_id };
}

export async function endSession(session_id: string): Promise<void> {
  // proxy mode: the session goes, and the upstream key sealed in it with it
  if (config().upstream) return store().upstreamSessions.delete(session_id);
  await store().identity.revokeSession(session_id, new Date());
}
