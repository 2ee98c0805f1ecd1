// The address a request comes from, for throttling and quotas, as the throttle counts it (an IPv6 client as its
// /64). The production server (server/main.ts) has already put the client's one address in X-Forwarded-For, read
// from the socket and, as TRUST_PROXY says, from the proxies in front (lib/http/trust-proxy.ts). Under `next dev`
// Next fills it with the socket address when the request has none and keeps what a client sent: the last entry.
import ipaddr from "ipaddr.js";

/** `forwardedFor`: the X-Forwarded-For header (all values joined with commas). */
export function clientAddress(forwardedFor: string | string[] | null | undefined): string {
  const value = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const last = value?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  if (!last) return "unknown";
  try {
    const parsed = ipaddr.process(last.replace(/^\[|\]$/g, ""));
    // an IPv6 client usually holds a whole /64: count it as one
    if (parsed.kind() === "ipv6") return `${parsed.toNormalizedString().split(":").slice(0, 4).join(":")}::/64`;
    return parsed.toString();
  } catch {
    return last.slice(0, 64);
  }
}
