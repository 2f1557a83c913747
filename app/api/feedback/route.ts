import { clientAddressSourceOf, createClientIdentifier } from "@/lib/chat/client-identity";
import { createChatRateLimiter } from "@/lib/chat/rate-limit";
import { connectRedis } from "@/lib/chat/redis-connection";
import { env } from "@/lib/env";
import { createFeedbackHandler } from "@/lib/insights/feedback-handler";
import { insightsFromEnv } from "@/lib/insights/from-env";
import { readFeedbackRequest } from "./schema";

export const runtime = "nodejs";

/** Ratings per visitor per minute: a visitor rates a handful of answers; a script rating thousands is refused. */
const FEEDBACK_PER_MIN = 30;

/** `POST /api/feedback`: a visitor's thumbs on one answer, `{"id", "rating": "up" | "down"}`, recorded for `npm run insights`. */
export const POST = createFeedbackHandler(() => {
  const config = env();
  // One connection per instance for this route's limiter and its insights.
  const redis = config.REDIS_URL ? connectRedis({ url: config.REDIS_URL, log: console.warn, what: "feedback limits and insights" }) : undefined;
  return {
    readRequest: readFeedbackRequest,
    rateLimiter: createChatRateLimiter({ pointsPerMinute: FEEDBACK_PER_MIN, redis, keyPrefix: "feedback" }),
    // The same client identity as the chat (which says once when no header can be trusted).
    clientKeyOf: createClientIdentifier(clientAddressSourceOf(config), () => {}),
    insights: insightsFromEnv({ config, redis }),
  };
});
