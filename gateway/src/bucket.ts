// Per-client token buckets: a burst, then a steady refill. Only authenticated
// clients ever get a bucket, so bad tokens cannot drain a good client's budget.

/** The outcome of taking one request's worth from a bucket. */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A map of buckets keyed by client id. */
export type Buckets = {
  take(clientId: string): TakeResult;
};

/** Creates buckets holding `burst` requests, refilled at `refillPerMin`, on the injected clock. */
export function createBuckets(options: { burst: number; refillPerMin: number; now: () => number }): Buckets {
  const { burst, refillPerMin, now } = options;
  const perMs = refillPerMin / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(clientId) {
      const time = now();
      const bucket = buckets.get(clientId) ?? { tokens: burst, at: time };
      bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, time - bucket.at) * perMs);
      bucket.at = time;
      buckets.set(clientId, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
