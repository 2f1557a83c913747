import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOllama, type FakeOllama } from "@/test/fake-ollama";
import { startTestRedis, type TestRedis } from "@/test/redis-server";
import { embedTexts } from "../embed/client";
import { createQueryEmbedder } from "./query-embedder";
import { closeRedis, connectRedis, type RedisConnection } from "./redis-connection";
import { createRedisVectorCache, sharedVectorKey } from "./shared-vector-cache";

let redis: TestRedis;
let ollama: FakeOllama;
const connections: RedisConnection[] = [];

async function routeInstance(logs: string[] = []) {
  const client = connectRedis({ url: redis.url, log: (m) => void logs.push(m), what: "the query cache" });
  connections.push(client);
  for (let i = 0; i < 50 && !client.isReady; i++) await new Promise((r) => setTimeout(r, 20));
  const endpoint = { url: ollama.url, api: "ollama" as const, model: "bge-m3" };
  return createQueryEmbedder({ endpoints: { primary: endpoint }, embedTexts, sharedCache: createRedisVectorCache({ client }), log: () => {} });
}

beforeAll(async () => {
  [redis, ollama] = await Promise.all([startTestRedis(), startFakeOllama({ dimensions: 8 })]);
});

afterAll(async () => {
  await Promise.all(connections.map(closeRedis));
  await Promise.all([redis.stop(), ollama.close()]);
});

describe("createRedisVectorCache", () => {
  it("lets a second route instance reuse the first one's query vector without calling the Pi", async () => {
    const [first, second] = [await routeInstance(), await routeInstance()];
    const embedded = await first.embed("have you used Terraform?", { model: "bge-m3" });
    expect(embedded.source).toBe("primary");
    await new Promise((r) => setTimeout(r, 50)); // the write is fire-and-forget
    ollama.reset();
    const shared = await second.embed("have you used Terraform?", { model: "bge-m3" });
    expect(shared.source).toBe("cache");
    expect([...shared.vector!]).toEqual([...embedded.vector!]);
    expect(ollama.requests).toHaveLength(0);
  });

  it("keys by model, so another model's vector is never served", async () => {
    expect(sharedVectorKey("bge-m3", "q")).not.toBe(sharedVectorKey("nomic-embed-text", "q"));
    expect(sharedVectorKey("bge-m3", "q")).toMatch(/^qvec:[0-9a-f]{64}$/);
  });

  it("reads a foreign value as a miss", async () => {
    const [client] = connections;
    await client!.set(sharedVectorKey("bge-m3", "broken"), "not base64 float32!");
    await client!.set(sharedVectorKey("bge-m3", "short"), "f32:8:AAAA");
    const cache = createRedisVectorCache({ client: client! });
    expect(await cache.get("bge-m3", "broken")).toBeUndefined();
    expect(await cache.get("bge-m3", "short")).toBeUndefined();
  });

  it("still embeds through the Pi, logging once, when Redis stops", async () => {
    const logs: string[] = [];
    const embedder = await routeInstance(logs);
    await redis.stop();
    ollama.reset();
    const answer = await embedder.embed("a question nobody asked before", { model: "bge-m3" });
    expect(answer.source).toBe("primary");
    expect(ollama.requests).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(logs.filter((m) => m.includes("Redis unreachable"))).toHaveLength(1);
  });
});
