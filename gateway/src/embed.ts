// The embed pipeline after the token check, in the order the design fixes: body
// limits, JSON and model, the client's bucket, a slot under the concurrency cap,
// then Ollama; the answer passed through (/api/embed) or translated (/v1/embeddings).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Buckets } from "./bucket";
import type { GatewayConfig } from "./config";
import { GatewayError, fromUpstreamStatus, sendBytes, sendJson } from "./errors";
import type { ErrorSurface } from "./errors";
import { isEmbedResponse, toOllamaBody, toOpenAIResponse } from "./openai";
import { parseEmbedRequest, readBody } from "./request";
import type { RequestLimits } from "./request";
import type { Semaphore } from "./semaphore";
import type { Upstream } from "./upstream";

// When the queue is full, a client should come back after about one Pi embedding.
const QUEUE_FULL_RETRY_AFTER_SECONDS = 2;

/** What the pipeline shares across requests. */
export type EmbedDeps = { config: GatewayConfig; limits: RequestLimits; buckets: Buckets; semaphore: Semaphore; upstream: Upstream };

/** Serves one authenticated embed request; throws GatewayError for every refusal. */
export async function serveEmbed(options: {
  req: IncomingMessage;
  res: ServerResponse;
  surface: ErrorSurface;
  clientId: string;
  signal: AbortSignal;
  deps: EmbedDeps;
}): Promise<void> {
  const { req, res, surface, clientId, signal, deps } = options;
  const { config } = deps;
  const body = await readBody(req, res, config.maxBodyBytes);
  const request = parseEmbedRequest(body, deps.limits, surface === "openai");
  const taken = deps.buckets.take(clientId);
  if (!taken.ok) throw new GatewayError("rate_limited:gateway", { retryAfterSeconds: taken.retryAfterSeconds });
  const slot = deps.semaphore.tryAcquire(signal);
  if (!slot) throw new GatewayError("overloaded:gateway", { retryAfterSeconds: QUEUE_FULL_RETRY_AFTER_SECONDS });
  const release = await slot;
  let reply;
  try {
    reply = await deps.upstream.call({ method: "POST", path: "/api/embed", body: toOllamaBody(request), signal, timeoutMs: config.upstreamTimeoutMs });
  } finally {
    release();
  }
  if (reply.status !== 200) throw fromUpstreamStatus(reply.status, reply.body);
  if (surface === "ollama") {
    sendBytes(res, 200, reply.body, { "Content-Type": "application/json; charset=utf-8" });
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.body.toString("utf8"));
  } catch {
    throw new GatewayError("error:upstream");
  }
  if (!isEmbedResponse(parsed, request.inputs.length)) throw new GatewayError("error:upstream");
  sendJson(res, 200, toOpenAIResponse(parsed, request));
}
