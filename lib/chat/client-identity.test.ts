import { describe, expect, it } from "vitest";
import { ALL_VISITORS_KEY, clientAddressSourceOf, createClientIdentifier } from "./client-identity";

const request = (headers: Record<string, string>) => new Request("http://site.test/api/chat", { headers });

describe("clientAddressSourceOf", () => {
  it("prefers Vercel, then TRUSTED_PROXY_COUNT, else trusts no header", () => {
    expect(clientAddressSourceOf({ VERCEL: true, TRUSTED_PROXY_COUNT: 2 })).toEqual({ kind: "vercel" });
    expect(clientAddressSourceOf({ TRUSTED_PROXY_COUNT: 2 })).toEqual({ kind: "proxies", count: 2 });
    expect(clientAddressSourceOf({})).toEqual({ kind: "none" });
  });
});

describe("createClientIdentifier", () => {
  it("attack: rotating X-Forwarded-For with no trusted proxy mints no new client; all visitors share one key, said once at start", () => {
    const logs: string[] = [];
    const identify = createClientIdentifier({ kind: "none" }, (m) => void logs.push(m));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/all visitors together/);
    const keys = new Set(["1.1.1.1", "2.2.2.2", "127.0.0.1", "x".repeat(15_000)].map((xff) => identify(request({ "x-forwarded-for": xff }))));
    expect(keys).toEqual(new Set([ALL_VISITORS_KEY]));
    expect(identify(request({}))).toBe(ALL_VISITORS_KEY);
    expect(logs).toHaveLength(1);
  });

  it("attack: behind one trusted proxy, what the client wrote left of the proxy's entry is ignored", () => {
    const identify = createClientIdentifier({ kind: "proxies", count: 1 }, () => {});
    expect(identify(request({ "x-forwarded-for": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(identify(request({ "x-forwarded-for": "127.0.0.1, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(identify(request({ "x-forwarded-for": `${"9.9.9.9, ".repeat(2_000)}198.51.100.7` }))).toBe("198.51.100.7");
  });

  it("takes the N-th entry from the right behind N proxies, and a short or junk header shares one key, logged once", () => {
    const logs: string[] = [];
    const identify = createClientIdentifier({ kind: "proxies", count: 2 }, (m) => void logs.push(m));
    expect(identify(request({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2" }))).toBe("203.0.113.5");
    expect(identify(request({ "x-forwarded-for": "10.0.0.2" }))).toBe(ALL_VISITORS_KEY);
    expect(identify(request({ "x-forwarded-for": "evil, 10.0.0.2" }))).toBe(ALL_VISITORS_KEY);
    expect(identify(request({}))).toBe(ALL_VISITORS_KEY);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/TRUSTED_PROXY_COUNT=2/);
  });

  it("attack: a 15,000-character X-Forwarded-For value never becomes a key (the limiter's memory stays one entry per address)", () => {
    const identify = createClientIdentifier({ kind: "proxies", count: 1 }, () => {});
    const key = identify(request({ "x-forwarded-for": `1.2.3.4${"a".repeat(15_000)}` }));
    expect(key).toBe(ALL_VISITORS_KEY);
  });

  it("on Vercel reads the address its edge writes: X-Real-IP, else the last X-Vercel-Forwarded-For or X-Forwarded-For entry", () => {
    const identify = createClientIdentifier({ kind: "vercel" }, () => {});
    expect(identify(request({ "x-real-ip": "203.0.113.1", "x-forwarded-for": "203.0.113.1" }))).toBe("203.0.113.1");
    expect(identify(request({ "x-vercel-forwarded-for": "2001:db8::5" }))).toBe("2001:db8::/64");
    expect(identify(request({ "x-forwarded-for": "203.0.113.2" }))).toBe("203.0.113.2");
    expect(identify(request({}))).toBe(ALL_VISITORS_KEY);
  });
});
