import { AppError } from "../errors";
import type { InsightRecorder } from "./record";

/** What the feedback route is built from; tests inject a recorder over a temp file or a real Redis. */
export interface FeedbackHandlerDeps {
  readRequest(request: Request): Promise<{ id: string; rating: "up" | "down" }>;
  rateLimiter: { consume(clientKey: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> };
  clientKeyOf(request: Request): string;
  /** Absent with `CHAT_INSIGHTS=off`: the rating is accepted and dropped. */
  insights?: InsightRecorder;
}

/** `POST /api/feedback`: rate limit first, then the body, then one rating event; 204 with no body. */
export function createFeedbackHandler(deps: FeedbackHandlerDeps | (() => FeedbackHandlerDeps)): (request: Request) => Promise<Response> {
  let resolved: FeedbackHandlerDeps | undefined;
  return async (request) => {
    resolved ??= typeof deps === "function" ? deps() : deps;
    try {
      const decision = await resolved.rateLimiter.consume(resolved.clientKeyOf(request));
      if (!decision.allowed) {
        throw new AppError("rate_limited:chat", "Too many ratings in a short time. Please wait a moment.", { retryAfterSeconds: decision.retryAfterSeconds });
      }
      const rating = await resolved.readRequest(request);
      await resolved.insights?.recordRating(rating);
      return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (error instanceof AppError) return error.toResponse();
      console.error("feedback: unexpected error", error);
      return new AppError("internal:chat", "unexpected error", { cause: error }).toResponse();
    }
  };
}
