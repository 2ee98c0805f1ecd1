import { describe, expect, it } from "vitest";
import { classifyAddress, isPublicAddress } from "@/lib/remote-fetch/address-policy";

const refused: [string, string][] = [
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["10.0.0.1", "private"],
  ["10.255.255.255", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.254", "private"],
  ["192.168.1.1", "private"],
  ["169.254.169.254", "linkLocal"], // cloud metadata endpoint
  ["169.254.0.1", "linkLocal"],
  ["100.64.0.1", "carrierGradeNat"],
  ["100.127.255.254", "carrierGradeNat"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["240.0.0.1", "reserved"],
  ["192.0.2.1", "reserved"],
  ["198.18.0.1", "reserved"],
  ["::1", "loopback"],
  ["::", "unspecified"],
  ["fd00::1", "uniqueLocal"],
  ["fc00::1", "uniqueLocal"],
  ["fe80::1", "linkLocal"],
  ["fe80::1%eth0", "linkLocal"],
  ["fec0::1", "deprecatedSiteLocal"],
  ["ff02::1", "multicast"],
  ["::ffff:127.0.0.1", "ipv4Mapped:loopback"],
  ["::ffff:7f00:1", "ipv4Mapped:loopback"],
  ["::ffff:169.254.169.254", "ipv4Mapped:linkLocal"],
  ["::ffff:10.0.0.1", "ipv4Mapped:private"],
  ["::ffff:0:127.0.0.1", "rfc6145:loopback"],
  ["64:ff9b::7f00:1", "rfc6052:loopback"], // NAT64 of 127.0.0.1
  ["64:ff9b::a9fe:a9fe", "rfc6052:linkLocal"], // NAT64 of 169.254.169.254
  ["64:ff9b:1::1", "rfc6052"], // local-use NAT64: embedded address position unknown
  ["2002:7f00:1::1", "6to4:loopback"],
  ["2002:c0a8:101::1", "6to4:private"],
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "teredo"],
  ["2001:db8::1", "reserved"],
  ["::7f00:1", "unicast"], // deprecated IPv4-compatible form, outside 2000::/3
  ["4000::1", "unicast"], // unallocated, outside 2000::/3
  ["not an address", "invalid"],
  ["", "invalid"],
];

const allowed: [string, string][] = [
  ["93.184.216.34", "unicast"],
  ["8.8.8.8", "unicast"],
  ["1.1.1.1", "unicast"],
  ["172.32.0.1", "unicast"], // just outside 172.16/12
  ["100.128.0.1", "unicast"], // just outside 100.64/10
  ["2606:4700::1", "unicast"],
  ["2a00:1450:4007:80e::200e", "unicast"],
  ["::ffff:93.184.216.34", "ipv4Mapped:unicast"],
  ["64:ff9b::5db8:d822", "rfc6052:unicast"], // NAT64 of 93.184.216.34
  ["2002:5db8:d822::1", "6to4:unicast"],
];

describe("classifyAddress", () => {
  it.each(refused)("refuses %s (%s)", (address, range) => {
    expect(classifyAddress(address)).toEqual({ allowed: false, range });
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(allowed)("allows %s (%s)", (address, range) => {
    expect(classifyAddress(address)).toEqual({ allowed: true, range });
    expect(isPublicAddress(address)).toBe(true);
  });
});
