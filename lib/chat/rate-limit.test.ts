import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChatRequest } from "@/app/api/chat/schema";
import { startTestRedis, type TestRedis } from "@/test/redis-server";
import { createChatHandler } from "./handler";
import { createExtractiveProvider } from "./providers/extractive";
import { createClientIdentifier } from "./client-identity";
import { createChatRateLimiter, type ChatRateLimiter } from "./rate-limit";

// A route instance with everything but the limiter stubbed: retrieval finds nothing, the answer is extractive.
function routeInstance(rateLimiter: ChatRateLimiter) {
  return createChatHandler({
    readRequest: readChatRequest,
    rateLimiter,
    identifyClient: createClientIdentifier({ kind: "proxies", count: 1 }, () => {}),
    retrieve: async () => ({ mode: "lexical", sources: [], coverage: { covered: true, topScore: 1, reason: "stub", evidence: { terms: [], matched: [], lexical: 1, vocabulary: 1, topical: 1, dense: null, denseMin: null, bestUrl: null, recentOnly: false, unsupportedDetails: [] }, suggestions: [] }, timings: { embedMs: 0, searchMs: 0, totalMs: 0 } }),
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

describe("the route's per-client limit", () => {
  it("attack: 20 requests with X-Forwarded-For: 127.0.0.1 no longer lock out visitors who send no header", async () => {
    // Plain `next start` fills X-Forwarded-For with the peer address only when the client sent none.
    const route = routeInstance(createChatRateLimiter({ pointsPerMinute: 20 }));
    for (let i = 0; i < 20; i++) expect(await ask(route, "127.0.0.1, 198.51.100.66")).toBe(200);
    expect(await ask(route, "127.0.0.1, 198.51.100.66")).toBe(429);
    expect(await ask(route, "127.0.0.1")).toBe(200);
  });

  it("attack: rotating the client-written part of X-Forwarded-For does not lift the limit", async () => {
    const route = routeInstance(createChatRateLimiter({ pointsPerMinute: 3 }));
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await ask(route, `10.0.${i}.1, 198.51.100.77`));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
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
