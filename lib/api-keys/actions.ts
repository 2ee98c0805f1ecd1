"use server";
// Console mutations on the signed-in user's own API keys. Thin: the action wrapper authenticates and validates,
// the service decides (ownership, no permission beyond the user's). Every export here is a public endpoint.
import { z } from "zod";
import { apiKeyCreateSchema, apiKeyRevokeSchema } from "@/lib/api-keys/schema";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import { runAction, type ActionResult } from "@/lib/http/server-action";

export async function createApiKeyAction(input: unknown): Promise<ActionResult<{ uid: string; secret: string }>> {
  return runAction({ name: "createApiKey", schema: apiKeyCreateSchema, input }, async (principal, data) => {
    const { key, secret } = await createApiKey(principal, data);
    return { uid: key.uid, secret };
  });
}

export async function revokeApiKeyAction(input: unknown): Promise<ActionResult<null>> {
  return runAction({ name: "revokeApiKey", schema: apiKeyRevokeSchema.extend({ apikey_uid: z.string().min(1).max(64) }), input }, async (principal, data) => {
    await revokeApiKey(principal, data.apikey_uid, data.reason);
    return null;
  });
}
