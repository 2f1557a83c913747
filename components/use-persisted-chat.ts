"use client";

import type { ChatStatus } from "ai";
import { useCallback, useEffect, useState } from "react";
import { readSavedConversation, saveConversation, type SavedMessage } from "@/lib/chat/saved-conversation";

/**
 * Keeps the conversation in the tab's sessionStorage, so following a source and pressing
 * Back brings it back: restored once after mount (the server render has no storage, so
 * restoring earlier would not match it), saved whenever it changes and no answer is
 * streaming. Returns `clear`, which empties both the chat and what was saved.
 */
export function usePersistedChat<M extends SavedMessage>({ messages, status, setMessages }: { messages: M[]; status: ChatStatus; setMessages: (update: (current: M[]) => M[]) => void }): { clear: () => void } {
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const saved = readSavedConversation() as M[];
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
