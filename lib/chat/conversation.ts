import type { ChatMessage, ModelMessage } from "./types";

/** Earlier user turns folded into the retrieval query: enough for "what tools did you use for it?" to find the same document, few enough that an old topic fades. */
export const FOLLOW_UP_USER_TURNS = 2;

/** Longest retrieval query: BM25 and a 1,024-dim embedding gain nothing from more, and the Pi embeds it faster. */
export const QUERY_MAX_CHARS = 1_000;

/** Messages of history the answer model sees: the recent exchange, not a long transcript that crowds out the context. */
export const MODEL_HISTORY_MESSAGES = 8;

/** The plain text of a message: its text parts joined. */
function messageText(message: ChatMessage): string {
  return message.parts
    .flatMap((part) => (part.type === "text" ? [part.text] : []))
    .join("")
    .trim();
}

/**
 * The text to retrieve with: the last user message, preceded by up to
 * FOLLOW_UP_USER_TURNS earlier user messages, so a follow-up keeps its topic.
 * A first question is used exactly as typed (a suggested question hits its baked vector).
 */
export function buildRetrievalQuery(messages: ChatMessage[]): string {
  const userTexts = messages.filter((m) => m.role === "user").map(messageText).filter(Boolean);
  const last = userTexts.at(-1) ?? "";
  const earlier = userTexts.slice(0, -1).slice(-FOLLOW_UP_USER_TURNS);
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
