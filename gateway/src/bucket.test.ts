import { describe, expect, it } from "vitest";
import { createBuckets } from "./bucket";

describe("createBuckets", () => {
  it("allows the burst, then refuses with the seconds until the next token", () => {
    let now = 0;
    const buckets = createBuckets({ burst: 3, refillPerMin: 6, now: () => now });
    expect([1, 2, 3].map(() => buckets.take("a").ok)).toEqual([true, true, true]);
    expect(buckets.take("a")).toEqual({ ok: false, retryAfterSeconds: 10 });
    now = 4_000;
    expect(buckets.take("a")).toEqual({ ok: false, retryAfterSeconds: 6 });
  });

  it("refills at the configured rate and never beyond the burst", () => {
    let now = 0;
    const buckets = createBuckets({ burst: 2, refillPerMin: 60, now: () => now });
    expect([buckets.take("a").ok, buckets.take("a").ok, buckets.take("a").ok]).toEqual([true, true, false]);
    now = 1_000;
    expect([buckets.take("a").ok, buckets.take("a").ok]).toEqual([true, false]);
    now = 3_600_000;
    expect([buckets.take("a").ok, buckets.take("a").ok, buckets.take("a").ok]).toEqual([true, true, false]);
  });

  it("keeps one bucket per client, and a never-seen client is full", () => {
    const buckets = createBuckets({ burst: 1, refillPerMin: 1, now: () => 0 });
    expect(buckets.take("a").ok).toBe(true);
    expect(buckets.take("a").ok).toBe(false);
    expect(buckets.take("b").ok).toBe(true);
  });
});
