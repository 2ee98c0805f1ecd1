// API key secrets: 28 random bytes as 56 hex characters (the length of the spec's example), stored as SHA-256.
import { createHash, randomBytes } from "node:crypto";

export function generateApiKeySecret(): string {
  return randomBytes(28).toString("hex");
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, 6);
}

/**
 * The key a request carries: `Authorization: Apikey <key>` (scheme case-insensitive — the sources spell it
 * apikey, Apikey and ApiKey) or `?apikey=<key>`. The header wins when both are present.
 * Returns undefined when the request carries no key, and "" for a malformed one (to be refused, not ignored).
 */
export function apiKeyFromRequest(authorization: string | null, query: URLSearchParams): string | undefined {
  if (authorization) {
    const match = /^\s*apikey\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1];
    if (/^\s*apikey\b/i.test(authorization)) return "";
  }
  const fromQuery = query.get("apikey");
  if (fromQuery !== null) return fromQuery.trim();
  return undefined;
}
