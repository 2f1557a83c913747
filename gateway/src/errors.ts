// One error type for every refusal: its code decides the status, and the route
// decides the shape (Ollama's `{"error": "..."}` or OpenAI's `{"error": {...}}`).
import type { ServerResponse } from "node:http";

const CODES = {
  "not_found:gateway": { status: 404, type: "invalid_request_error", message: "not found" },
  "method_not_allowed:gateway": { status: 405, type: "invalid_request_error", message: "method not allowed" },
  "unauthorized:gateway": { status: 401, type: "invalid_request_error", message: "missing or invalid bearer token" },
  "payload_too_large:gateway": { status: 413, type: "invalid_request_error", message: "request body too large" },
  "bad_request:gateway": { status: 400, type: "invalid_request_error", message: "bad request" },
  "model_not_allowed:gateway": { status: 403, type: "invalid_request_error", message: "model not allowed" },
  "rate_limited:gateway": { status: 429, type: "rate_limit_error", message: "rate limit exceeded, retry later" },
  "overloaded:gateway": { status: 503, type: "server_error", message: "embedding server busy, retry later" },
  "model_not_found:upstream": { status: 404, type: "invalid_request_error", message: "model not found" },
  "bad_request:upstream": { status: 400, type: "invalid_request_error", message: "bad request" },
  "unavailable:upstream": { status: 502, type: "server_error", message: "embedding server unavailable" },
  "error:upstream": { status: 502, type: "server_error", message: "embedding server error" },
  "timeout:upstream": { status: 504, type: "server_error", message: "embedding server timed out" },
} as const;

/** The error codes the gateway answers with. */
export type GatewayErrorCode = keyof typeof CODES;

/** The shape of an error body: Ollama's native one or OpenAI's. */
export type ErrorSurface = "ollama" | "openai";

/** A refusal the client may see: status from the code, message safe to show. */
export class GatewayError extends Error {
  readonly code: GatewayErrorCode;
  readonly status: number;
  readonly retryAfterSeconds?: number;
  /** Headers the answer carries (`Allow`, `WWW-Authenticate`), as a flat [name, value, ...] list. */
  readonly headers?: readonly string[];

  constructor(code: GatewayErrorCode, options: { message?: string; retryAfterSeconds?: number; headers?: readonly string[] } = {}) {
    super(options.message ?? CODES[code].message);
    this.code = code;
    this.status = CODES[code].status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.headers = options.headers;
  }

  /** The JSON body for this surface. */
  toBody(surface: ErrorSurface): unknown {
    if (surface === "ollama") return { error: this.message };
    return { error: { message: this.message, type: CODES[this.code].type, code: this.code.split(":")[0] } };
  }
}

/** Where an answer goes, whole, in one call: node:http's response ({@link replyTo}) or a raw socket on the fast path. */
export type Reply = (status: number, body: Buffer, contentType: string, extra?: readonly string[]) => void;

/** Writes any error as JSON; unknown errors become a generic 502 (their detail stays in the log). */
export function sendError(reply: Reply, error: unknown, surface: ErrorSurface): void {
  const known = error instanceof GatewayError ? error : new GatewayError("error:upstream");
  const extra = known.retryAfterSeconds === undefined ? [] : ["Retry-After", String(known.retryAfterSeconds)];
  if (known.headers) extra.push(...known.headers);
  sendJson(reply, known.status, known.toBody(surface), extra.length > 0 ? extra : undefined);
}

/** The Content-Type of every JSON answer. */
export const JSON_TYPE = "application/json; charset=utf-8";

/** Writes a JSON body with a length and the no-store, no-sniff headers; `extra` is a flat [name, value, ...] list. */
export function sendJson(reply: Reply, status: number, body: unknown, extra?: readonly string[]): void {
  reply(status, Buffer.from(JSON.stringify(body)), JSON_TYPE, extra);
}

/** The headers of every answer, in order, as a flat [name, value, ...] list; both front doors write these. */
export function answerHeaders(body: Buffer, contentType: string, extra?: readonly string[]): string[] {
  const head = ["Content-Type", contentType, "Content-Length", String(body.length), "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff"];
  if (extra) head.push(...extra);
  return head;
}

/** The {@link Reply} of a node:http response: head and body in one write, nothing once an answer went out or the socket is gone. */
export function replyTo(res: ServerResponse): Reply {
  return (status, body, contentType, extra) => {
    if (res.headersSent || res.destroyed) return;
    // A flat list: Node takes it as is, where an object would be walked key by key.
    res.writeHead(status, answerHeaders(body, contentType, extra));
    res.end(body);
  };
}

/**
 * Maps an Ollama error answer to the gateway's, and says whether it counts against the
 * upstream: 404 and 400 keep Ollama's message and are about the request; bge-m3's NaN 500
 * is about one input; busy (429, 503) answers 503 and marks the upstream down, as does any
 * other status (502).
 */
export function fromUpstreamStatus(status: number, body: Buffer): { error: GatewayError; reason?: "busy" | "bad_status" } {
  const message = ollamaMessage(body);
  if (status === 404) return { error: new GatewayError("model_not_found:upstream", { message }) };
  if (status === 400) return { error: new GatewayError("bad_request:upstream", { message }) };
  if (status === 429 || status === 503) return { error: new GatewayError("overloaded:gateway", { retryAfterSeconds: 5 }), reason: "busy" };
  const error = new GatewayError("error:upstream");
  return status === 500 && message !== undefined && /unsupported value/i.test(message) ? { error } : { error, reason: "bad_status" };
}

// Only a short `error` string is passed on: nothing else of Ollama's reply reaches the client.
function ollamaMessage(body: Buffer): string | undefined {
  try {
    // The gateway only calls /api/embed, whose errors are `{"error": "..."}`.
    const error = JSON.parse(body.toString("utf8"))?.error;
    return typeof error === "string" ? error.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
