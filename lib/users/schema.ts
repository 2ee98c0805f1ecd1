// Users of the Automation API v1 (API-CONTRACT.md §2.13): the one schema for the route handlers, the console's
// forms and the OpenAPI document. zod only, importable anywhere. Read-only properties of `User` (is_active,
// joined_at, last_seen_at, account_type…) are not part of the write schemas: a client that sends back what it
// read changes nothing it may not change (zod drops unknown keys).
import { z } from "zod";
import { permissionSchema } from "@/lib/auth/permissions";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy-limits";

export const USERNAME_PATTERN = /^[A-Za-z0-9_.@+-]{1,150}$/;
export const usernameSchema = z
  .string()
  .trim()
  .min(1)
  .max(150)
  .refine((v) => USERNAME_PATTERN.test(v), { params: { i18n: "invalid" } });

/** Query values that may come repeated (?p=a&p=b) or comma-separated (?p=a,b). */
export function listQuery<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(",")).map((s) => s.trim()).filter(Boolean)),
    z.array(item).optional(),
  );
}

export const exploreLimitsSchema = z
  .object({
    api_calls: z
      .object({ limit: z.number().min(0), unit: z.enum(["year", "month", "day", "hour", "minute", "second"]) })
      .optional(),
  })
  .meta({ id: "ExploreLimits" });

const relatedUser = z.object({ username: z.string() }).meta({ id: "RelatedUserReadOnly" });

export const groupRefSchema = z.object({ uid: z.string() });

/** UserGroup, as the user's `groups` show it when expanded (lib/groups/schema.ts has the full description). */
export const userGroupSchema = z
  .object({
    uid: z.string(),
    title: z.string(),
    description: z.string(),
    user_count: z.number().int(),
    permissions: z.array(permissionSchema),
    explore_limits: exploreLimitsSchema,
    management_limits: z.object({}),
    created_at: z.string(),
    updated_at: z.string(),
    created_by: relatedUser.optional(),
    updated_by: relatedUser.optional(),
  })
  .meta({ id: "UserGroup" });

export const ACCOUNT_TYPES = ["global", "linked", "local"] as const;

export const userSchema = z
  .object({
    username: z.string(),
    display_name: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    is_active: z.boolean(),
    email: z.string(),
    is_ods: z.boolean(),
    account_type: z.enum(ACCOUNT_TYPES),
    permissions: z.array(permissionSchema).meta({ description: "Granted directly (not through groups)." }),
    joined_at: z.string(),
    last_seen_at: z.string().optional(),
    last_login_at: z.string().optional(),
    expires_at: z.string().nullable(),
    explore_limits: exploreLimitsSchema,
    management_limits: z.object({}),
    gravatar_url: z.string(),
    // the expanded form first: a union keeps the first option that parses, and {uid} would strip the rest. Omitted
    // when the user has no group: the official schema's oneOf refuses an empty array (it matches both forms).
    groups: z.union([z.array(userGroupSchema), z.array(groupRefSchema)]).optional(),
    identity_providers: z.array(z.object({ uid: z.string() })),
    is_pending: z.boolean().meta({ description: "Extension: invited, and has not chosen a password yet." }),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = z.object({
  limit: z.coerce.number().int().min(0).max(1000).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  search: z.string().max(200).optional(),
  sort: listQuery(z.enum(["username", "-username", "first_name", "-first_name", "last_name", "-last_name", "last_seen_at", "-last_seen_at"])).meta({
    description: "Comma-separated or repeated; a leading `-` sorts descending.",
  }),
  permissions: listQuery(permissionSchema).meta({ description: "Users holding every one of these directly." }),
  all_permissions: listQuery(permissionSchema).meta({ description: "Users holding every one of these, directly or through a group." }),
  group: z.string().max(200).optional().meta({ description: "Extension: members of this group." }),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userRetrieveQuerySchema = z.object({ expand: listQuery(z.enum(["groups"])) });

const nameField = z.string().trim().max(150);

/** Body of PUT /users/{username}/: what an administrator may change. */
export const userUpdateSchema = z
  .object({
    first_name: nameField.optional(),
    last_name: nameField.optional(),
    email: z.email().max(254).optional(),
    permissions: z.array(permissionSchema).max(64).optional(),
    explore_limits: exploreLimitsSchema.nullable().optional(),
  })
  .meta({ id: "UserWrite" });
export type UserUpdate = z.infer<typeof userUpdateSchema>;

const groupsInput = z.array(z.union([groupRefSchema, z.string().transform((uid) => ({ uid }))])).max(100);

/** One item of POST /users/invite/. */
export const inviteItemSchema = z.object({
  email: z.email().max(254),
  username: usernameSchema.optional(),
  first_name: nameField.default(""),
  last_name: nameField.default(""),
  permissions: z.array(permissionSchema).max(64).default([]),
  groups: groupsInput.default([]),
});
export type InviteItem = z.infer<typeof inviteItemSchema>;
export type InviteItemInput = z.input<typeof inviteItemSchema>;

/** One item of POST /users/provision/: an account signing in through an identity provider. */
export const provisionItemSchema = inviteItemSchema.extend({
  email: z.email().max(254),
  identity_provider: z.object({ uid: z.string().trim().min(1).max(100) }),
  identity_provider_attributes: z.record(z.string(), z.unknown()).optional(),
});
export type ProvisionItem = z.infer<typeof provisionItemSchema>;

/** The bulk endpoints take a JSON array of items (a single object is one item); each item is checked on its own. */
export const bulkBodySchema = z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(z.unknown()).min(1).max(500));

export const bulkItemResultSchema = z.union([
  z.object({ status_code: z.literal("success"), data: userSchema.extend({ invitation_url: z.string().optional() }) }),
  z.object({ status_code: z.literal("error"), error: z.object({ error_code: z.string(), message: z.string(), detail: z.record(z.string(), z.array(z.string())).optional() }) }),
]);
export const bulkResultSchema = z.record(z.string(), bulkItemResultSchema).meta({
  id: "BulkUserResult",
  description: 'Keyed by the position of the item in the request ("0" = first).',
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const userExportQuerySchema = z.object({
  delimiter: z.string().length(1).refine((d) => !/["\r\n]/.test(d)).default(","),
  subdomains: z.string().optional().meta({ description: "Accepted and ignored: this server has no subdomains." }),
});

export const usernameParamsSchema = z.object({ username: z.string().min(1).max(150) });

/** The invitation page's form: the password the invitee chooses. */
export const acceptInvitationSchema = z.object({
  token: z.string().regex(/^[a-f0-9]{64}$/),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

/** GET /me/ (extension): who the caller is, as the API sees them — proxy-mode consoles ask it at sign-in. */
export const currentPrincipalSchema = z
  .object({
    username: z.string(),
    via: z.enum(["session", "apikey"]),
    permissions: z.array(permissionSchema).meta({ description: "Effective domain permissions: an API key's own, narrowed to its owner's." }),
    api_key: z.object({ uid: z.string() }).nullable(),
  })
  .meta({ id: "CurrentPrincipal" });
