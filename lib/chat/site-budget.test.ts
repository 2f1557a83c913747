import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "@/test/redis-server";
import { closeRedis, connectRedis, type RedisConnection } from "./redis-connection";
import { createSiteBudget, utcDay } from "./site-budget";

const take = (budget: { take(): Promise<{ exhausted: boolean; remaining: number }> }, n: number) =>
  Promise.all(Array.from({ length: n }, () => budget.take()));

describe("createSiteBudget in memory", () => {
  it("counts every visitor together, then says spent (logged once per window), never throwing", async () => {
    const logs: string[] = [];
    const budget = createSiteBudget({ name: "test", limit: 3, windowSeconds: 60, whenSpent: "keyword search", log: (m) => void logs.push(m) });
    const states = await take(budget, 5);
    expect(states.map((s) => s.exhausted)).toEqual([false, false, false, true, true]);
    expect(states.map((s) => s.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(states[0]).toMatchObject({ limit: 3 });
    expect(logs).toEqual(["chat: site-wide test budget spent (all 3 used); keyword search"]);
  });

  it("starts afresh when the window's key changes (a daily budget at midnight UTC)", async () => {
    let day = "2026-11-30";
    const budget = createSiteBudget({ name: "daily", limit: 1, windowSeconds: 86_400, windowKey: () => day, whenSpent: "quotes" });
    expect((await budget.take()).exhausted).toBe(false);
    expect((await budget.take()).exhausted).toBe(true);
    day = "2026-12-01";
    expect((await budget.take()).exhausted).toBe(false);
    expect(utcDay(new Date("2026-11-30T23:59:59.999Z"))).toBe("2026-11-30");
  });
});

describe("createSiteBudget with REDIS_URL", () => {
  let redis: TestRedis;
  const connections: RedisConnection[] = [];
  const connect = (logs: string[] = []) => {
    const client = connectRedis({ url: redis.url, log: (m) => void logs.push(m), what: "budgets" });
    connections.push(client);
    return client;
  };
  beforeAll(async () => void (redis = await startTestRedis()));
  afterAll(async () => {
    await Promise.all(connections.map(closeRedis));
    await redis.stop();
  });

  it("shares one count between two instances", async () => {
    const make = () => createSiteBudget({ name: "shared", limit: 4, windowSeconds: 60, redis: connect(), whenSpent: "quotes", log: () => {} });
    const [first, second] = [make(), make()];
    await new Promise((r) => setTimeout(r, 200)); // let both clients connect
    const states = [...(await take(first, 2)), ...(await take(second, 2)), await first.take(), await second.take()];
    expect(states.map((s) => s.exhausted)).toEqual([false, false, false, false, true, true]);
  });

  it("falls back to a per-instance count, still bounded, while Redis is down", async () => {
    const logs: string[] = [];
    const budget = createSiteBudget({ name: "insured", limit: 2, windowSeconds: 60, redis: connect(logs), whenSpent: "quotes", log: (m) => void logs.push(m) });
    await new Promise((r) => setTimeout(r, 200));
    await redis.stop();
    const states = await take(budget, 3);
    expect(states.map((s) => s.exhausted)).toEqual([false, false, true]);
    expect(logs.some((l) => /Redis unreachable/.test(l))).toBe(true);
    await redis.restart();
  });
});
