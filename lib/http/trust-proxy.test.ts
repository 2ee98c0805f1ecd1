import { describe, expect, it } from "vitest";
import { parseTrustProxy, resolveClientAddress } from "@/lib/http/trust-proxy";

describe("resolveClientAddress", () => {
  it("believes only the socket by default, whatever X-Forwarded-For says", () => {
    const trust = parseTrustProxy(undefined);
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", trust)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", undefined, parseTrustProxy("0"))).toBe("203.0.113.9");
  });

  it("with a hop count, takes the entry that many places before the socket", () => {
    const one = parseTrustProxy("1");
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7", one)).toBe("198.51.100.7");
    // a client's own X-Forwarded-For, appended to by our one proxy: its forged entry is not believed
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", one)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "198.51.100.7, 10.0.0.1"], parseTrustProxy("2"))).toBe("198.51.100.7");
    // fewer entries than hops: the farthest one there is
    expect(resolveClientAddress("10.0.0.2", undefined, parseTrustProxy("3"))).toBe("10.0.0.2");
  });

  it("with addresses and ranges, walks back over the trusted proxies", () => {
    const trust = parseTrustProxy("10.0.0.0/8, 192.168.1.7, ::1");
    expect(resolveClientAddress("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.168.1.7", trust)).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:10.1.2.3", "198.51.100.7", trust)).toBe("198.51.100.7");
    expect(resolveClientAddress("::1", "2001:db8::5", trust)).toBe("2001:db8::5");
    // a peer that is not a trusted proxy is the client, whatever it forwards
    expect(resolveClientAddress("203.0.113.9", "6.6.6.6", trust)).toBe("203.0.113.9");
    // only proxies in the chain: the farthest
    expect(resolveClientAddress("10.0.0.1", "10.0.0.5", trust)).toBe("10.0.0.5");
  });

  it("refuses what it cannot read", () => {
    expect(() => parseTrustProxy("proxy.local")).toThrow(/TRUST_PROXY: "proxy.local"/);
    expect(() => parseTrustProxy("21")).toThrow(/at most 20/);
  });
});
