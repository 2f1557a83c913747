import { embedTexts } from "./client";
import type { EmbedEndpoint } from "./types";

/** Query-time timeout for the CLI: longer than a warm Pi (~310 ms), short enough not to stall on a dead one. */
const QUERY_EMBED_TIMEOUT_MS = 5_000;

/**
 * One query vector from the first endpoint that answers (primary, then fallback), with
 * no retries; undefined, with the reason passed to `onFailure`, when none does.
 */
export async function embedQuery({ text, endpoints, dimensions, timeoutMs = QUERY_EMBED_TIMEOUT_MS, onFailure }: {
  text: string;
  endpoints: Array<EmbedEndpoint | undefined>;
  dimensions?: number;
  timeoutMs?: number;
  onFailure?: (reason: string) => void;
}): Promise<Float32Array | undefined> {
  for (const endpoint of endpoints) {
    if (!endpoint) continue;
    try {
      const [vector] = await embedTexts({ endpoint, texts: [text], timeoutMs, maxRetries: 0, dimensions });
      return vector;
    } catch (error) {
      onFailure?.(error instanceof Error ? error.message : String(error));
    }
  }
  return undefined;
}
