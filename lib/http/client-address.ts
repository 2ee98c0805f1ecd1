// The address a request comes from, for throttling. Next's server fills X-Forwarded-For with the socket address
// when the request has none, and keeps what a client or proxy sent: the last entry is the one the nearest hop
// saw. Behind a reverse proxy that appends to (or overwrites) X-Forwarded-For, that is the client's address;
// without one, a client can name any address, so per-account throttling is what holds there.
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
