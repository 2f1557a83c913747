import { EMBED_MAX_RETRIES, EMBED_TIMEOUT_MS } from "./constants";
import { EmbedError, parseRetryAfter } from "./errors";
import { withRetry, type RetryTiming } from "./retry";
import type { EmbedEndpoint } from "./types";
import { checkVectors, sameModel } from "./validate";
import { buildEmbedRequest, parseEmbedResponse } from "./wire";

/** Options of {@link embedTexts}; `timing` and `fetchImpl` exist for tests. */
export interface EmbedTextsOptions {
  endpoint: EmbedEndpoint;
  texts: string[];
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  /** Expected vector size, when known (the baked index's); otherwise all vectors must merely agree. */
  dimensions?: number;
  timing?: RetryTiming;
  fetchImpl?: typeof fetch;
  /** Called once per HTTP request sent, retries included, so a build can report what the Pi really saw. */
  onRequest?: () => void;
  /** Which failures are worth another request (default: network errors, timeouts, 429 and 5xx). */
  shouldRetry?: (error: unknown) => boolean;
}

async function requestOnce(options: EmbedTextsOptions): Promise<Float32Array[]> {
  const { endpoint, texts } = options;
  const request = buildEmbedRequest(endpoint, texts);
  const timeoutMs = options.timeoutMs ?? EMBED_TIMEOUT_MS;
  const signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(request.url, { method: "POST", headers: request.headers, body: request.body, signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const timedOut = (error as Error).name === "TimeoutError";
    const reason = timedOut ? `timed out after ${timeoutMs} ms` : ((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
    throw new EmbedError(`${endpoint.url}: ${reason}`, { retryable: true, cause: error });
  }
  const text = await response.text().catch(() => "");
  if (!response.ok) {
    const retryable = response.status === 429 || response.status >= 500;
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    throw new EmbedError(`${request.url} answered ${response.status}: ${text.slice(0, 200)}`, { retryable, httpStatus: response.status, retryAfterMs });
  }
  let parsed: ReturnType<typeof parseEmbedResponse>;
  try {
    parsed = parseEmbedResponse(endpoint.api, JSON.parse(text));
  } catch (error) {
    throw new EmbedError(`${request.url} sent an unreadable answer: ${(error as Error).message}`, { retryable: false, cause: error });
  }
  if (parsed.model && !sameModel(parsed.model, endpoint.model)) {
    throw new EmbedError(`${request.url} answered with model ${parsed.model}, expected ${endpoint.model}`, { retryable: false });
  }
  const problem = checkVectors({ vectors: parsed.vectors, count: texts.length, dimensions: options.dimensions });
  if (problem) throw new EmbedError(`${request.url}: ${problem}`, { retryable: false });
  return parsed.vectors;
}

/**
 * Embeds texts in one request to one endpoint, retrying network errors, timeouts, 429
 * and 5xx with backoff (honouring `Retry-After`). Every vector is checked for size and
 * finiteness. Throws an {@link EmbedError} with a one-line reason.
 */
export async function embedTexts(options: EmbedTextsOptions): Promise<Float32Array[]> {
  if (options.texts.length === 0) return [];
  return withRetry({
    run: () => {
      options.onRequest?.();
      return requestOnce(options);
    },
    maxRetries: options.maxRetries ?? EMBED_MAX_RETRIES,
    signal: options.signal,
    timing: options.timing,
    shouldRetry: options.shouldRetry,
  });
}
