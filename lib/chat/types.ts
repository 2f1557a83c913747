import type { UIMessage } from "ai";
import type { PackedSource } from "../search/pack-context";
import type { SearchMode } from "../search/types";

/** One text or source part of a chat message, as `useChat` sends it back. */
export type ChatPart =
  | { type: "text"; text: string }
  | { type: "source-url"; sourceId: string; url: string; title?: string };

/** One message of the conversation, validated (never a `system` role). */
export interface ChatMessage {
  id: string;
  role: "user" | "assistant";
  parts: ChatPart[];
}

/** The validated body of `POST /api/chat`. */
export interface ChatRequestBody {
  messages: ChatMessage[];
}

/** Which path produced the answer: Groq, the OpenAI-compatible model, quotes, or the "not covered" reply (no model called). */
export type AnswerPath = "groq" | "local" | "extractive" | "not-covered";

/** The rungs that call an answer model, and so draw on the day's answer budget; the others quote or decline. */
export const MODEL_ANSWER_PATHS: ReadonlySet<AnswerPath> = new Set(["groq", "local"]);

/** A site-wide budget's state after a request drew on it (lib/chat/site-budget.ts). */
export interface BudgetState {
  limit: number;
  remaining: number;
  exhausted: boolean;
}

/** Message metadata the route streams: how the context was retrieved, who answered, and the budgets this answer drew on. */
export interface ChatMessageMetadata {
  retrieval?: SearchMode;
  answer?: AnswerPath;
  /** Present only for a budget the request consulted: `queryEmbeds` when the question needed a fresh vector, `answers` when a model rung was in the ladder. */
  budgets?: { queryEmbeds?: BudgetState; answers?: BudgetState };
  /** Names this question in a rating (`POST /api/feedback`); absent when insights are off. */
  insightId?: string;
  /** Questions about other sections of the sources' documents, offered after the answer. */
  followUps?: string[];
}

/** A chat message as the browser holds, shows and saves it: the AI SDK's UI message with the route's metadata. */
export type ChatUIMessage = UIMessage<ChatMessageMetadata>;

/** One numbered source given to the model and shown under the answer: what `packContext` makes. */
export type NumberedSource = PackedSource;

/** What retrieval hands to the answer step. */
export interface Retrieval {
  mode: SearchMode;
  /** Empty when the writing does not cover the question. */
  sources: NumberedSource[];
  /** Whether the writing covers the question (lib/search/coverage.ts), why, and what to suggest when it does not. */
  coverage: import("./not-covered").Coverage;
  /** Milliseconds spent, for the `Server-Timing` header. */
  timings: { embedMs: number; searchMs: number; totalMs: number };
  /** The query-embedding budget, when this query needed a fresh vector. */
  queryEmbedBudget?: BudgetState;
}

/** A message for an answer model: the system prompt plus the conversation as text. */
export interface ModelMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** What every answer provider is given. */
export interface AnswerInput {
  messages: ModelMessage[];
  sources: NumberedSource[];
  signal?: AbortSignal;
  /** Why the extractive rung answers, when it is not for want of a model (the day's answer budget spent): it opens with this label instead. */
  extractiveLabel?: string;
}

/** One rung of the answer ladder: an async stream of text deltas. */
export interface AnswerProvider {
  name: AnswerPath;
  stream(input: AnswerInput): AsyncIterable<string>;
}
