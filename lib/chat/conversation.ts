import { topicWordsOf } from "../search/query-terms";
import type { ChatMessage, ModelMessage } from "./types";

/** Words that point back at something said earlier: "where does it run?", "tell me more about that project". */
const REFERS_BACK = /\b(it|its|it's|they|them|their|there|that|this|those|these|he|she|him|her|one|ones|more|else|same|again|further|instead)\b/i;

/** Openings that continue the previous question rather than start one: "and from the second phase?", "what about Go?". */
const CONTINUES = /^\s*(and|also|but|so|then|plus|or|what about|how about|why not|same for)\b/i;

/**
 * True when a question cannot be retrieved alone: it refers back ("it", "that project",
 * "tell me more"), continues the last one ("and …?", "what about …?"), or has no topic
 * word of its own ("why?"). Anything else is a new topic and is retrieved alone.
 */
export function needsEarlierTurns(question: string): boolean {
  return REFERS_BACK.test(question) || CONTINUES.test(question) || topicWordsOf(question).length === 0;
}

/** Earlier user turns folded into the retrieval query: enough for "what tools did you use for it?" to find the same document, few enough that an old topic fades. */
export const FOLLOW_UP_USER_TURNS = 2;

/** Longest retrieval query: BM25 and a 1,024-dim embedding gain nothing from more, and the Pi embeds it faster. */
export const QUERY_MAX_CHARS = 1_000;

/** Messages of history the answer model sees: the recent exchange, not a long transcript that crowds out the context. */
export const MODEL_HISTORY_MESSAGES = 8;

/** The plain text of a message: its text parts joined. */
export function messageText(message: ChatMessage): string {
  return message.parts
    .flatMap((part) => (part.type === "text" ? [part.text] : []))
    .join("")
    .trim();
}

/**
 * The text to retrieve with: the last user message alone when it stands on its own (a
 * new topic, so an old one cannot leak into it), or preceded by up to
 * FOLLOW_UP_USER_TURNS earlier user messages when it needs them ({@link needsEarlierTurns}).
 * A first question is used exactly as typed (a suggested question hits its baked vector).
 */
export function buildRetrievalQuery(messages: ChatMessage[]): string {
  const userTexts = messages.filter((m) => m.role === "user").map(messageText).filter(Boolean);
  const last = userTexts.at(-1) ?? "";
  const earlier = needsEarlierTurns(last) ? userTexts.slice(0, -1).slice(-FOLLOW_UP_USER_TURNS) : [];
  const query = [...earlier, last].join("\n");
  // Keep the end: the newest question matters most when the budget is short.
  return query.length <= QUERY_MAX_CHARS ? query : query.slice(query.length - QUERY_MAX_CHARS);
}

/** The system prompt followed by the recent conversation as plain text messages. */
export function toModelMessages({ system, messages }: { system: string; messages: ChatMessage[] }): ModelMessage[] {
  const history = messages
    .slice(-MODEL_HISTORY_MESSAGES)
    .map((m) => ({ role: m.role, content: messageText(m) }))
    .filter((m) => m.content !== "");
  return [{ role: "system", content: system }, ...history];
}
