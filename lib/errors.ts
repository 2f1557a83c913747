/**
 * One error type for the whole project: a code of the form `type:surface`
 * (`bad_request:chat`, `invalid_content:build`, ...) decides the HTTP status and
 * whether the message may be shown to a client.
 */
export type ErrorType =
  | "bad_request"
  | "method_not_allowed"
  | "unsupported_media_type"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable"
  | "invalid_content"
  | "internal";

export type ErrorSurface = "chat" | "build" | "index" | "embed";

export type ErrorCode = `${ErrorType}:${ErrorSurface}`;

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  invalid_content: 500,
  internal: 500,
};

/** An error whose code says what went wrong and where; `toResponse()` decides what a client sees. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly type: ErrorType;
  readonly status: number;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.type = code.split(":")[0] as ErrorType;
    this.status = statusByType[this.type];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** JSON `{"error": {"code", "message"}}`; internal errors hide their message. */
  toResponse(): Response {
    const visible = this.status < 500 || this.type === "unavailable";
    const message = visible ? this.message : "Something went wrong. Please try again.";
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.retryAfterSeconds !== undefined) headers["retry-after"] = String(Math.ceil(this.retryAfterSeconds));
    return new Response(JSON.stringify({ error: { code: this.code, message } }), { status: this.status, headers });
  }
}
