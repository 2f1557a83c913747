import { BACKOFF_BASE_MS, BACKOFF_MAX_MS } from "./constants";
import { EmbedError } from "./errors";

/** Injectable timing, so tests run the retry loop without real waits. */
export interface RetryTiming {
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Waits `ms`, or rejects as soon as the signal aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal?.removeEventListener("abort", onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(signal?.reason); };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Delay before retry `attempt` (1-based): `Retry-After` when the server sent one, else exponential with full jitter; both capped. */
function backoffDelay(attempt: number, error: unknown, timing: RetryTiming = {}): number {
  const max = timing.maxMs ?? BACKOFF_MAX_MS;
  if (error instanceof EmbedError && error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, max);
  const ceiling = Math.min(max, (timing.baseMs ?? BACKOFF_BASE_MS) * 2 ** (attempt - 1));
  return Math.round(ceiling * (timing.random ?? Math.random)());
}

/** The default retry rule: network errors, timeouts, 429 and 5xx (an {@link EmbedError} marked retryable). */
export function isRetryable(error: unknown): boolean {
  return error instanceof EmbedError && error.retryable;
}

/** Runs `attempt` until it succeeds, fails with an error `shouldRetry` refuses (default {@link isRetryable}), or `maxRetries` retries are spent. */
export async function withRetry<T>({ run, maxRetries, signal, timing = {}, shouldRetry = isRetryable }: {
  run: () => Promise<T>;
  maxRetries: number;
  signal?: AbortSignal;
  timing?: RetryTiming;
  shouldRetry?: (error: unknown) => boolean;
}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const retryable = shouldRetry(error);
      if (!retryable || attempt >= maxRetries || signal?.aborted) throw error;
      await (timing.sleep ?? sleep)(backoffDelay(attempt + 1, error, timing), signal);
    }
  }
}
