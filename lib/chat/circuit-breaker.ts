/** Consecutive failures that open the breaker: one timeout can be a blip, two in a row is a dead Pi. */
export const BREAKER_FAILURE_THRESHOLD = 2;

/** How long an open breaker skips the endpoint: long enough to spare a burst of visitors, short enough to notice the Pi is back. */
export const BREAKER_OPEN_MS = 30_000;

/**
 * A circuit breaker for one endpoint: closed (calls go through), open (calls are
 * skipped for `openMs`), then half-open (one trial call decides).
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private trialInFlight = false;
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly now: () => number;

  constructor({ threshold = BREAKER_FAILURE_THRESHOLD, openMs = BREAKER_OPEN_MS, now = Date.now }: { threshold?: number; openMs?: number; now?: () => number } = {}) {
    this.threshold = threshold;
    this.openMs = openMs;
    this.now = now;
  }

  /** True when a call may go through now (in half-open state only one trial at a time). */
  allow(): boolean {
    if (this.failures < this.threshold) return true;
    if (this.now() < this.openUntil || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** Records a success: the breaker closes. */
  recordSuccess(): void {
    this.failures = 0;
    this.trialInFlight = false;
  }

  /** Records a failure: at the threshold (or a failed trial) the breaker opens. */
  recordFailure(): void {
    this.failures++;
    this.trialInFlight = false;
    if (this.failures >= this.threshold) this.openUntil = this.now() + this.openMs;
  }

  /** `closed`, `open` or `half-open`, for logs and tests. */
  get state(): "closed" | "open" | "half-open" {
    if (this.failures < this.threshold) return "closed";
    return this.now() < this.openUntil ? "open" : "half-open";
  }
}
