// A proxy-mode principal built in the test process, as the console builds one for a signed-in key
// (lib/auth/upstream-principal.ts), but on the official-only upstream of this project: the console's service
// functions then run here, against the upstream, with the key's own rights.
import { inject } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { discoverUpstreamIdentity, type UpstreamIdentity } from "@/lib/auth/upstream-identity";
import { upstreamPrincipal } from "@/lib/auth/upstream-principal";
import { UpstreamCredentials } from "@/lib/store/remote/credentials";
import { upstreamClient, type UpstreamClient } from "@/lib/store/remote/upstream-client";
import { apiClient } from "../../support/api-client";

export const BASE = "/api/automation/v1.0";

export function officialClient(): UpstreamClient {
  return upstreamClient({ url: inject("backend").proxy!.officialUrl!, timeoutMs: 15_000 });
}

/** The principal of `key`, and the identity the official fallbacks found for it. */
export async function principalOf(key: string): Promise<{ principal: Principal; identity: UpstreamIdentity }> {
  const client = officialClient();
  const credentials = new UpstreamCredentials(key);
  const identity = await discoverUpstreamIdentity(client, credentials);
  if (!identity) throw new Error("the upstream refused the key");
  const principal = upstreamPrincipal({ ...identity, username: identity.username ?? "" }, credentials, { via: "apikey", locale: null }, client);
  return { principal, identity };
}

/** The upstream instance itself, with the administrator's key: where every write is read back. */
export function upstreamAdmin() {
  const backend = inject("backend");
  return apiClient(backend.proxy!.upstreamUrl, backend.adminKey, BASE);
}
