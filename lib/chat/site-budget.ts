import { RateLimiterRes } from "rate-limiter-flexible";
import { createLimiter } from "./rate-limit";
import type { BudgetState } from "./types";
import type { RedisConnection } from "./redis-connection";

/** A site-wide allowance (all visitors together), shared through Redis when there is one. */
export interface SiteBudget {
  /** Draws one unit; `exhausted` when none was left. Never throws: a broken store counts as spent. */
  take(): Promise<BudgetState>;
}

/**
 * Builds a budget of `limit` units per window. `windowKey` names the current window (a
 * fixed one for a rolling minute, the UTC date for a day). With `redis`, every instance
 * draws on the same count, and an in-memory count stands in (per instance) while Redis is
 * unreachable. The first refusal of each window is logged with `whenSpent`.
 */
export function createSiteBudget({ name, limit, windowSeconds, windowKey = () => "current", redis, whenSpent, log = console.warn }: {
  name: string;
  limit: number;
  windowSeconds: number;
  windowKey?: (now: Date) => string;
  redis?: RedisConnection;
  /** What happens past the budget, for the log line. */
  whenSpent: string;
  log?: (message: string) => void;
}): SiteBudget {
  const limiter = createLimiter({ points: limit, duration: windowSeconds, keyPrefix: `budget:${name}`, redis });
  let loggedWindow: string | undefined;
  return {
    async take() {
      const window = windowKey(new Date());
      try {
        const result = await limiter.consume(window);
        return { limit, remaining: result.remainingPoints, exhausted: false };
      } catch (rejection) {
        if (loggedWindow !== window) {
          const why = rejection instanceof RateLimiterRes ? `all ${limit} used` : `its store failed (${String(rejection)})`;
          log(`chat: site-wide ${name} budget spent (${why}); ${whenSpent}`);
          loggedWindow = window;
        }
        return { limit, remaining: 0, exhausted: true };
      }
    },
  };
}

/** The UTC date, so a daily budget starts afresh at midnight UTC on every instance alike. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
