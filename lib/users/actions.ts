"use server";
// Console mutations on users. Thin: the action wrapper authenticates and validates, the services decide.
// Every export here is a public endpoint: each one validates everything it receives.
import { z } from "zod";
import { runAction, runPublicAction, type ActionResult } from "@/lib/http/server-action";
import { requestOrigin } from "@/lib/http/request-origin";
import { acceptInvitation, createPasswordLink, inviteUser } from "@/lib/users/invitations";
import { acceptInvitationSchema, inviteItemSchema, userUpdateSchema } from "@/lib/users/schema";
import { deleteUser, setUserActive, updateUser } from "@/lib/users/service";

const administrators = ["edit_domain"] as const;
const username = z.object({ username: z.string().min(1).max(150) });

/** `invitation_url` null: the upstream (proxy mode) sends the invitation itself, by email. */
export async function inviteUserAction(input: unknown): Promise<ActionResult<{ username: string; invitation_url: string | null }>> {
  return runAction({ name: "inviteUser", schema: inviteItemSchema, input, anyOf: administrators }, async (principal, item) => {
    const invited = await inviteUser(principal, item, await requestOrigin());
    return { username: invited.username, invitation_url: invited.invitation_url ?? null };
  });
}

export async function updateUserAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "updateUser", schema: username.extend({ user: userUpdateSchema }), input, anyOf: administrators }, async (principal, data) => {
    await updateUser(principal, data.username, data.user);
    return null;
  });
}

export async function setUserActiveAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "setUserActive", schema: username.extend({ is_active: z.boolean() }), input, anyOf: administrators }, async (principal, data) => {
    await setUserActive(principal, data.username, data.is_active);
    return null;
  });
}

export async function deleteUserAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "deleteUser", schema: username, input, anyOf: administrators }, async (principal, data) => {
    await deleteUser(principal, data.username);
    return null;
  });
}

/** A new one-time link where the user chooses a password (pending invitation, or a reset). */
export async function createPasswordLinkAction(input: unknown): Promise<ActionResult<{ url: string }>> {
  return runAction({ name: "createPasswordLink", schema: username, input, anyOf: administrators }, async (principal, data) => ({
    url: await createPasswordLink(principal, data.username, await requestOrigin()),
  }));
}

/** Public: the invitation page, for a signed-out invitee. The token is the credential. */
export async function acceptInvitationAction(input: unknown): Promise<ActionResult<{ username: string }>> {
  return runPublicAction({ name: "acceptInvitation", schema: acceptInvitationSchema, input }, (data) => acceptInvitation(data.token, data.password));
}
