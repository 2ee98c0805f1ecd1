// Console sign-in with username + password. Every sign-in opens a new session row (its id goes in the JWT),
// so a session can be ended server-side and a stolen cookie from before a sign-in is worth nothing after it.
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { config } from "@/lib/env/config";
import { randomToken } from "@/lib/ids/uid";
import { store } from "@/lib/store/store";

export type SignedIn = { user_id: string; username: string; session_id: string };

export async function signInWithPassword(username: string, password: string, userAgent: string | null): Promise<SignedIn | null> {
  if (!username || !password || password.length > 1024 || username.length > 150) return null;
  if (username.includes("\u0000") || password.includes("\u0000")) return null;
  const found = await store().identity.findUserForSignIn(username.trim());
  // Unknown user, no password or disabled account: do the same work as a real check, so timing tells nothing.
  if (!found || !found.password_hash || !found.user.is_active) {
    await verifyPassword(password, await dummyPasswordHash());
    return null;
  }
  if (!(await verifyPassword(password, found.password_hash))) return null;
  const now = new Date();
  const session_id = randomToken(32);
  await store().identity.createSession({
    id: session_id,
    user_id: found.user.user_id,
    expires_at: new Date(now.getTime() + config().session.maxAgeSeconds * 1000),
    user_agent: userAgent ? userAgent.slice(0, 512) : null,
  });
  await store().identity.recordSignIn(found.user.user_id, now);
  return { user_id: found.user.user_id, username: found.user.username, session_id };
}

export async function endSession(session_id: string): Promise<void> {
  await store().identity.revokeSession(session_id, new Date());
}
