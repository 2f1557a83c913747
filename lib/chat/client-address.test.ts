import { describe, expect, it } from "vitest";
import { canonicalClientAddress } from "./client-address";

describe("canonicalClientAddress", () => {
  it("keeps a dotted IPv4 address, a port or surrounding spaces aside", () => {
    expect(canonicalClientAddress(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(canonicalClientAddress("203.0.113.9:51234")).toBe("203.0.113.9");
  });

  it("writes one IPv6 host's /64 one way however it was spelled", () => {
    const spellings = ["2001:db8:0:0:1:0:0:1", "2001:DB8::1:0:0:1", "[2001:db8::1:0:0:1]:443", "2001:db8:0:0:ffff::7", "fe80::1%eth0".replace("fe80", "2001:db8")];
    expect(new Set(spellings.map(canonicalClientAddress))).toEqual(new Set(["2001:db8::/64"]));
    expect(canonicalClientAddress("2001:db8:0:1::1")).toBe("2001:db8:0:1::/64");
    expect(canonicalClientAddress("::1")).toBe("::/64");
  });

  it("folds an IPv4-mapped IPv6 address into its IPv4 form", () => {
    expect(canonicalClientAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(canonicalClientAddress("::ffff:cb00:7109")).toBe("203.0.113.9");
  });

  it("refuses anything that is not an address: names, leading zeros, short forms, lists, 15,000 characters", () => {
    for (const junk of ["", "unknown", "localhost", "127.1", "010.0.0.1", "1.2.3.4.5", "1.2.3.4, 5.6.7.8", "2001:db8::1::2", "x".repeat(15_000)]) {
      expect(canonicalClientAddress(junk)).toBeUndefined();
    }
  });
});
