import type { EmbedTextsOptions } from "../embed/client";
import type { EmbedEndpoint } from "../embed/types";
import { sameModel } from "../embed/validate";
import { CircuitBreaker } from "./circuit-breaker";
import { LruCache } from "./lru-cache";
import type { SharedVectorCache } from "./shared-vector-cache";
import type { SiteBudget } from "./site-budget";
import type { BudgetState } from "./types";

/** Query embedding deadline: the Pi answers in ~310 ms warm; past 1 s it is cold (3-5 s) or down, and BM25 alone beats a visitor waiting. */
export const QUERY_EMBED_TIMEOUT_MS = 1_000;

/** Query vectors kept in memory: 1,000 × 4 KB (1,024 float32) = 4 MB, enough for a personal site's repeated questions. */
export const QUERY_VECTOR_CACHE_SIZE = 1_000;

/** The embedding call the chat needs (`embedTexts` from lib/embed/client). */
export type EmbedTextsFn = (options: Pick<EmbedTextsOptions, "endpoint" | "texts" | "signal" | "timeoutMs" | "maxRetries">) => Promise<Float32Array[]>;

/** Where a query vector came from; `none` means this query is lexical-only (every endpoint down, skipped, or the budget spent). */
export type QueryVectorSource = "cache" | "primary" | "fallback" | "none";

/** Embeds one query with a deadline, a breaker per endpoint and an LRU cache. */
export interface QueryEmbedder {
  embed(text: string, options: { model: string; signal?: AbortSignal }): Promise<{ vector?: Float32Array; source: QueryVectorSource; budget?: BudgetState }>;
}

/**
 * Builds the query embedder over the primary and fallback endpoints (either may be absent).
 * With a `budget`, a query that would go to the wire draws one unit first; a spent budget
 * means no call at all (no wait, nothing for the breakers to count).
 */
export function createQueryEmbedder(options: {
  endpoints: { primary?: EmbedEndpoint; fallback?: EmbedEndpoint };
  embedTexts: EmbedTextsFn;
  timeoutMs?: number;
  /** Shared by every instance (Redis); consulted after the in-process LRU. */
  sharedCache?: SharedVectorCache;
  /** The site-wide query-embedding budget (lib/chat/budgets.ts); unlimited without one. */
  budget?: SiteBudget;
  log?: (message: string) => void;
}): QueryEmbedder {
  const log = options.log ?? ((message: string) => console.warn(message));
  const cache = new LruCache<string, Float32Array>(QUERY_VECTOR_CACHE_SIZE);
  const rungs = (["primary", "fallback"] as const)
    .filter((name) => options.endpoints[name])
    .map((name) => ({ name, endpoint: options.endpoints[name]!, breaker: new CircuitBreaker() }));
  const warnedModels = new Set<string>();
  const timeoutMs = options.timeoutMs ?? QUERY_EMBED_TIMEOUT_MS;

  return {
    async embed(text, { model, signal }) {
      const key = `${model}\u0000${text}`;
      const cached = cache.get(key) ?? (await options.sharedCache?.get(model, text));
      if (cached) {
        cache.set(key, cached);
        return { vector: cached, source: "cache" };
      }
      const budget = await drawBudget(model);
      if (budget?.exhausted) return { source: "none", budget };
      for (const rung of rungs) {
        if (!sameModel(rung.endpoint.model, model)) {
          // A fallback serving another model would put the query in a different space.
          if (!warnedModels.has(rung.name)) log(`chat: ${rung.name} embed endpoint serves ${rung.endpoint.model}, index needs ${model}; skipped`);
          warnedModels.add(rung.name);
          continue;
        }
        if (!rung.breaker.allow()) continue;
        const deadline = AbortSignal.timeout(timeoutMs);
        try {
          const [vector] = await options.embedTexts({
            endpoint: rung.endpoint,
            texts: [text],
            signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
            timeoutMs,
            maxRetries: 0,
          });
          if (!vector) throw new Error("no vector in the answer");
          rung.breaker.recordSuccess();
          cache.set(key, vector);
          void options.sharedCache?.set(model, text, vector);
          return { vector, source: rung.name, ...(budget && { budget }) };
        } catch (error) {
          if (signal?.aborted) throw error;
          rung.breaker.recordFailure();
          log(`chat: ${rung.name} query embedding failed (${describe(error)}); breaker ${rung.breaker.state}`);
        }
      }
      return { source: "none", ...(budget && { budget }) };
    },
  };

  /** Draws on the budget only when some endpoint would be called: same model, breaker not open. */
  async function drawBudget(model: string): Promise<BudgetState | undefined> {
    if (!options.budget) return undefined;
    if (!rungs.some((rung) => sameModel(rung.endpoint.model, model) && rung.breaker.state !== "open")) return undefined;
    return options.budget.take();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
