import { createUIMessageStreamResponse } from "ai";
import { AppError } from "../errors";
import type { InsightRecorder } from "../insights/record";
import { addAnswerExtras } from "./answer-extras";
import { startAnswer } from "./answer-ladder";
import { buildRetrievalQuery, toModelMessages } from "./conversation";
import { createSystemPrompt } from "./prompt";
import { clientKeyOf, type ChatRateLimiter } from "./rate-limit";
import type { Retriever } from "./retrieve";
import type { AnswerProvider, ChatRequestBody, Retrieval } from "./types";
import { createAnswerStream } from "./ui-stream";

/** Everything the chat route is built from; tests inject fakes, the route uses `defaultChatDeps()`. */
export interface ChatHandlerDeps {
  /** Parses and validates the body (app/api/chat/schema.ts); throws AppError on a bad one. */
  readRequest(request: Request): Promise<ChatRequestBody>;
  rateLimiter: ChatRateLimiter;
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
  const decision = await deps.rateLimiter.consume(clientKeyOf(request));
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
  const stream = createAnswerStream({
    retrieval,
    signal: request.signal,
    log: deps.log,
    startAnswer: () => startAnswer({ providers: deps.providers, input: { messages, sources: retrieval.sources, signal: request.signal }, log: deps.log }),
  });
  return createUIMessageStreamResponse({
    stream: await addAnswerExtras({ stream, retrieval, question: body.messages.at(-1), clientKey: clientKeyOf(request), insights: deps.insights, suggestFollowUps: deps.suggestFollowUps }),
    headers: { "cache-control": "no-store", "server-timing": serverTiming(retrieval.timings) },
  });
}

/** `Server-Timing` for retrieval, so the benchmark (and browser devtools) see its share. */
function serverTiming({ embedMs, searchMs, totalMs }: Retrieval["timings"]): string {
  return `retrieval;dur=${totalMs.toFixed(1)}, embed;dur=${embedMs.toFixed(1)}, search;dur=${searchMs.toFixed(1)}`;
}
