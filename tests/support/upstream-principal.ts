// The principal a proxy console builds for an upstream key (lib/auth/upstream-principal.ts), built here in the test
// worker so the service layer's proxy implementation (lib/store/remote/) can be driven against a real upstream.
import { upstreamPrincipal } from "@/lib/auth/upstream-principal";
import type { Principal } from "@/lib/auth/principal";
import { discoverUpstreamIdentity } from "@/lib/auth/upstream-identity";
import { UpstreamCredentials } from "@/lib/store/remote/credentials";
import { upstreamClient } from "@/lib/store/remote/upstream-client";

export async function principalOfUpstreamKey(upstreamUrl: string, key: string): Promise<Principal> {
  const client = upstreamClient({ url: upstreamUrl, timeoutMs: 15_000 });
  const credentials = new UpstreamCredentials(key);
  const identity = await discoverUpstreamIdentity(client, credentials);
  if (!identity) throw new Error("The upstream refused the key");
  return upstreamPrincipal({ ...identity, username: identity.username ?? "" }, credentials, { via: "apikey", locale: null }, client);
}
