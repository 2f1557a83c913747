"use client";

import type { ChatStatus } from "ai";
import { useCallback, useEffect, useState } from "react";
import { readSavedConversation, saveConversation } from "@/lib/chat/saved-conversation";
import type { ChatUIMessage } from "@/lib/chat/types";

/**
 * Keeps the conversation in the tab's sessionStorage, so following a source and pressing
 * Back brings it back: restored once after mount (the server render has no storage, so
 * restoring earlier would not match it), saved whenever it changes and no answer is
 * streaming. Returns `clear`, which empties both the chat and what was saved.
 */
export function usePersistedChat({ messages, status, setMessages }: { messages: ChatUIMessage[]; status: ChatStatus; setMessages: (update: (current: ChatUIMessage[]) => ChatUIMessage[]) => void }): { clear: () => void } {
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const saved = readSavedConversation();
    // A question sent before this ran wins over an older saved conversation.
    if (saved.length > 0) setMessages((current) => (current.length > 0 ? current : saved));
    setRestored(true);
  }, [setMessages]);

  useEffect(() => {
    // Before the restore lands, the empty initial list would overwrite what was saved.
    if (!restored || status === "submitted" || status === "streaming") return;
    saveConversation(messages);
  }, [restored, messages, status]);

  const clear = useCallback(() => {
    setMessages(() => []);
    saveConversation([]);
  }, [setMessages]);

  return { clear };
}
