import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { startTestRedis, type TestRedis } from "../../test/redis-server";
import { closeRedis, connectRedis } from "../chat/redis-connection";
import { createInsightRecorder } from "./record";
import { createRedisInsightStore, readRedisInsights } from "./stores";

let redis: TestRedis;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  redis = await startTestRedis();
  client = createClient({ url: redis.url });
  await client.connect();
});
afterAll(async () => {
  await client?.close();
  await redis?.stop();
});

describe("createRedisInsightStore", () => {
  it("keeps events in a capped list on a real redis-server, oldest dropped first", async () => {
    const recorder = createInsightRecorder({ store: createRedisInsightStore({ client, key: "t:capped", max: 3 }) });
    for (const n of [1, 2, 3, 4, 5]) await recorder.recordQuestion({ id: `q${n}`, question: `question ${n}`, mode: "lexical", rung: "extractive", topScore: null, covered: n !== 2 });
    const events = await readRedisInsights({ client, key: "t:capped" });
    expect(events.map((e) => e.id)).toEqual(["q3", "q4", "q5"]);
    expect(await client.lLen("t:capped")).toBe(3);
  });

  it("keeps the first event of a connection still opening (a route's first request), instead of losing it", async () => {
    const opening = connectRedis({ url: redis.url, log: () => {}, what: "insights" });
    const warnings: string[] = [];
    const recorder = createInsightRecorder({ store: createRedisInsightStore({ client: opening, key: "t:first" }), log: (m) => warnings.push(m) });
    await recorder.recordRating({ id: "q1", rating: "down" });
    expect(warnings).toEqual([]);
    expect((await readRedisInsights({ client, key: "t:first" })).map((e) => e.type)).toEqual(["rating"]);
    await closeRedis(opening);
  });
});
