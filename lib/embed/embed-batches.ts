import { embedTexts } from "./client";
import { EMBED_BATCH_SIZE } from "./constants";
import { EmbedError } from "./errors";
import { formatProgress, type ProgressSink } from "./progress";
import type { RetryTiming } from "./retry";
import { blamesInput, retriesTransientOnly, splitFailedBatch, stopsEndpoint, type SplitHandlers } from "./split-batch";
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
  /** Ids the server could not embed alone (an input fault when sent by itself): remembered, tried alone next time. */
  unembeddable: Set<string>;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Of those, the requests spent splitting failed batches and trying known-unembeddable items alone. */
  splitRequests: number;
  /** Why the remaining batches were not sent (the endpoint went down, or refused the token). */
  stopped?: string;
}

/**
 * Embeds items in batches on one endpoint, calling `onVector` (which must not throw) as
 * each batch lands, so the cache keeps progress if the build dies. A batch that fails with
 * an input fault (400, 413, 422, or a 500/502 that outlived its retries) is split until
 * only the inputs the server cannot embed are left out (`onUnembeddable`); items already
 * known as such (`isKnownUnembeddable`) are sent once each, alone, after the batches.
 * After a network failure or a refused token the rest are marked failed without waiting.
 */
export async function embedInBatches({ endpoint, items, dimensions, batchSize = EMBED_BATCH_SIZE, timeoutMs, maxRetries, timing, progress, onVector, isKnownUnembeddable, onUnembeddable }: {
  endpoint: EmbedEndpoint;
  items: EmbedItem[];
  dimensions?: number;
  batchSize?: number;
  timeoutMs?: number;
  maxRetries?: number;
  timing?: RetryTiming;
  progress?: ProgressSink;
  onVector?: (item: EmbedItem, vector: Float32Array) => void;
  isKnownUnembeddable?: (item: EmbedItem) => boolean;
  onUnembeddable?: (item: EmbedItem, reason: string) => void;
}): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { vectors: new Map(), failures: new Map(), unembeddable: new Set(), requests: 0, splitRequests: 0 };
  const known = items.filter((item) => isKnownUnembeddable?.(item));
  const knownIds = new Set(known.map((item) => item.id));
  const regular = items.filter((item) => !knownIds.has(item.id));
  const groups = [...chunked(regular, batchSize), ...known.map((item) => [item])];
  const regularBatches = groups.length - known.length;
  const started = Date.now();
  let down: string | undefined;
  const send = (texts: EmbedItem[], whole: boolean) => embedTexts({
    endpoint, texts: texts.map((i) => i.text), dimensions: dimensions ?? firstDimensions(outcome), timeoutMs, maxRetries, timing,
    shouldRetry: whole ? undefined : retriesTransientOnly,
    onRequest: () => outcome.requests++,
  });
  // Requests past a batch's first attempt and its retries: the halves of a split, and known-unembeddable items alone.
  const sendPart = async (part: EmbedItem[]) => {
    const before = outcome.requests;
    try {
      return await send(part, false);
    } finally {
      outcome.splitRequests += outcome.requests - before;
    }
  };
  const handlers: SplitHandlers = {
    send: sendPart,
    // Outside the request's try: what happens to a vector after it arrived (the cache
    // write) can never make the endpoint look failed or drop the vector.
    vectors: (part, vectors) => part.forEach((item, i) => {
      outcome.vectors.set(item.id, vectors[i]!);
      onVector?.(item, vectors[i]!);
    }),
    // A server that embedded nothing in this build may be failing everything; an item that failed alone before is still suspect.
    serverWorks: (item) => outcome.vectors.size > 0 || (item !== undefined && knownIds.has(item.id)),
    failed: (part, reason, unembeddable) => part.forEach((item) => {
      outcome.failures.set(item.id, reason);
      if (!unembeddable) return;
      outcome.unembeddable.add(item.id);
      onUnembeddable?.(item, reason);
    }),
  };
  let done = 0;
  for (const [b, batch] of groups.entries()) {
    done += batch.length;
    if (down) {
      for (const item of batch) outcome.failures.set(item.id, down);
      continue;
    }
    let stopper: unknown;
    let vectors: Float32Array[] | undefined;
    try {
      vectors = await (b < regularBatches ? send(batch, true) : sendPart(batch));
    } catch (error) {
      if (blamesInput(error)) stopper = await splitFailedBatch(batch, error, handlers);
      else {
        handlers.failed(batch, error instanceof Error ? error.message : String(error), false);
        stopper = error;
      }
    }
    if (vectors) handlers.vectors(batch, vectors);
    down = stoppedReason(endpoint, stopper);
    if (down) outcome.stopped = down;
    progress?.update(formatProgress({ batch: b + 1, batches: groups.length, done, total: items.length, elapsedMs: Date.now() - started }));
  }
  // Parts of a batch a split never sent because the endpoint stopped mid-way.
  for (const item of items) if (!outcome.vectors.has(item.id) && !outcome.failures.has(item.id)) outcome.failures.set(item.id, down ?? "not sent");
  progress?.done();
  return outcome;
}

/** Why an endpoint must not be asked again in this build, from the error that stopped it. */
function stoppedReason(endpoint: EmbedEndpoint, error: unknown): string | undefined {
  if (!stopsEndpoint(error)) return undefined;
  const reason = error instanceof Error ? error.message : String(error);
  // A refused token fails every batch the same way: one request tells, the rest would be noise.
  if (error instanceof EmbedError && (error.httpStatus === 401 || error.httpStatus === 403)) {
    return `${endpoint.url} refused the token (${error.httpStatus}): check its secret (EMBED_BUILD_SECRET or EMBED_SECRET, or EMBED_FALLBACK_SECRET for the fallback)`;
  }
  return `${endpoint.url} went down: ${reason}`;
}

function chunked<T>(list: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
}

function firstDimensions(outcome: BatchOutcome): number | undefined {
  return outcome.vectors.values().next().value?.length;
}
