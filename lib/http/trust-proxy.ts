// Which address a request comes from, for throttling and quotas. Only the socket is a fact: X-Forwarded-For is what
// the client, or the proxies in between, wrote. TRUST_PROXY says which of its entries to believe —
// - unset or 0: none (the socket's address: this server faces the clients itself);
// - a hop count n: the n nearest hops are our proxies, so the entry n places before the socket is the client;
// - addresses or CIDR ranges (`10.0.0.0/8,192.168.1.7`): walk back from the socket over those, the first address
//   that is not one of them is the client.
// Whatever a client writes beyond what the trusted proxies appended is never believed.
import ipaddr from "ipaddr.js";

export type TrustProxy = { hops: number } | { ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

/** TRUST_PROXY as configured; throws with a message naming what it could not read. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? "").trim();
  if (text === "") return { hops: 0 };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 20) throw new Error("TRUST_PROXY: at most 20 hops");
    return { hops };
  }
  const ranges = text.split(",").map((item) => item.trim()).filter(Boolean).map((item) => {
    try {
      return item.includes("/") ? ipaddr.parseCIDR(item) : ((address) => [address, address.kind() === "ipv4" ? 32 : 128] as [typeof address, number])(ipaddr.parse(item));
    } catch {
      throw new Error(`TRUST_PROXY: "${item}" is neither a hop count nor an IP address or CIDR range`);
    }
  });
  return { ranges };
}

function normalised(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    return ipaddr.process(address.replace(/^\[|\]$/g, ""));
  } catch {
    return null;
  }
}

function trusted(address: string, ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  const parsed = normalised(address);
  if (!parsed) return false;
  return ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

/** The client's address: `socket` (the peer of the TCP connection) and what X-Forwarded-For says, read as `trust` says. */
export function resolveClientAddress(socket: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustProxy): string {
  const peer = socket ?? "unknown";
  if ("hops" in trust && trust.hops === 0) return peer;
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  const chain = [...forwarded, peer];
  if ("hops" in trust) return chain[Math.max(0, chain.length - 1 - trust.hops)]!;
  for (let i = chain.length - 1; i > 0; i--) if (!trusted(chain[i]!, trust.ranges)) return chain[i]!;
  return chain[0]!;
}
