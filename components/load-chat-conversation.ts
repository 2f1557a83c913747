import type { ChatConversation } from "./chat-conversation";

/** The conversation component, once its code (AI SDK, zod, the stream reader) has arrived. */
export type ChatConversationComponent = typeof ChatConversation;

let loading: Promise<ChatConversationComponent> | null = null;

/**
 * Fetches the conversation's code (most of the chat's JavaScript) on first use, once: the
 * front page hydrates without it. A failed load (offline) is forgotten, so the next call tries again.
 */
export function loadChatConversation(): Promise<ChatConversationComponent> {
  loading ??= import("./chat-conversation").then(
    (module) => module.ChatConversation,
    (error: unknown) => {
      loading = null;
      throw error instanceof Error ? error : new Error(String(error));
    },
  );
  return loading;
}
