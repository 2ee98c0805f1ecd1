import "server-only";
// API keys (API-CONTRACT.md §2.15): every principal manages its own user's keys — another user's key is "not
// found", never "forbidden". A key's permissions never exceed what the caller holds when it sets them (so a
// narrowed key cannot mint a broader one); at every request a key's rights are its owner's current rights
// narrowed by its own (lib/auth/principal.ts). Administrators may look any key up by its secret. In proxy mode
// the keys are the upstream's (lib/store/remote/identities.ts).
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from "@/lib/auth/api-key-secret";
import { isPermission } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { notFound } from "@/lib/errors/app-error";
import { newUid } from "@/lib/ids/uid";
import type { ApiKey, ApiKeyCreate, ApiKeyUpdate } from "@/lib/api-keys/schema";
import type { StoredApiKey } from "@/lib/store/identity-types";
import type { Page } from "@/lib/store/types";
import { store } from "@/lib/store/store";
import { requireGrantable, requireIdentityManager } from "@/lib/users/access";
import { presentUser } from "@/lib/users/service";

export async function presentApiKey(key: StoredApiKey, options: { secret?: string; expandUser?: boolean } = {}): Promise<ApiKey> {
  let user: ApiKey["user"] = { username: key.user.username };
  if (options.expandUser) {
    const owner = await store().users.get(key.user.username);
    if (owner) user = await presentUser(owner);
  }
  return {
    uid: key.uid,
    label: key.label,
    ...(options.secret ? { key: options.secret } : {}),
    key_prefix: key.key_prefix,
    permissions: key.permissions.filter(isPermission),
    created_at: key.created_at,
    last_used_at: key.last_used_at,
    user,
    revocation_status: { revoked_at: key.revoked_at, revocation_reason: key.revocation_reason ?? "" },
    is_revoked: key.revoked_at !== null,
  };
}

export function listApiKeys(principal: Principal, page: { limit: number; offset: number }): Promise<Page<StoredApiKey>> {
  if (principal.upstream) return principal.upstream.identities.apiKeys.list(page);
  return store().apiKeys.list(principal.user_id, page);
}

/** Every user's keys, for administrators ("View as" picks one). */
export function listAllApiKeys(principal: Principal, page: { limit: number; offset: number }): Promise<Page<StoredApiKey>> {
  requireIdentityManager(principal);
  return store().apiKeys.listAll(page);
}

export async function getApiKey(principal: Principal, uid: string): Promise<StoredApiKey> {
  if (principal.upstream) return principal.upstream.identities.apiKeys.get(uid);
  const key = await store().apiKeys.get(uid, principal.user_id);
  if (!key) throw notFound();
  return key;
}

/**
 * A key may carry the dataset permissions its owner holds through rulesets: they only ever reach those datasets (a
 * key's domain permissions stay narrowed to its owner's, lib/auth/principal.ts).
 */
const rulesetPermissions = (principal: Principal) => [...new Set((principal.rulesets ?? []).flatMap((r) => r.permissions))];

/** Creates a key for the caller's own user; the secret is returned once and only its hash is kept. */
export async function createApiKey(principal: Principal, input: ApiKeyCreate): Promise<{ key: StoredApiKey; secret: string }> {
  if (principal.upstream) return principal.upstream.identities.apiKeys.create(input);
  requireGrantable(principal, input.permissions, [], "permissions", rulesetPermissions(principal));
  const secret = generateApiKeySecret();
  for (let attempt = 0; ; attempt++) {
    try {
      const key = await store().apiKeys.create({
        uid: newUid("ak"),
        key_hash: hashApiKeySecret(secret),
        key_prefix: apiKeyPrefix(secret),
        label: input.label,
        user_id: principal.user_id,
        permissions: input.permissions,
      });
      return { key, secret };
    } catch (error) {
      // a uid collision (36^6 uids): try another
      if (attempt >= 3) throw error;
    }
  }
}

export async function updateApiKey(principal: Principal, uid: string, input: ApiKeyUpdate): Promise<StoredApiKey> {
  if (principal.upstream) return principal.upstream.identities.apiKeys.update(uid, input);
  const key = await getApiKey(principal, uid);
  if (input.permissions) requireGrantable(principal, input.permissions, key.permissions, "permissions", rulesetPermissions(principal));
  const updated = await store().apiKeys.update(uid, principal.user_id, input);
  if (!updated) throw notFound();
  return updated;
}

export async function revokeApiKey(principal: Principal, uid: string, reason: string): Promise<StoredApiKey> {
  if (principal.upstream) return principal.upstream.identities.apiKeys.revoke(uid, reason);
  await getApiKey(principal, uid);
  const revoked = await store().apiKeys.revoke(uid, principal.user_id, reason, new Date());
  if (!revoked) throw notFound();
  return revoked;
}

/** POST /apikeys/search_key/: any user's key, active or revoked, by its secret. */
export async function searchApiKey(principal: Principal, secret: string): Promise<StoredApiKey | null> {
  if (principal.upstream) return principal.upstream.identities.apiKeys.search(secret);
  requireIdentityManager(principal);
  return store().apiKeys.findByHash(hashApiKeySecret(secret));
}
