import { createUIMessageStreamResponse } from "ai";
import { AppError } from "../errors";
import { startAnswerWithinBudget } from "./budgets";
import { ALL_VISITORS_KEY, type ClientIdentifier } from "./client-identity";
import type { InsightRecorder } from "../insights/record";
import { addAnswerExtras } from "./answer-extras";
import { buildRetrievalQuery, toModelMessages } from "./conversation";
import { createNotCoveredProvider } from "./not-covered";
import { createSystemPrompt } from "./prompt";
import type { ChatRateLimiter } from "./rate-limit";
import type { Retriever } from "./retrieve";
import type { SiteBudget } from "./site-budget";
import type { AnswerProvider, ChatRequestBody, Retrieval } from "./types";
import { createAnswerStream } from "./ui-stream";

/** Everything the chat route is built from; tests inject fakes, the route uses `defaultChatDeps()`. */
export interface ChatHandlerDeps {
  /** Parses and validates the body (app/api/chat/schema.ts); throws AppError on a bad one. */
  readRequest(request: Request): Promise<ChatRequestBody>;
  rateLimiter: ChatRateLimiter;
  /** The rate-limit key of a request (lib/chat/client-identity.ts); without it every request shares one key. */
  identifyClient?: ClientIdentifier;
  /** The site-wide daily answer budget (lib/chat/budgets.ts); unlimited without it. */
  answerBudget?: SiteBudget;
  /** Send `Server-Timing` (development, or `CHAT_SERVER_TIMING=1`): it tells one visitor whether another asked the same question. */
  serverTiming?: boolean;
  retrieve: Retriever;
  /** The answer ladder in order; the last rung should never fail (the extractive answer). */
  providers: AnswerProvider[];
  author: string;
  /** Records each question for `npm run insights`; absent with `CHAT_INSIGHTS=off`. */
  insights?: InsightRecorder;
  /** Follow-up questions from the sources' other sections, sent in the answer's metadata. */
  suggestFollowUps?: (sources: Retrieval["sources"]) => Promise<string[]>;
  log?: (message: string, error?: unknown) => void;
}

/** The deps plus what is built from them once per instance rather than per request. */
type PreparedDeps = ChatHandlerDeps & { systemPrompt: ReturnType<typeof createSystemPrompt> };

/** Builds the `POST /api/chat` handler; `deps` may be a function, called once on the first request. */
export function createChatHandler(deps: ChatHandlerDeps | (() => ChatHandlerDeps)): (request: Request) => Promise<Response> {
  let prepared: PreparedDeps | undefined;
  return async (request) => {
    if (!prepared) {
      const resolved = typeof deps === "function" ? deps() : deps;
      prepared = { ...resolved, systemPrompt: createSystemPrompt({ author: resolved.author }) };
    }
    const { log = console.error } = prepared;
    try {
      return await answer(request, prepared);
    } catch (error) {
      if (error instanceof AppError) return error.toResponse();
      log("chat: unexpected error before the stream started", error);
      return new AppError("internal:chat", "unexpected error", { cause: error }).toResponse();
    }
  };
}

async function answer(request: Request, deps: PreparedDeps): Promise<Response> {
  const clientKey = deps.identifyClient?.(request) ?? ALL_VISITORS_KEY;
  const decision = await deps.rateLimiter.consume(clientKey);
  if (!decision.allowed) {
    throw new AppError("rate_limited:chat", "Too many questions in a short time. Please wait a moment.", {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  const body = await deps.readRequest(request);
  let retrieval: Retrieval;
  try {
    retrieval = await deps.retrieve(buildRetrievalQuery(body.messages), { signal: request.signal });
  } catch (error) {
    throw new AppError("unavailable:chat", "Search is unavailable right now. Please try again shortly.", { cause: error });
  }
  const messages = toModelMessages({ system: deps.systemPrompt(retrieval.sources), messages: body.messages });
  // Not covered: no model is called; the one rung says so and names what the writing covers.
  const providers = retrieval.coverage.covered ? deps.providers : [createNotCoveredProvider(retrieval.coverage)];
  const stream = createAnswerStream({
    retrieval,
    signal: request.signal,
    log: deps.log,
    startAnswer: () => startAnswerWithinBudget({ providers, budget: deps.answerBudget, input: { messages, sources: retrieval.sources, signal: request.signal }, log: deps.log }),
  });
  return createUIMessageStreamResponse({
    stream: await addAnswerExtras({ stream, retrieval, question: body.messages.at(-1), clientKey, insights: deps.insights, suggestFollowUps: deps.suggestFollowUps }),
    headers: { "cache-control": "no-store", ...(deps.serverTiming && { "server-timing": serverTiming(retrieval.timings) }) },
  });
}

/** `Server-Timing` for retrieval, so the benchmark (and browser devtools) see its share. */
function serverTiming({ embedMs, searchMs, totalMs }: Retrieval["timings"]): string {
  return `retrieval;dur=${totalMs.toFixed(1)}, embed;dur=${embedMs.toFixed(1)}, search;dur=${searchMs.toFixed(1)}`;
}
