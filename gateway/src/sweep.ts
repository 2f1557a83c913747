// A periodic check instead of a timer per socket or per call (Node's timer lists cost more
// on the hot path than the check): it runs only while there is something to watch, started
// again by whoever adds something, and never keeps the process up on its own.

/** A sweep: `watch()` after adding something to check; `stop()` on close. */
export type Sweep = { watch(): void; stop(): void };

/** Calls `check(now)` every `everyMs` while it answers true (something is still watched); `now` is performance.now(). */
export function createSweep(everyMs: number, check: (now: number) => boolean): Sweep {
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  return {
    watch() {
      timer ??= setInterval(() => void (check(performance.now()) || stop()), everyMs).unref();
    },
    stop,
  };
}

/** How often to check timeouts of `shortestMs` and up: a quarter of it, 10 ms to 1 s (node:http's connectionsCheckingInterval rule). */
export function checkingIntervalMs(shortestMs: number): number {
  return Math.max(MIN_CHECK_MS, Math.min(MAX_CHECK_MS, Math.floor(shortestMs / 4)));
}

const [MIN_CHECK_MS, MAX_CHECK_MS] = [10, 1_000];
