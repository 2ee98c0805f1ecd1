"use server";
// Console mutations of the dataset security grid. Thin: the action wrapper authenticates and validates, the
// service decides (the manage right on the dataset). Every export here is a public endpoint.
import { z } from "zod";
import { datasetSecuritySchema, datasetUidParamsSchema } from "@/lib/datasets/schema";
import { datasetPermissionSchema } from "@/lib/dataset-security/schema";
import { createRuleset, deleteRuleset, setDatasetAccess, updateRuleset } from "@/lib/dataset-security/service";
import { runAction, type ActionResult } from "@/lib/http/server-action";
import type { RulesetTargetRef } from "@/lib/store/security-types";

const target = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user"), username: z.string().trim().min(1).max(150) }),
  z.object({ kind: z.literal("group"), group_uid: z.string().trim().min(1).max(64) }),
]);
const change = { security: datasetSecuritySchema, permissions: z.array(datasetPermissionSchema).max(4).default([]) };
const rulesetInput = datasetUidParamsSchema.extend({ target, ...change });

export async function createRulesetAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "createRuleset", schema: rulesetInput, input }, async (principal, data) => {
    await createRuleset(principal, data.dataset_uid, data.target as RulesetTargetRef, data);
    return null;
  });
}

export async function updateRulesetAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "updateRuleset", schema: rulesetInput, input }, async (principal, data) => {
    await updateRuleset(principal, data.dataset_uid, data.target as RulesetTargetRef, data);
    return null;
  });
}

export async function deleteRulesetAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "deleteRuleset", schema: datasetUidParamsSchema.extend({ target }), input }, async (principal, data) => {
    await deleteRuleset(principal, data.dataset_uid, data.target as RulesetTargetRef);
    return null;
  });
}

export async function setDatasetAccessAction(input: unknown): Promise<ActionResult<null>> {
  const schema = datasetUidParamsSchema.extend({ is_restricted: z.boolean().optional(), default_security: datasetSecuritySchema.optional() });
  return runAction({ name: "setDatasetAccess", schema, input }, async (principal, data) => {
    await setDatasetAccess(principal, data.dataset_uid, data);
    return null;
  });
}
