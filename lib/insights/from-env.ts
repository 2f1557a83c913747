import "server-only";
import path from "node:path";
import type { Env } from "../env";
import { connectRedis, type RedisConnection } from "../chat/redis-connection";
import { LOCAL_INSIGHTS_FILE } from "./constants";
import { createInsightRecorder, type InsightRecorder } from "./record";
import { createFileInsightStore, createLogInsightStore, createRedisInsightStore } from "./stores";

/**
 * The recorder the env asks for (server-only): none with `CHAT_INSIGHTS=off`; Redis with
 * `REDIS_URL`; one log line per event on Vercel (read-only disk); else `CHAT_INSIGHTS_FILE` (default `.data/insights.jsonl`).
 */
export function insightsFromEnv({ config, redis, cwd = process.cwd() }: { config: Env; redis?: RedisConnection; cwd?: string }): InsightRecorder | undefined {
  if (config.CHAT_INSIGHTS === "off") return undefined;
  if (config.REDIS_URL) {
    const client = redis ?? connectRedis({ url: config.REDIS_URL, log: console.warn, what: "insights" });
    return createInsightRecorder({ store: createRedisInsightStore({ client }) });
  }
  if (config.VERCEL) return createInsightRecorder({ store: createLogInsightStore() });
  return createInsightRecorder({ store: createFileInsightStore({ file: path.resolve(/*turbopackIgnore: true*/ cwd, config.CHAT_INSIGHTS_FILE ?? LOCAL_INSIGHTS_FILE) }) });
}
