import "server-only";
import { createClient } from "redis";

/** Redis connect timeout: a dead Redis must not hold a visitor; in-memory stand-ins answer meanwhile. */
export const REDIS_CONNECT_TIMEOUT_MS = 1_000;

/** Longest pause between reconnect attempts, so a Redis that comes back is used again within seconds. */
export const REDIS_MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * Connects to Redis without ever throwing at the caller: commands fail fast while it is
 * down (no offline queue), and the first error and the recovery are each logged once.
 */
export function connectRedis({ url, log, what }: { url: string; log: (message: string) => void; what: string }) {
  let down = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, REDIS_MAX_RECONNECT_DELAY_MS),
    },
  });
  client.on("error", (error: Error) => {
    if (!down) log(`chat: Redis unreachable (${error.message}); ${what} are per instance until it is back`);
    down = true;
  });
  client.on("ready", () => {
    if (down) log(`chat: Redis is back; ${what} are shared again`);
    down = false;
  });
  client.connect().catch(() => {}); // the error listener logs; in-memory stand-ins answer meanwhile
  return client;
}

/** A node-redis client as this project configures it. */
export type RedisConnection = ReturnType<typeof connectRedis>;

/** Closes a connection, forcefully if a graceful close fails. */
export async function closeRedis(client: RedisConnection): Promise<void> {
  if (client.isOpen) await client.close().catch(() => client.destroy());
}
