"use server";
// Console mutations on groups. Thin: the action wrapper authenticates and validates, the service decides.
// Every export here is a public endpoint: each one validates everything it receives.
import { z } from "zod";
import { addMember, createGroup, deleteGroup, removeMember, updateGroup } from "@/lib/groups/service";
import { groupCreateSchema, groupUpdateSchema } from "@/lib/groups/schema";
import { runAction, type ActionResult } from "@/lib/http/server-action";

const administrators = ["edit_domain"] as const;
const groupUid = z.object({ group_uid: z.string().min(1).max(64) });
const member = groupUid.extend({ username: z.string().trim().min(1).max(150) });

export async function createGroupAction(input: unknown): Promise<ActionResult<{ uid: string }>> {
  return runAction({ name: "createGroup", schema: groupCreateSchema, input, anyOf: administrators }, async (principal, group) => ({
    uid: (await createGroup(principal, group)).uid,
  }));
}

export async function updateGroupAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "updateGroup", schema: groupUid.extend({ group: groupUpdateSchema }), input, anyOf: administrators }, async (principal, data) => {
    await updateGroup(principal, data.group_uid, data.group);
    return null;
  });
}

export async function deleteGroupAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "deleteGroup", schema: groupUid, input, anyOf: administrators }, async (principal, data) => {
    await deleteGroup(principal, data.group_uid);
    return null;
  });
}

export async function addMemberAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "addMember", schema: member, input, anyOf: administrators }, async (principal, data) => {
    await addMember(principal, data.group_uid, data.username);
    return null;
  });
}

export async function removeMemberAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "removeMember", schema: member, input, anyOf: administrators }, async (principal, data) => {
    await removeMember(principal, data.group_uid, data.username);
    return null;
  });
}
