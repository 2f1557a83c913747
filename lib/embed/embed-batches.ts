import { embedTexts } from "./client";
import { EMBED_BATCH_SIZE } from "./constants";
import { EmbedError } from "./errors";
import { formatProgress, type ProgressSink } from "./progress";
import type { RetryTiming } from "./retry";
import type { EmbedEndpoint } from "./types";

/** One text to embed, named for the failure report. */
export interface EmbedItem {
  id: string;
  text: string;
}

/** Outcome of embedding a list of items on one endpoint: vectors by id, and the reason for each id that failed. */
export interface BatchOutcome {
  vectors: Map<string, Float32Array>;
  failures: Map<string, string>;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Why the remaining batches were not sent (the endpoint went down, or refused the token). */
  stopped?: string;
}

/**
 * Embeds items in batches on one endpoint, calling `onVector` (which must not throw) as
 * each batch lands, so the cache keeps progress if the build dies. A failed batch marks its chunks failed
 * and the build moves on; after a network failure the endpoint is treated as down and
 * the remaining batches are marked failed without waiting on it again.
 */
export async function embedInBatches({ endpoint, items, dimensions, batchSize = EMBED_BATCH_SIZE, timeoutMs, maxRetries, timing, progress, onVector }: {
  endpoint: EmbedEndpoint;
  items: EmbedItem[];
  dimensions?: number;
  batchSize?: number;
  timeoutMs?: number;
  maxRetries?: number;
  timing?: RetryTiming;
  progress?: ProgressSink;
  onVector?: (item: EmbedItem, vector: Float32Array) => void;
}): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { vectors: new Map(), failures: new Map(), requests: 0 };
  const batches = Math.ceil(items.length / batchSize);
  const started = Date.now();
  let down: string | undefined;
  for (let b = 0; b < batches; b++) {
    const batch = items.slice(b * batchSize, (b + 1) * batchSize);
    if (down) {
      for (const item of batch) outcome.failures.set(item.id, down);
      continue;
    }
    let vectors: Float32Array[] | undefined;
    try {
      vectors = await embedTexts({
        endpoint, texts: batch.map((i) => i.text), dimensions: dimensions ?? firstDimensions(outcome), timeoutMs, maxRetries, timing,
        onRequest: () => outcome.requests++,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      for (const item of batch) outcome.failures.set(item.id, reason);
      if (error instanceof EmbedError && error.retryable && error.httpStatus === undefined) down = `${endpoint.url} went down: ${reason}`;
      // A refused token fails every batch the same way: one request tells, the rest would be noise.
      if (error instanceof EmbedError && (error.httpStatus === 401 || error.httpStatus === 403)) {
        down = `${endpoint.url} refused the token (${error.httpStatus}): check its secret (EMBED_SECRET, or EMBED_FALLBACK_SECRET for the fallback)`;
      }
      outcome.stopped = down;
    }
    // Outside the request's try: what happens to a vector after it arrived (the cache
    // write) can never make the endpoint look failed or drop the vector.
    batch.forEach((item, i) => {
      if (!vectors) return;
      outcome.vectors.set(item.id, vectors[i]!);
      onVector?.(item, vectors[i]!);
    });
    const done = Math.min(items.length, (b + 1) * batchSize);
    progress?.update(formatProgress({ batch: b + 1, batches, done, total: items.length, elapsedMs: Date.now() - started }));
  }
  progress?.done();
  return outcome;
}

function firstDimensions(outcome: BatchOutcome): number | undefined {
  return outcome.vectors.values().next().value?.length;
}
