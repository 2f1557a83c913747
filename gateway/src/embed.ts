// The embed pipeline after the token check, in the order the design fixes: an empty
// bucket answers 429 before the body is read; then body limits, JSON and model, the
// bucket, the cache; the uncached inputs go upstream through the pool; the answer is
// reassembled in order, passed through (/api/embed) or translated (/v1/embeddings).
import type { Buckets } from "./bucket";
import type { EmbeddingCache } from "./cache";
import type { Cancel } from "./cancel";
import type { GatewayConfig } from "./config";
import { GatewayError, JSON_TYPE, sendJson } from "./errors";
import type { ErrorSurface, Reply } from "./errors";
import { embedUpstream } from "./forward";
import type { UpstreamAnswer } from "./forward";
import type { GatewayMetrics } from "./metrics";
import { toOllamaBody, toOpenAIResponse } from "./openai";
import type { Pool } from "./pool";
import { parseEmbedRequest, withTag } from "./request";
import type { EmbedRequest, RequestLimits } from "./request";

/** What the pipeline shares across requests; `cache` is absent when turned off. */
export type EmbedDeps = { config: GatewayConfig; limits: RequestLimits; buckets: Buckets; pool: Pool; cache?: EmbeddingCache; metrics: GatewayMetrics };

/** Serves one authenticated embed request, whichever front door took it; throws GatewayError for every refusal. */
export async function serveEmbed(options: { readBody(maxBytes: number): Buffer | Promise<Buffer>; reply: Reply; surface: ErrorSurface; clientId: string; cancel: Cancel; deps: EmbedDeps }): Promise<void> {
  const { reply, surface, clientId, cancel, deps } = options;
  const { config } = deps;
  // An empty bucket refuses before a byte of the body is read or parsed.
  refuseIfLimited(deps, deps.buckets.peek(clientId));
  // A body in hand is not awaited: with a free upstream slot too, the call is written
  // before this turn of the event loop ends, not after the socket's read bookkeeping.
  const read = options.readBody(config.maxBodyBytes);
  const body = read instanceof Buffer ? read : await read;
  const request = parseEmbedRequest(body, deps.limits, surface === "openai");
  refuseIfLimited(deps, deps.buckets.take(clientId));
  await answer({ reply, surface, cancel, deps, request });
}

async function answer(options: { reply: Reply; surface: ErrorSurface; cancel: Cancel; deps: EmbedDeps; request: EmbedRequest }): Promise<void> {
  const { reply, surface, cancel, deps, request } = options;
  const { config, metrics } = deps;
  const { vectors, keys, missing } = lookUpCached(request, deps);
  // Nothing came from the cache: Ollama's own bytes, already checked, go out unchanged,
  // and the vectors are only parsed when the cache keeps them.
  const passThrough = surface === "ollama" && missing.length === request.inputCount;
  // The call is written in this turn when a slot is free; the tallies (moved into prom-client
  // at scrape time) are counted after it.
  const pending = missing.length > 0 ? embedUpstream({ pool: deps.pool, body: upstreamBody(request, missing), inputCount: missing.length, cancel, config, metrics, needsVectors: Boolean(keys) || !passThrough }) : undefined;
  metrics.recordEmbed(request.inputCount, keys ? keys.length - missing.length : 0, keys ? missing.length : 0);
  let upstream: UpstreamAnswer | undefined;
  if (pending) {
    upstream = await pending;
    if (keys || !passThrough) {
      const parsed = upstream.answer.embeddings;
      missing.forEach((index, j) => {
        vectors[index] = parsed[j];
        if (keys) deps.cache!.set(keys[index], parsed[j]);
      });
    }
    if (passThrough) return reply(200, upstream.raw, JSON_TYPE);
  }
  const embeddings = vectors as number[][];
  if (surface === "openai") return sendJson(reply, 200, toOpenAIResponse({ embeddings, prompt_eval_count: upstream?.answer.prompt_eval_count }, request));
  const ollama = upstream?.answer;
  // Durations and the token count cover the inputs embedded upstream for this request only.
  sendJson(reply, 200, { model: ollama?.model ?? request.model, embeddings, total_duration: ollama?.total_duration ?? 0, load_duration: ollama?.load_duration ?? 0, prompt_eval_count: ollama?.prompt_eval_count ?? 0 });
}

function refuseIfLimited(deps: EmbedDeps, result: ReturnType<Buckets["take"]>): void {
  if (result.ok) return;
  deps.metrics.rateLimited.inc();
  throw new GatewayError("rate_limited:gateway", { retryAfterSeconds: result.retryAfterSeconds });
}

// `truncate: false` asks Ollama to refuse an over-long text, which a cached (maybe
// truncated) vector would hide: such requests skip the lookup, but fill the cache.
function lookUpCached(request: EmbedRequest, deps: EmbedDeps): { vectors: Array<number[] | undefined>; keys?: string[]; missing: number[] } {
  const { cache } = deps;
  if (!cache) return { vectors: new Array(request.inputCount), missing: everyIndex(request.inputCount) };
  const model = withTag(request.model);
  const keys = request.inputs.map((text) => cache.keyOf(model, text));
  const vectors = request.truncate === false ? new Array<undefined>(keys.length).fill(undefined) : keys.map((key) => cache.get(key));
  const missing: number[] = [];
  vectors.forEach((vector, i) => vector === undefined && missing.push(i));
  return { vectors, keys, missing };
}

// 0 … count - 1, in a plain loop (Array.from's generic path cost more, cold, on every request).
function everyIndex(count: number): number[] {
  const indexes = new Array<number>(count);
  for (let i = 0; i < count; i++) indexes[i] = i;
  return indexes;
}

// The body that goes upstream: the client's own when it is plain and nothing came from the
// cache; else the vetted fields, with only the inputs the cache did not answer.
function upstreamBody(request: EmbedRequest, missing: number[]): string | Buffer {
  if (missing.length === request.inputCount) return request.plain ?? toOllamaBody(request);
  return toOllamaBody({ ...request, plain: undefined, inputCount: missing.length, inputs: missing.map((i) => request.inputs[i]) });
}
