import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/http/client-address";

describe("client address", () => {
  it("takes the last X-Forwarded-For entry: the nearest hop's", () => {
    expect(clientAddress("203.0.113.9, 198.51.100.7")).toBe("198.51.100.7");
    expect(clientAddress(["203.0.113.9", "198.51.100.8"])).toBe("198.51.100.8");
  });

  it("folds IPv4-mapped IPv6 and counts IPv6 clients by their /64", () => {
    expect(clientAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(clientAddress("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(clientAddress("[2001:db8:1:2::9]")).toBe("2001:db8:1:2::/64");
  });

  it("answers 'unknown' without a header, and keeps an unparsable value short", () => {
    expect(clientAddress(null)).toBe("unknown");
    expect(clientAddress("")).toBe("unknown");
    expect(clientAddress("not-an-ip".repeat(20))).toHaveLength(64);
  });
});
