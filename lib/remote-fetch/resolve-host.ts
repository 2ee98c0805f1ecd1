// Resolve once, check every address, then connect only to what was checked: a second resolution at connect time
// could answer differently (DNS rebinding) and reach an internal address that never went through the policy.
import { lookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { AppError, msg } from "@/lib/errors/app-error";
import { classifyAddress } from "@/lib/remote-fetch/address-policy";
import { canonicalHostname, isAllowedPrivateHost } from "@/lib/remote-fetch/allowed-hosts";

export type VerifiedAddresses = LookupAddress[];

/** Every address the host resolves to, or an AppError if any of them is refused (unless the host is allow-listed). */
export async function resolveVerified(url: URL, allowedPrivateHosts: readonly string[], redirected: boolean): Promise<VerifiedAddresses> {
  const host = canonicalHostname(url.hostname);
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(host, { all: true });
  } catch (error) {
    throw new AppError("remote_fetch_error", msg("remote_fetch.dns_failure", { host }), { cause: error });
  }
  if (addresses.length === 0) throw new AppError("remote_fetch_error", msg("remote_fetch.dns_failure", { host }));
  if (isAllowedPrivateHost(url, allowedPrivateHosts)) return addresses;

  // One bad address is enough: the connection could be made to any of them.
  const refused = addresses.find(({ address }) => !classifyAddress(address).allowed);
  if (refused) {
    const key = redirected ? "remote_fetch.redirect_private" : "remote_fetch.private_address";
    throw new AppError("remote_fetch_error", msg(key, { host, address: refused.address }));
  }
  return addresses;
}

/** A `lookup` for http.request that answers with the verified addresses only (the Host header and SNI keep the name). */
export function pinnedLookup(addresses: VerifiedAddresses): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 4 || options.family === 6 ? options.family : undefined;
    const matching = family ? addresses.filter((a) => a.family === family) : addresses;
    if (matching.length === 0) {
      const error: NodeJS.ErrnoException = new Error("No verified address for the requested family");
      error.code = "ENOTFOUND";
      callback(error, "", 0);
      return;
    }
    if (options.all) callback(null, matching);
    else callback(null, matching[0]!.address, matching[0]!.family);
  };
}
