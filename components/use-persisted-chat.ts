"use client";

import type { ChatStatus } from "ai";
import { useCallback, useEffect } from "react";
import { saveConversation } from "@/lib/chat/saved-conversation";
import type { ChatUIMessage } from "@/lib/chat/types";
import { isBusy } from "./use-chat-controls";

/**
 * Keeps the conversation in the tab's sessionStorage, so following a source and pressing
 * Back brings it back: saved whenever it changes and no answer is streaming (the
 * conversation starts from what was saved: components/chat-conversation.tsx). Returns
 * `clear`, which empties both the chat and what was saved.
 */
export function usePersistedChat({ messages, status, setMessages }: { messages: ChatUIMessage[]; status: ChatStatus; setMessages: (update: (current: ChatUIMessage[]) => ChatUIMessage[]) => void }): { clear: () => void } {
  useEffect(() => {
    if (isBusy(status)) return;
    saveConversation(messages);
  }, [messages, status]);

  const clear = useCallback(() => {
    setMessages(() => []);
    saveConversation([]);
  }, [setMessages]);

  return { clear };
}
