import type { EmbeddingCache } from "./cache";
import { embedInBatches, type EmbedItem } from "./embed-batches";
import { probeEndpoint } from "./health";
import type { ProgressSink } from "./progress";
import type { RetryTiming } from "./retry";
import type { EmbedEndpoint } from "./types";

/** What a build got: a vector per id where one was obtained, and how. */
export interface ResolvedVectors {
  vectors: Map<string, Float32Array>;
  /** Ids left without a vector, each with the reason (lexical-only until the next build). */
  missing: Map<string, string>;
  cacheHits: number;
  embedded: number;
  viaFallback: number;
  requests: number;
  /** Of those, the requests spent splitting failed batches down to the inputs the server cannot embed, and retrying those alone. */
  splitRequests: number;
  /** One line per notable event (no endpoint, endpoint down, fallback used), for the summary. */
  notices: string[];
}

/** Options of {@link resolveVectors}; the timing knobs exist for tests. */
export interface ResolveOptions {
  items: EmbedItem[];
  primary?: EmbedEndpoint;
  fallback?: EmbedEndpoint;
  cache?: EmbeddingCache;
  progress?: ProgressSink;
  batchSize?: number;
  timeoutMs?: number;
  probeTimeoutMs?: number;
  maxRetries?: number;
  timing?: RetryTiming;
}

/**
 * The build's degradation ladder: cached vectors first; misses go to the primary
 * endpoint if one quick probe finds it up; what is still missing goes to the fallback
 * (which must answer with the same model and size); the rest is reported missing.
 */
export async function resolveVectors(options: ResolveOptions): Promise<ResolvedVectors> {
  const { items, cache, primary, fallback } = options;
  const result: ResolvedVectors = { vectors: new Map(), missing: new Map(), cacheHits: 0, embedded: 0, viaFallback: 0, requests: 0, splitRequests: 0, notices: [] };
  if (!primary && !fallback) {
    result.notices.push("EMBED_URL is not set: building a lexical-only index (BM25); set it to enable hybrid search");
    for (const item of items) result.missing.set(item.id, "no embedding endpoint configured");
    return result;
  }
  let misses: EmbedItem[] = [];
  for (const item of items) {
    const cached = cache?.get(item.text);
    if (cached) {
      result.vectors.set(item.id, cached);
      result.cacheHits++;
    } else misses.push(item);
  }
  const dimensions = () => result.vectors.values().next().value?.length;
  let cacheWriteFailed = false;
  // A cache that cannot be written costs the next build time, never this build a vector.
  const writeCache = (write: (cache: EmbeddingCache) => void) => {
    if (!cache || cacheWriteFailed) return;
    try {
      write(cache);
    } catch (error) {
      cacheWriteFailed = true;
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      result.notices.push(`could not write the embedding cache at ${cache.dir} (${code}): this build keeps its vectors, the next one embeds them again`);
    }
  };
  const remember = (item: EmbedItem, vector: Float32Array) => writeCache((c) => {
    c.set(item.text, vector);
    if (c.isUnembeddable(item.text)) c.clearUnembeddable(item.text);
  });
  const isKnownUnembeddable = (item: EmbedItem) => cache?.isUnembeddable(item.text) ?? false;
  const onUnembeddable = (item: EmbedItem, reason: string) => writeCache((c) => c.markUnembeddable(item.text, reason));

  if (misses.length === 0 && primary) {
    // Nothing to embed, but the author should still learn the Pi is off before visitors do.
    const down = await probeEndpoint(primary, options.probeTimeoutMs);
    if (down) result.notices.push(`primary embedding endpoint ${primary.url} is down (${down}); every chunk had a cached vector, so the index is complete, but the chat's query embeddings will fall back until it is back`);
  }
  for (const [endpoint, role] of [[primary, "primary"], [fallback, "fallback"]] as const) {
    if (!endpoint || misses.length === 0) continue;
    const down = await probeEndpoint(endpoint, options.probeTimeoutMs);
    if (down) {
      result.notices.push(`${role} embedding endpoint ${endpoint.url} is down (${down}); not waiting on it`);
      for (const item of misses) result.missing.set(item.id, `${role} endpoint down: ${down}`);
      continue;
    }
    const outcome = await embedInBatches({
      endpoint, items: misses, dimensions: dimensions(), batchSize: options.batchSize, timeoutMs: options.timeoutMs,
      maxRetries: options.maxRetries, timing: options.timing, progress: options.progress,
      onVector: remember, isKnownUnembeddable, onUnembeddable,
    });
    result.requests += outcome.requests;
    result.splitRequests += outcome.splitRequests;
    if (outcome.splitRequests > 0) {
      result.notices.push(`${role}: ${outcome.unembeddable.size} input(s) the server cannot embed stay lexical-only (split out of their batches, or tried once alone again); that cost ${outcome.splitRequests} extra request(s)`);
    }
    for (const [id, vector] of outcome.vectors) {
      result.vectors.set(id, vector);
      result.missing.delete(id);
    }
    result.embedded += outcome.vectors.size;
    if (role === "fallback") {
      result.viaFallback += outcome.vectors.size;
      if (outcome.vectors.size > 0) result.notices.push(`fallback ${endpoint.url} embedded ${outcome.vectors.size} chunks`);
    }
    for (const [id, reason] of outcome.failures) result.missing.set(id, `${role}: ${reason}`);
    if (outcome.stopped) result.notices.push(`${role} embedding stopped: ${outcome.stopped}`);
    misses = misses.filter((item) => !result.vectors.has(item.id));
  }
  return result;
}
