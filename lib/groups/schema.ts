// User groups of the Automation API v1 (API-CONTRACT.md §2.14). zod only, importable anywhere.
import { z } from "zod";
import { permissionSchema } from "@/lib/auth/permissions";
import { exploreLimitsSchema, listQuery, userGroupSchema } from "@/lib/users/schema";

export { userGroupSchema };
export type UserGroup = z.infer<typeof userGroupSchema>;

export const GROUP_UID_PATTERN = /^[a-z0-9_]{1,64}$/;

/** "Content Designers" → "content_designers" (accents dropped, anything else becomes "_"). */
export function groupUidFromTitle(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 64)
    .replace(/_+$/, "");
  return slug || "group";
}

export const groupListQuerySchema = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  search: z.string().max(200).optional(),
  sort: z
    .enum(["created_at", "updated_at", "created_by__username", "updated_by__username", "user_count", "group__title"].flatMap((f) => [f, `-${f}`]) as [string, ...string[]])
    .default("updated_at")
    .meta({ description: "A leading `-` sorts descending." }),
  permissions: listQuery(permissionSchema).meta({ description: "Groups granting every one of these." }),
});
export type GroupListQuery = z.infer<typeof groupListQuerySchema>;

const title = z.string().trim().min(1).max(200);
const description = z.string().trim().max(2000);

/** POST /groups/: read-only properties (uid, user_count, created_*…) are ignored. */
export const groupCreateSchema = z
  .object({
    title,
    description: description.default(""),
    permissions: z.array(permissionSchema).max(64).default([]),
    explore_limits: exploreLimitsSchema.nullable().optional(),
    management_limits: z.object({}).passthrough().optional(),
  })
  .meta({ id: "UserGroupWrite" });
export type GroupCreate = z.infer<typeof groupCreateSchema>;
export type GroupCreateInput = z.input<typeof groupCreateSchema>;

/** PUT /groups/{uid}/: omitted properties keep their value; the uid never changes. */
export const groupUpdateSchema = z
  .object({
    title: title.optional(),
    description: description.optional(),
    permissions: z.array(permissionSchema).max(64).optional(),
    explore_limits: exploreLimitsSchema.nullable().optional(),
  })
  .meta({ id: "UserGroupUpdate" });
export type GroupUpdate = z.infer<typeof groupUpdateSchema>;

export const groupParamsSchema = z.object({ group_uid: z.string().min(1).max(64) });
export const groupMemberParamsSchema = groupParamsSchema.extend({ username: z.string().min(1).max(150) });
export const memberBodySchema = z.object({ username: z.string().trim().min(1).max(150) }).meta({ id: "RelatedUser" });
export const memberBatchSchema = z.array(z.unknown()).min(1).max(500);
