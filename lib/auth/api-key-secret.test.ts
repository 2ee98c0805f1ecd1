import { describe, expect, it } from "vitest";
import { apiKeyFromRequest, apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from "@/lib/auth/api-key-secret";

const q = (s = "") => new URLSearchParams(s);

describe("apiKeyFromRequest", () => {
  it.each(["Apikey", "apikey", "ApiKey", "APIKEY", "aPiKeY"])("reads the %s scheme", (scheme) => {
    expect(apiKeyFromRequest(`${scheme} abc123`, q())).toBe("abc123");
  });

  it("tolerates surrounding whitespace", () => {
    expect(apiKeyFromRequest("  Apikey   abc123  ", q())).toBe("abc123");
  });

  it("reads ?apikey= when there is no header", () => {
    expect(apiKeyFromRequest(null, q("apikey=k1&limit=2"))).toBe("k1");
  });

  it("prefers the header over the query", () => {
    expect(apiKeyFromRequest("Apikey header", q("apikey=query"))).toBe("header");
  });

  it("returns an empty key (to refuse) for a scheme without a key, and for an empty query key", () => {
    expect(apiKeyFromRequest("Apikey", q())).toBe("");
    expect(apiKeyFromRequest("Apikey a b", q())).toBe("");
    expect(apiKeyFromRequest(null, q("apikey="))).toBe("");
  });

  it("ignores other schemes and absent credentials", () => {
    expect(apiKeyFromRequest("Bearer abc", q())).toBeUndefined();
    expect(apiKeyFromRequest("Basic dXNlcjpwYXNz", q())).toBeUndefined();
    expect(apiKeyFromRequest("ApikeyX abc", q())).toBeUndefined();
    expect(apiKeyFromRequest(null, q())).toBeUndefined();
  });
});

describe("API key secrets", () => {
  it("are 56 hex characters (224 bits) and never repeat", () => {
    const keys = new Set(Array.from({ length: 1000 }, generateApiKeySecret));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{56}$/);
  });

  it("are stored as a SHA-256 digest, with a short display prefix", () => {
    const key = generateApiKeySecret();
    expect(hashApiKeySecret(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKeySecret(key)).not.toContain(key);
    expect(hashApiKeySecret(key)).toBe(hashApiKeySecret(key));
    expect(apiKeyPrefix(key)).toBe(key.slice(0, 6));
  });
});
