import "server-only";
import { createClient } from "redis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

/** The window the per-minute limit counts over. */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

/** Redis connect timeout: a dead Redis must not hold a visitor; the in-memory limiter answers meanwhile. */
export const REDIS_CONNECT_TIMEOUT_MS = 1_000;

/** Longest pause between reconnect attempts, so a Redis that comes back is used again within seconds. */
export const REDIS_MAX_RECONNECT_DELAY_MS = 2_000;

/** The decision for one request. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A per-client chat limit. */
export interface ChatRateLimiter {
  consume(clientKey: string): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

/**
 * In memory by default; with `redisUrl`, a Redis limiter shared by every instance, with an
 * in-memory insurance limiter that takes over (logged) while Redis is unreachable.
 */
export function createChatRateLimiter({ pointsPerMinute, redisUrl, keyPrefix = "chat", log = console.warn }: {
  pointsPerMinute: number;
  redisUrl?: string;
  keyPrefix?: string;
  log?: (message: string) => void;
}): ChatRateLimiter {
  const options = { points: pointsPerMinute, duration: RATE_LIMIT_WINDOW_SECONDS, keyPrefix };
  const memory = new RateLimiterMemory(options);
  if (!redisUrl) return { consume: (key) => decide(memory.consume(key)), close: async () => {} };

  let redisDown = false;
  const client = createClient({
    url: redisUrl,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, REDIS_MAX_RECONNECT_DELAY_MS),
    },
  });
  client.on("error", (error: Error) => {
    if (!redisDown) log(`chat: Redis unreachable (${error.message}); rate limits are per instance until it is back`);
    redisDown = true;
  });
  client.on("ready", () => {
    if (redisDown) log("chat: Redis is back; rate limits are shared again");
    redisDown = false;
  });
  client.connect().catch(() => {}); // the error listener logs; the insurance limiter answers meanwhile
  const redis = new RateLimiterRedis({
    ...options,
    storeClient: client,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
  return {
    consume: (key) => decide(redis.consume(key)),
    close: async () => {
      if (client.isOpen) await client.close().catch(() => client.destroy());
    },
  };
}

async function decide(consumption: Promise<RateLimiterRes>): Promise<RateLimitDecision> {
  try {
    await consumption;
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

/** The client a request is counted against: the first hop of `x-forwarded-for`, else `x-real-ip`. */
export function clientKeyOf(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "unknown";
}
