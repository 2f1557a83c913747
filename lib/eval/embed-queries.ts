import { embedInBatches } from "../embed/embed-batches";
import type { RetryTiming } from "../embed/retry";
import type { EmbedEndpoint } from "../embed/types";

/** Per-request timeout: a batch of short questions on a cold Pi (3-5 s model load + 8 × ~0.3 s) with room to spare, yet a hung endpoint costs seconds, not the build's minute. */
const QUERY_BATCH_TIMEOUT_MS = 20_000;

/** Query vectors by exact text, and the reason for each text that got none. */
export interface QueryVectors {
  vectors: Map<string, Float32Array>;
  failures: Map<string, string>;
}

/** Embeds a list of query texts; never rejects: a text that cannot be embedded is in `failures` with its reason. */
export type QueryEmbedder = (texts: string[]) => Promise<QueryVectors>;

/**
 * Embeds each distinct text once, in batches of `EMBED_BATCH_SIZE` through the project's
 * retrying client (429 and 5xx are retried, honouring `Retry-After`): primary first, then
 * the next endpoint (same model) for what failed. Reasons name the endpoint's role.
 * `timing` exists so tests retry without waiting.
 */
export async function embedQueries({ texts, endpoints, dimensions, timing }: {
  texts: string[];
  endpoints: Array<EmbedEndpoint | undefined>;
  dimensions?: number;
  timing?: RetryTiming;
}): Promise<QueryVectors> {
  const vectors = new Map<string, Float32Array>();
  const reasons = new Map<string, string[]>();
  let pending = [...new Set(texts)];
  for (const [i, endpoint] of endpoints.entries()) {
    if (!endpoint || pending.length === 0) continue;
    const role = i === 0 ? "primary" : "fallback";
    const outcome = await embedInBatches({ endpoint, items: pending.map((text) => ({ id: text, text })), dimensions, timeoutMs: QUERY_BATCH_TIMEOUT_MS, timing });
    for (const [text, vector] of outcome.vectors) vectors.set(text, vector);
    for (const [text, reason] of outcome.failures) reasons.set(text, [...(reasons.get(text) ?? []), `${role}: ${reason}`]);
    pending = pending.filter((text) => !vectors.has(text));
  }
  const failures = new Map(pending.map((text) => [text, reasons.get(text)?.join("; ") ?? "no embedding endpoint is configured"]));
  return { vectors, failures };
}

/** A {@link QueryEmbedder} over endpoints tried in order (primary, then fallback), checking each vector's size. */
export function queryEmbedderFor(endpoints: Array<EmbedEndpoint | undefined>, dimensions: number): QueryEmbedder {
  return (texts) => embedQueries({ texts, endpoints, dimensions });
}
