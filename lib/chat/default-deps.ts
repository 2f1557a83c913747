import "server-only";
import { embedTexts } from "../embed/client";
import { embedEndpointsFromEnv } from "../embed/endpoints";
import { env } from "../env";
import { loadSearchIndex, packContext, rankLexical, searchIndex } from "../search/index";
import { insightsFromEnv } from "../insights/from-env";
import { site } from "../site";
import { createChatBudgets } from "./budgets";
import { clientAddressSourceOf, createClientIdentifier } from "./client-identity";
import { createFollowUpSuggester } from "./follow-ups";
import type { ChatHandlerDeps } from "./handler";
import { coverageOf } from "./not-covered";
import { answerProvidersFromEnv } from "./providers/ladder-from-env";
import { createQueryEmbedder } from "./query-embedder";
import { createChatRateLimiter } from "./rate-limit";
import { connectRedis } from "./redis-connection";
import { createRedisVectorCache } from "./shared-vector-cache";
import { createRetriever } from "./retrieve";

/** The production wiring of the chat route (all but body parsing, which lives beside the route): env, the baked index, the embed endpoints, the answer ladder. */
export function defaultChatDeps(): Omit<ChatHandlerDeps, "readRequest"> {
  const config = env();
  // One Redis connection per instance, shared by the rate limiter, the budgets and the query-vector cache.
  const redis = config.REDIS_URL ? connectRedis({ url: config.REDIS_URL, log: console.warn, what: "rate limits, budgets and the query cache" }) : undefined;
  const budgets = createChatBudgets({ queryEmbedsPerMinute: config.CHAT_QUERY_EMBEDS_PER_MIN, answersPerDay: config.CHAT_DAILY_ANSWER_LIMIT, redis });
  return {
    rateLimiter: createChatRateLimiter({ pointsPerMinute: config.CHAT_RATE_LIMIT_PER_MIN, redis }),
    identifyClient: createClientIdentifier(clientAddressSourceOf(config)),
    answerBudget: budgets.answers,
    serverTiming: process.env.NODE_ENV === "development" || config.CHAT_SERVER_TIMING,
    retrieve: createRetriever({
      search: {
        loadIndex: loadSearchIndex, search: searchIndex, rankLexical, pack: packContext,
        cover: (options) => coverageOf({ ...options, denseMin: config.CHAT_DENSE_COVERED_MIN ?? null }),
      },
      embedder: createQueryEmbedder({
        endpoints: embedEndpointsFromEnv(),
        embedTexts,
        sharedCache: redis && createRedisVectorCache({ client: redis }),
        budget: budgets.queryEmbeds,
      }),
    }),
    providers: answerProvidersFromEnv(config),
    author: site.author,
    insights: insightsFromEnv({ config, redis }),
    suggestFollowUps: createFollowUpSuggester({ loadIndex: loadSearchIndex }),
  };
}
