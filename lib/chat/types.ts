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

/** Which path produced the answer: Groq, the OpenAI-compatible model, or quotes. */
export type AnswerPath = "groq" | "local" | "extractive";

/** Message metadata the route streams: how the context was retrieved and who answered. */
export interface ChatMessageMetadata {
  retrieval?: SearchMode;
  answer?: AnswerPath;
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
  sources: NumberedSource[];
  /** Whether the writing covers the question, and the top source's score behind that decision. */
  coverage?: { covered: boolean; topScore: number };
  /** Milliseconds spent, for the `Server-Timing` header. */
  timings: { embedMs: number; searchMs: number; totalMs: number };
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
}

/** One rung of the answer ladder: an async stream of text deltas. */
export interface AnswerProvider {
  name: AnswerPath;
  stream(input: AnswerInput): AsyncIterable<string>;
}
