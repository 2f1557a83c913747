import { AppError } from "../errors";

/** An embedding request that failed; `retryable` for network errors, timeouts, 429 and 5xx. */
export class EmbedError extends AppError {
  readonly retryable: boolean;
  readonly httpStatus?: number;
  /** Server-requested wait from `Retry-After`, in ms. */
  readonly retryAfterMs?: number;

  constructor(message: string, options: { retryable: boolean; httpStatus?: number; retryAfterMs?: number; cause?: unknown }) {
    super("unavailable:embed", message, { cause: options.cause, retryAfterSeconds: options.retryAfterMs === undefined ? undefined : options.retryAfterMs / 1000 });
    this.name = "EmbedError";
    this.retryable = options.retryable;
    this.httpStatus = options.httpStatus;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
