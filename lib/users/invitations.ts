import "server-only";
// Invitations and provisioning (POST /users/invite/, /users/provision/). An invitation creates a pending account
// (no password) and a one-time link, valid INVITATION_DAYS: only the SHA-256 of its token is stored, the link is
// shown once to the administrator. Opening it (/invitation/<token>) lets the invitee choose a password under the
// password policy. The same kind of link, made later for an existing account, lets its user set a new password.
import { createHash } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { Principal } from "@/lib/auth/principal";
import { config } from "@/lib/env/config";
import { AppError, msg, notFound } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/zod-messages";
import { randomToken } from "@/lib/ids/uid";
import type { StoredUser } from "@/lib/store/identity-types";
import { store } from "@/lib/store/store";
import { createUserAccount } from "@/lib/users/accounts";
import { requireGrantable, requireIdentityManager } from "@/lib/users/access";
import { bulkResult } from "@/lib/users/bulk";
import { inviteItemSchema, provisionItemSchema, USERNAME_PATTERN, type BulkResult, type InviteItem, type User } from "@/lib/users/schema";
import { presentUser } from "@/lib/users/service";

export const INVITATION_DAYS = 7;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitationUrl(origin: string, token: string): string {
  return `${origin}/invitation/${token}`;
}

/** A free username from the email's local part: "Louise.Data+x@…" → "louise.data", then "louise.data-2"… */
async function usernameFor(email: string): Promise<string> {
  const base =
    email
      .split("@")[0]!
      .toLowerCase()
      .replace(/\+.*$/, "")
      .replace(/[^a-z0-9_.-]+/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "")
      .slice(0, 140) || "user";
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (USERNAME_PATTERN.test(candidate) && !(await store().users.get(candidate))) return candidate;
  }
  throw new AppError("validation_error", msg("identity.errors.username_unavailable"), { fieldErrors: { username: [msg("identity.errors.username_unavailable")] } });
}

/** Checks an invitee's permissions and groups against what the caller may grant; returns the group uids. */
async function checkGrants(principal: Principal, item: InviteItem): Promise<string[]> {
  requireGrantable(principal, item.permissions);
  const uids = [...new Set(item.groups.map((g) => g.uid))];
  for (const uid of uids) {
    const group = await store().groups.get(uid);
    if (!group) {
      const message = msg("identity.errors.unknown_group", { uid });
      throw new AppError("validation_error", message, { fieldErrors: { groups: [message] } });
    }
    requireGrantable(principal, group.permissions, [], "groups");
  }
  return uids;
}

async function createAccount(principal: Principal, item: InviteItem): Promise<StoredUser> {
  const groups = await checkGrants(principal, item);
  const username = item.username ?? (await usernameFor(item.email));
  await createUserAccount({
    username,
    email: item.email,
    first_name: item.first_name,
    last_name: item.last_name,
    permissions: item.permissions,
    groups,
  });
  return (await store().users.get(username))!;
}

/** A new one-time link for the user (earlier ones stop working). */
async function issueLink(user: StoredUser, by: string, origin: string): Promise<string> {
  const token = randomToken(32);
  await store().users.deleteTokens(user.user_id);
  await store().users.createToken({
    token_hash: hashInvitationToken(token),
    user_id: user.user_id,
    purpose: "invitation",
    expires_at: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
    created_by: by,
  });
  return invitationUrl(origin, token);
}

/** Invites one user (POST /users/invite/ item, or the console's invite dialog); the link is in the answer only. */
export async function inviteUser(principal: Principal, raw: unknown, origin: string): Promise<User & { invitation_url?: string }> {
  // proxy mode: the upstream invites (an Opendatasoft domain sends the email; one of ours answers the link)
  if (principal.upstream) return principal.upstream.identities.users.invite(parseInput(inviteItemSchema, raw));
  requireIdentityManager(principal);
  const user = await createAccount(principal, parseInput(inviteItemSchema, raw));
  const invitation_url = await issueLink(user, principal.username, origin);
  return { ...(await presentUser((await store().users.get(user.username)) ?? user)), invitation_url };
}

export async function inviteUsers(principal: Principal, items: unknown[], origin: string): Promise<BulkResult> {
  requireIdentityManager(principal);
  return bulkResult(items, (raw) => inviteUser(principal, raw, origin));
}

export async function provisionUsers(principal: Principal, items: unknown[]): Promise<BulkResult> {
  requireIdentityManager(principal);
  return bulkResult(items, async (raw) => {
    const item = parseInput(provisionItemSchema, raw);
    const user = await createAccount(principal, item);
    await store().users.setIdentityProvider(user.user_id, item.identity_provider.uid);
    return presentUser((await store().users.get(user.username)) ?? user);
  });
}

/** A new one-time password link for an existing account (re-invitation, or a password reset by an administrator). */
export async function createPasswordLink(principal: Principal, username: string, origin: string): Promise<string> {
  // one-time links are this console's own: there is no such operation in the official API (hidden in proxy mode)
  if (principal.upstream) throw new AppError("bad_request", msg("proxy.missing_extension", { upstream: principal.upstream.client.origin }));
  requireIdentityManager(principal);
  const user = await store().users.get(username);
  if (!user) throw notFound();
  return issueLink(user, principal.username, origin);
}

/** What the invitation page shows, or null when the link is unknown, used or expired. */
export async function openInvitation(token: string): Promise<{ username: string; email: string | null; has_password: boolean } | null> {
  // proxy mode: invitations are the upstream's, and its links lead there; none is this console's
  if (config().upstream || !/^[a-f0-9]{64}$/.test(token)) return null;
  const found = await store().users.findToken(hashInvitationToken(token));
  if (!found || found.purpose !== "invitation" || found.expires_at <= new Date()) return null;
  return { username: found.user.username, email: found.user.email, has_password: found.user.has_password };
}

/** Sets the password chosen on the invitation page; the link is then spent and earlier sessions end. */
export async function acceptInvitation(token: string, password: string): Promise<{ username: string }> {
  const found = await openInvitation(token);
  if (!found) throw new AppError("not_found", msg("identity.invitation.invalid"));
  const problem = passwordProblem(password, { username: found.username });
  if (problem) throw new AppError("validation_error", problem, { fieldErrors: { password: [problem] } });
  const hash = await hashPassword(password);
  const full = await store().users.findToken(hashInvitationToken(token));
  if (!full || !(await store().users.consumeToken(hashInvitationToken(token)))) throw new AppError("not_found", msg("identity.invitation.invalid"));
  await store().users.setPassword(full.user.user_id, hash);
  await store().users.revokeSessions(full.user.user_id, new Date());
  return { username: found.username };
}
