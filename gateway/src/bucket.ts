// Per-client token buckets: a burst, then a steady refill. Only authenticated
// clients ever get a bucket, so bad tokens cannot drain a good client's budget.

/** The outcome of taking one request's worth from a bucket. */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A map of buckets keyed by client id. */
export type Buckets = {
  take(clientId: string): TakeResult;
  /** What `take` would answer now, without taking anything. */
  peek(clientId: string): TakeResult;
};

/** Creates buckets holding `burst` requests, refilled at `refillPerMin`, on the injected clock. */
export function createBuckets(options: { burst: number; refillPerMin: number; now: () => number }): Buckets {
  const { burst, refillPerMin, now } = options;
  const perMs = refillPerMin / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const OK: TakeResult = { ok: true };
  const refill = (clientId: string) => {
    const time = now();
    const bucket = buckets.get(clientId) ?? { tokens: burst, at: time };
    bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, time - bucket.at) * perMs);
    bucket.at = time;
    buckets.set(clientId, bucket);
    return bucket;
  };
  const refusal = (tokens: number): TakeResult => ({ ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) });
  return {
    take(clientId) {
      const bucket = refill(clientId);
      if (bucket.tokens < 1) return refusal(bucket.tokens);
      bucket.tokens -= 1;
      return OK;
    },
    peek(clientId) {
      const bucket = refill(clientId);
      return bucket.tokens < 1 ? refusal(bucket.tokens) : OK;
    },
  };
}
