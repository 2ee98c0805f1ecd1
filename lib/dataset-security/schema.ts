// Dataset security rulesets of the Automation API v1 (API-CONTRACT.md §2.4): DatasetUserSecurity and
// DatasetGroupSecurity. zod only, importable anywhere (the security grid's forms use the same schemas).
import { z } from "zod";
import { DATASET_PERMISSIONS } from "@/lib/auth/permissions";
import { datasetSecuritySchema } from "@/lib/datasets/schema";
import { usernameSchema } from "@/lib/users/schema";

export const datasetPermissionSchema = z.enum(DATASET_PERMISSIONS);
export type DatasetPermission = z.infer<typeof datasetPermissionSchema>;

const permissions = z
  .array(datasetPermissionSchema)
  .refine((items) => new Set(items).size === items.length, { params: { i18n: "unique_items" } })
  .default([]);

/** PUT/POST bodies: `security` omitted means the default DatasetSecurity (everything visible, no quota). */
export const userRulesetWriteSchema = z
  .object({
    user: z.object({ username: usernameSchema }),
    security: datasetSecuritySchema.default(datasetSecuritySchema.parse({})),
    permissions,
  })
  .meta({ id: "DatasetUserSecurityWrite" });
export type UserRulesetWrite = z.infer<typeof userRulesetWriteSchema>;

export const groupRulesetWriteSchema = z
  .object({
    group: z.object({ uid: z.string().min(1).max(64) }),
    security: datasetSecuritySchema.default(datasetSecuritySchema.parse({})),
    permissions,
  })
  .meta({ id: "DatasetGroupSecurityWrite" });
export type GroupRulesetWrite = z.infer<typeof groupRulesetWriteSchema>;

/** PUT on an existing ruleset: the target comes from the path; a `user`/`group` in the body must name the same one. */
export const userRulesetUpdateSchema = userRulesetWriteSchema.partial({ user: true });
export const groupRulesetUpdateSchema = groupRulesetWriteSchema.partial({ group: true });

export const userRulesetSchema = z
  .object({ user: z.object({ username: z.string() }), security: datasetSecuritySchema, permissions: z.array(datasetPermissionSchema) })
  .meta({ id: "DatasetUserSecurity" });
export type UserRuleset = z.infer<typeof userRulesetSchema>;

export const groupRulesetSchema = z
  .object({ group: z.object({ uid: z.string(), title: z.string().optional() }), security: datasetSecuritySchema, permissions: z.array(datasetPermissionSchema) })
  .meta({ id: "DatasetGroupSecurity" });
export type GroupRuleset = z.infer<typeof groupRulesetSchema>;

export const rulesetListQuerySchema = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RulesetListQuery = z.infer<typeof rulesetListQuerySchema>;

export const userRulesetParamsSchema = z.object({ dataset_uid: z.string().min(1), username: z.string().min(1).max(150) });
export const groupRulesetParamsSchema = z.object({ dataset_uid: z.string().min(1), group_uid: z.string().min(1).max(64) });
