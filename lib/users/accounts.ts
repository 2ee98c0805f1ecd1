// Creating accounts, groups and API keys. Used by the first start (administrator, demo domain), and by the
// test fixtures, so tests and the demo data are built the same way; invitations (lib/users/invitations.ts) too.
// A password given here must pass the password policy (lib/auth/password-policy.ts).
import { generateApiKeySecret, apiKeyPrefix, hashApiKeySecret } from "@/lib/auth/api-key-secret";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { AppError } from "@/lib/errors/app-error";
import type { Permission } from "@/lib/auth/permissions";
import { newUid } from "@/lib/ids/uid";
import { store } from "@/lib/store/store";
import type { PrincipalRecord } from "@/lib/store/types";

export async function createUserAccount(input: {
  username: string;
  password?: string | null;
  email?: string | null;
  first_name?: string;
  last_name?: string;
  permissions?: readonly Permission[];
  groups?: readonly string[];
  locale?: string | null;
}): Promise<PrincipalRecord> {
  if (input.password) {
    const problem = passwordProblem(input.password, { username: input.username });
    if (problem) throw new AppError("validation_error", problem, { fieldErrors: { password: [problem] } });
  }
  const user = await store().identity.createUser({
    username: input.username,
    email: input.email ?? null,
    first_name: input.first_name,
    last_name: input.last_name,
    password_hash: input.password ? await hashPassword(input.password) : null,
    permissions: [...(input.permissions ?? [])],
    locale: input.locale ?? null,
  });
  for (const group of input.groups ?? []) await store().identity.addMember(group, user.user_id);
  return user;
}

export async function createGroup(input: { uid: string; title: string; description?: string; permissions: readonly Permission[] }) {
  await store().identity.createGroup({ ...input, permissions: [...input.permissions] });
}

/** Registers an API key for a user. Pass `secret` to register a known key (ADMIN_API_KEY); returns the secret. */
export async function createApiKey(input: { user_id: string; label: string; permissions: readonly Permission[]; secret?: string }) {
  const secret = input.secret ?? generateApiKeySecret();
  const uid = newUid("ak");
  await store().identity.createApiKey({
    uid,
    key_hash: hashApiKeySecret(secret),
    key_prefix: apiKeyPrefix(secret),
    label: input.label,
    user_id: input.user_id,
    permissions: [...input.permissions],
  });
  return { uid, secret };
}
