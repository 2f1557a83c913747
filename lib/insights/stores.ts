import fs from "node:fs";
import path from "node:path";
import { MAX_REDIS_EVENTS, REDIS_EVENTS_KEY } from "./constants";
import { insightEventSchema, type InsightEvent, type InsightStore } from "./types";

/** The few Redis list commands the store uses; a node-redis client has them. */
export interface RedisListClient {
  rPush(key: string, value: string): Promise<unknown>;
  lTrim(key: string, start: number, stop: number): Promise<unknown>;
  lRange(key: string, start: number, stop: number): Promise<string[]>;
  /** node-redis: false while the connection is still opening (commands then fail at once, with no offline queue). */
  isReady?: boolean;
  once?(event: "ready", listener: () => void): unknown;
  off?(event: "ready", listener: () => void): unknown;
}

/** How long an event waits for a connection that is still opening: a route's first request opens it. */
export const REDIS_READY_WAIT_MS = 1_000;

/** Resolves when the client is ready, or after `ms` (the write then fails and is logged). */
function whenReady(client: RedisListClient, ms: number): Promise<void> {
  if (client.isReady !== false || !client.once) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off?.("ready", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    client.once!("ready", done);
  });
}

/** Appends to a capped Redis list (newest last), trimmed to `MAX_REDIS_EVENTS`. */
export function createRedisInsightStore({ client, key = REDIS_EVENTS_KEY, max = MAX_REDIS_EVENTS }: { client: RedisListClient; key?: string; max?: number }): InsightStore {
  return {
    kind: "redis",
    append: async (event) => {
      await whenReady(client, REDIS_READY_WAIT_MS);
      await client.rPush(key, JSON.stringify(event));
      await client.lTrim(key, -max, -1);
    },
  };
}

/** Every event in the Redis list, oldest first; a malformed entry is skipped. */
export async function readRedisInsights({ client, key = REDIS_EVENTS_KEY }: { client: RedisListClient; key?: string }): Promise<InsightEvent[]> {
  return parseInsightLines(await client.lRange(key, 0, -1));
}

/** One JSON line per event on the log (Vercel keeps function logs; the disk there is read-only). */
export function createLogInsightStore({ log = console.log }: { log?: (line: string) => void } = {}): InsightStore {
  return { kind: "log", append: async (event) => log(JSON.stringify({ insight: event })) };
}

/** Appends one JSON line per event to a local file, creating its folder. */
export function createFileInsightStore({ file }: { file: string }): InsightStore {
  let folderReady = false;
  return {
    kind: "file",
    append: async (event) => {
      if (!folderReady) await fs.promises.mkdir(path.dirname(file), { recursive: true });
      folderReady = true;
      await fs.promises.appendFile(file, `${JSON.stringify(event)}\n`);
    },
  };
}

/** Events in a JSONL file (missing file: none). */
export function readFileInsights({ file }: { file: string }): InsightEvent[] {
  if (!fs.existsSync(file)) return [];
  return parseInsightLines(fs.readFileSync(file, "utf8").split("\n"));
}

/**
 * Events from lines: each a bare event or a log line `{"insight": event}` (so an export of
 * Vercel's logs reads too). Lines that are neither are skipped, never fatal.
 */
export function parseInsightLines(lines: string[]): InsightEvent[] {
  const events: InsightEvent[] = [];
  for (const line of lines) {
    const start = line.indexOf("{");
    if (start < 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(line.slice(start));
    } catch {
      continue;
    }
    const candidate = typeof value === "object" && value !== null && "insight" in value ? (value as { insight: unknown }).insight : value;
    const parsed = insightEventSchema.safeParse(candidate);
    if (parsed.success) events.push(parsed.data);
  }
  return events;
}
