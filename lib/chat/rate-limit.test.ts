import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChatRequest } from "@/app/api/chat/schema";
import { startTestRedis, type TestRedis } from "@/test/redis-server";
import { createChatHandler } from "./handler";
import { createExtractiveProvider } from "./providers/extractive";
import { clientKeyOf, createChatRateLimiter, type ChatRateLimiter } from "./rate-limit";

// A route instance with everything but the limiter stubbed: retrieval finds nothing, the answer is extractive.
function routeInstance(rateLimiter: ChatRateLimiter) {
  return createChatHandler({
    readRequest: readChatRequest,
    rateLimiter,
    retrieve: async () => ({ mode: "lexical", sources: [], coverage: { covered: true, topScore: 1, reason: "stub", evidence: { terms: [], matched: [], lexical: 1, vocabulary: 1, topical: 1, dense: null, denseMin: null, bestUrl: null }, suggestions: [] }, timings: { embedMs: 0, searchMs: 0, totalMs: 0 } }),
    providers: [createExtractiveProvider()],
    author: "Test Author",
    log: () => {},
  });
}
const ask = (handler: (r: Request) => Promise<Response>, ip = "203.0.113.9") =>
  handler(new Request("http://site.test/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify({ messages: [{ id: "1", role: "user", parts: [{ type: "text", text: "hi" }] }] }),
  })).then(async (response) => (await response.text(), response.status));

describe("clientKeyOf", () => {
  it("takes the first x-forwarded-for hop, else x-real-ip", () => {
    expect(clientKeyOf(new Request("http://x", { headers: { "x-forwarded-for": " 203.0.113.1 , 10.0.0.2" } }))).toBe("203.0.113.1");
    expect(clientKeyOf(new Request("http://x", { headers: { "x-real-ip": "198.51.100.4" } }))).toBe("198.51.100.4");
    expect(clientKeyOf(new Request("http://x"))).toBe("unknown");
  });
});

describe("createChatRateLimiter in memory", () => {
  it("allows the configured requests per minute, then says how long to wait", async () => {
    const limiter = createChatRateLimiter({ pointsPerMinute: 2 });
    expect(await limiter.consume("a")).toEqual({ allowed: true });
    expect(await limiter.consume("a")).toEqual({ allowed: true });
    const third = await limiter.consume("a");
    expect(third.allowed).toBe(false);
    expect(third.allowed === false && third.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(await limiter.consume("b")).toEqual({ allowed: true });
  });
});

describe("createChatRateLimiter with REDIS_URL", () => {
  let redis: TestRedis;
  const limiters: ChatRateLimiter[] = [];
  const make = (logs: string[] = [], keyPrefix = `t${Math.random()}`) => {
    const limiter = createChatRateLimiter({ pointsPerMinute: 3, redisUrl: redis.url, keyPrefix, log: (m) => void logs.push(m) });
    limiters.push(limiter);
    return limiter;
  };
  beforeAll(async () => void (redis = await startTestRedis()));
  afterAll(async () => {
    await Promise.all(limiters.map((l) => l.close()));
    await redis.stop();
  });

  it("shares one limit across two route instances", async () => {
    const prefix = "shared";
    const [first, second] = [routeInstance(make([], prefix)), routeInstance(make([], prefix))];
    await new Promise((r) => setTimeout(r, 200)); // let both clients connect
    expect([await ask(first), await ask(second), await ask(first)]).toEqual([200, 200, 200]);
    expect(await ask(second)).toBe(429);
    expect(await ask(first)).toBe(429);
  });

  it("keeps answering with per-instance limits, logged, when Redis stops mid-test", async () => {
    const logs: string[] = [];
    const route = routeInstance(make(logs));
    await new Promise((r) => setTimeout(r, 200));
    expect(await ask(route, "198.51.100.1")).toBe(200);
    await redis.stop();
    expect(await ask(route, "198.51.100.1")).toBe(200);
    expect(await ask(route, "198.51.100.1")).toBe(200);
    expect(await ask(route, "198.51.100.1")).toBe(200);
    expect(await ask(route, "198.51.100.1")).toBe(429); // the in-memory insurance limiter still limits
    expect(logs.some((l) => /Redis unreachable/.test(l))).toBe(true);
    await redis.restart();
  });
});
