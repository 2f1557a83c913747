import "server-only";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { closeRedis, connectRedis, type RedisConnection } from "./redis-connection";

/** The window the per-minute limit counts over. */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

/** The decision for one request. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A per-client chat limit, keyed by lib/chat/client-identity.ts. */
export interface ChatRateLimiter {
  consume(clientKey: string): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

/**
 * In memory by default; with `redisUrl`, a Redis limiter shared by every instance, with an
 * in-memory insurance limiter that takes over (logged) while Redis is unreachable. Pass
 * `redis` to share a connection (the query-vector cache uses the same one); the limiter
 * then leaves closing it to the owner.
 */
export function createChatRateLimiter({ pointsPerMinute, redisUrl, redis: shared, keyPrefix = "chat", log = console.warn }: {
  pointsPerMinute: number;
  redisUrl?: string;
  redis?: RedisConnection;
  keyPrefix?: string;
  log?: (message: string) => void;
}): ChatRateLimiter {
  const client = shared ?? (redisUrl ? connectRedis({ url: redisUrl, log, what: "rate limits" }) : undefined);
  const limiter = createLimiter({ points: pointsPerMinute, duration: RATE_LIMIT_WINDOW_SECONDS, keyPrefix, redis: client });
  return {
    consume: (key) => decide(limiter.consume(key)),
    close: async () => {
      if (client && !shared) await closeRedis(client);
    },
  };
}

/**
 * A fixed-window limiter of `points` per `duration` seconds: in memory, or in Redis when
 * there is a connection (shared by every instance), the in-memory one standing in while
 * Redis is unreachable. The chat's per-client limit and the site-wide budgets both use it.
 */
export function createLimiter({ points, duration, keyPrefix, redis }: { points: number; duration: number; keyPrefix: string; redis?: RedisConnection }): RateLimiterMemory | RateLimiterRedis {
  const memory = new RateLimiterMemory({ points, duration, keyPrefix });
  if (!redis) return memory;
  return new RateLimiterRedis({ points, duration, keyPrefix, storeClient: redis, useRedisPackage: true, rejectIfRedisNotReady: true, insuranceLimiter: memory });
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
