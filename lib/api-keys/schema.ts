// API keys of the Automation API v1 (API-CONTRACT.md §2.15). zod only, importable anywhere.
import { z } from "zod";
import { permissionSchema } from "@/lib/auth/permissions";
import { listQuery, userSchema } from "@/lib/users/schema";

export const apiKeySchema = z
  .object({
    uid: z.string(),
    label: z.string(),
    key: z.string().optional().meta({ description: "The secret: in the answer to the creation only." }),
    key_prefix: z.string().meta({ description: "Extension: the first characters of the secret, to tell keys apart." }),
    permissions: z.array(permissionSchema),
    created_at: z.string(),
    last_used_at: z.string().nullable().meta({ description: "Extension: when the key was last used (to the minute)." }),
    // the expanded form first: a union keeps the first option that parses
    user: z.union([userSchema, z.object({ username: z.string() })]),
    revocation_status: z.object({ revoked_at: z.string().nullable(), revocation_reason: z.string() }),
    is_revoked: z.boolean(),
  })
  .meta({ id: "APIKey" });
export type ApiKey = z.infer<typeof apiKeySchema>;

/** POST /apikeys/: read-only properties (uid, key, user, revocation…) are ignored. */
export const apiKeyCreateSchema = z
  .object({
    label: z.string().trim().max(200).default(""),
    permissions: z.array(permissionSchema).max(64).default([]),
  })
  .meta({ id: "APIKeyWrite" });
export type ApiKeyCreate = z.infer<typeof apiKeyCreateSchema>;
export type ApiKeyCreateInput = z.input<typeof apiKeyCreateSchema>;

export const apiKeyUpdateSchema = z
  .object({
    label: z.string().trim().max(200).optional(),
    permissions: z.array(permissionSchema).max(64).optional(),
  })
  .meta({ id: "APIKeyUpdate" });
export type ApiKeyUpdate = z.infer<typeof apiKeyUpdateSchema>;

export const apiKeyRevokeSchema = z.object({ reason: z.string().trim().max(1000).default("") }).meta({ id: "APIKeyRevocation" });
export type ApiKeyRevokeInput = z.input<typeof apiKeyRevokeSchema>;

export const apiKeySearchSchema = z.object({ key: z.string().trim().min(1).max(512) });
export const apiKeySearchResultSchema = z.object({ found: z.boolean(), result: apiKeySchema.nullable() });

export const apiKeyParamsSchema = z.object({ apikey_uid: z.string().min(1).max(64) });
export const apiKeyRetrieveQuerySchema = z.object({ expand: listQuery(z.enum(["user"])) });
