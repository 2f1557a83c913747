import "server-only";
import { embedTexts } from "../embed/client";
import { embedEndpointsFromEnv } from "../embed/endpoints";
import { env } from "../env";
import { loadSearchIndex, packContext, rankLexical, searchIndex } from "../search/index";
import { site } from "../site";
import type { ChatHandlerDeps } from "./handler";
import { answerProvidersFromEnv } from "./providers/ladder-from-env";
import { createQueryEmbedder } from "./query-embedder";
import { createChatRateLimiter } from "./rate-limit";
import { createRetriever } from "./retrieve";

/** The production wiring of the chat route (all but body parsing, which lives beside the route): env, the baked index, the embed endpoints, the answer ladder. */
export function defaultChatDeps(): Omit<ChatHandlerDeps, "readRequest"> {
  const config = env();
  return {
    rateLimiter: createChatRateLimiter({ pointsPerMinute: config.CHAT_RATE_LIMIT_PER_MIN, redisUrl: config.REDIS_URL }),
    retrieve: createRetriever({
      search: { loadIndex: loadSearchIndex, search: searchIndex, rankLexical, pack: packContext },
      embedder: createQueryEmbedder({ endpoints: embedEndpointsFromEnv(), embedTexts }),
    }),
    providers: answerProvidersFromEnv(config),
    author: site.author,
  };
}
