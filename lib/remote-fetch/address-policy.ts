// Which IP addresses the server may connect to on a user's behalf. An allow-list of ranges rather than a deny-list:
// anything ipaddr.js does not call ordinary unicast (including ranges it learns about later) is refused.
import ipaddr from "ipaddr.js";

export type AddressVerdict = { allowed: true; range: string } | { allowed: false; range: string };

const PUBLIC_IPV4_RANGES = new Set(["unicast", "as112", "amt"]);
const PUBLIC_IPV6_RANGES = new Set(["unicast", "as112v6", "amt"]);
// IANA's global unicast block; everything outside it (::/8 compatibility forms, fec0::/10, 100::/64…) is refused.
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");

export function classifyAddress(address: string): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return { allowed: false, range: "invalid" };
  }
  return parsed.kind() === "ipv4" ? classifyIPv4(parsed as ipaddr.IPv4) : classifyIPv6(parsed as ipaddr.IPv6);
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address).allowed;
}

function classifyIPv4(ip: ipaddr.IPv4): AddressVerdict {
  const range = ip.range();
  return { allowed: PUBLIC_IPV4_RANGES.has(range), range };
}

function classifyIPv6(ip: ipaddr.IPv6): AddressVerdict {
  const range = ip.range();
  // Forms that carry an IPv4 address the packet may end up at: judge that address instead.
  const embedded = embeddedIPv4(ip, range);
  if (embedded) {
    const inner = classifyIPv4(embedded);
    return { allowed: inner.allowed, range: `${range}:${inner.range}` };
  }
  if (range === "teredo" || range === "rfc6052") return { allowed: false, range };
  return { allowed: PUBLIC_IPV6_RANGES.has(range) && ip.match(GLOBAL_UNICAST), range };
}

function embeddedIPv4(ip: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const p = (index: number) => ip.parts[index] ?? 0;
  const fromParts = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  switch (range) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d
      return fromParts(p(6), p(7));
    case "rfc6052":
      // Only the well-known NAT64 prefix 64:ff9b::/96 has the address in the last 32 bits; the local-use
      // 64:ff9b:1::/48 can place it anywhere, so it stays refused.
      return [2, 3, 4, 5].every((i) => p(i) === 0) ? fromParts(p(6), p(7)) : null;
    case "6to4": // 2002:AABB:CCDD::/48
      return fromParts(p(1), p(2));
    default:
      return null;
  }
}
