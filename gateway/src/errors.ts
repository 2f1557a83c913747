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

  constructor(code: GatewayErrorCode, options: { message?: string; retryAfterSeconds?: number } = {}) {
    super(options.message ?? CODES[code].message);
    this.code = code;
    this.status = CODES[code].status;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The JSON body for this surface. */
  toBody(surface: ErrorSurface): unknown {
    if (surface === "ollama") return { error: this.message };
    return { error: { message: this.message, type: CODES[this.code].type, code: this.code.split(":")[0] } };
  }
}

/** Writes any error as JSON; unknown errors become a generic 502 (their detail stays in the log). */
export function sendError(res: ServerResponse, error: unknown, surface: ErrorSurface): void {
  const known = error instanceof GatewayError ? error : new GatewayError("error:upstream");
  sendJson(res, known.status, known.toBody(surface), known.retryAfterSeconds === undefined ? undefined : ["Retry-After", String(known.retryAfterSeconds)]);
}

/** The Content-Type of every JSON answer. */
export const JSON_TYPE = "application/json; charset=utf-8";

/** Writes a JSON body with a length and the no-store, no-sniff headers; `extra` is a flat [name, value, ...] list. */
export function sendJson(res: ServerResponse, status: number, body: unknown, extra?: readonly string[]): void {
  sendBytes(res, status, Buffer.from(JSON.stringify(body)), JSON_TYPE, extra);
}

/** Writes raw bytes (a passed-through Ollama answer, or healthz's text) in one write, head and body. */
export function sendBytes(res: ServerResponse, status: number, body: Buffer, contentType: string, extra?: readonly string[]): void {
  if (res.headersSent || res.destroyed) return;
  // A flat list: Node takes it as is, where an object would be walked key by key.
  const head = ["Content-Type", contentType, "Content-Length", String(body.length), "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff"];
  if (extra) head.push(...extra);
  res.writeHead(status, head);
  res.end(body);
}

/** Maps an Ollama error answer to the gateway's: 404 and 400 keep Ollama's message, busy is 503, the rest 502. */
export function fromUpstreamStatus(status: number, body: Buffer): GatewayError {
  const message = ollamaMessage(body);
  if (status === 404) return new GatewayError("model_not_found:upstream", { message });
  if (status === 400) return new GatewayError("bad_request:upstream", { message });
  if (status === 429 || status === 503) return new GatewayError("overloaded:gateway", { retryAfterSeconds: 5 });
  return new GatewayError("error:upstream");
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
