"use client";

import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { MAX_USER_TEXT_CHARS } from "@/lib/chat/limits";
import { readSavedConversation } from "@/lib/chat/saved-conversation";
import type { ConversationHandle, ConversationState } from "./chat-conversation";
import { ChatError } from "./chat-error";
import { ChatLog } from "./chat-log";
import { ChatMessage, questionMessage } from "./chat-message";
import { ChatStatus } from "./chat-status";
import { ChatSuggestions } from "./chat-suggestions";
import { preloadChatMarkdown } from "./lazy-chat-markdown";
import { loadChatConversation, type ChatConversationComponent } from "./load-chat-conversation";

const button = "rounded-lg px-3 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50";
const quietButton = `${button} border border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800`;

/**
 * The front-page chat (client): the question box, Ask and the suggestions, light enough to
 * hydrate with the page. The conversation's code (AI SDK, zod) loads when the visitor comes
 * near the chat (pointer, focus) or a saved conversation waits; a question asked before it
 * arrives shows at once with its status line and is sent when it lands.
 */
export function ChatPanel({ suggestedQuestions, author }: { suggestedQuestions: string[]; author: string }) {
  const [input, setInput] = useState("");
  const [waitHint, setWaitHint] = useState(false);
  const [Conversation, setConversation] = useState<ChatConversationComponent | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [queued, setQueued] = useState<string>(); // asked before the conversation's code arrived
  const [state, setState] = useState<ConversationState | null>(null); // null until the conversation has loaded and said
  const conversation = useRef<ConversationHandle>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const loadingQuestion = queued !== undefined && !loadError && state === null;
  const busy = state?.busy ?? loadingQuestion;

  // Every pointer and focus event in the chat asks for the code; only the first (or the first after a failure) fetches it.
  const loading = useRef(false);
  const load = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    preloadChatMarkdown();
    loadChatConversation().then(
      (component) => (setLoadError(null), setConversation(() => component)),
      (error: Error) => {
        loading.current = false;
        setLoadError(error);
      },
    );
  }, []);
  useEffect(() => {
    if (readSavedConversation().length > 0) load(); // Back from a source: bring the conversation back at once
  }, [load]);

  const ask = (text: string) => {
    const question = text.trim();
    if (!question) return;
    if (busy || (conversation.current && !conversation.current.ask(question))) return setWaitHint(true); // never silently ignored
    setWaitHint(false);
    if (!conversation.current) {
      setQueued(question);
      setLoadError(null);
      load();
    }
    setInput("");
    inputRef.current?.focus();
  };
  // Before the conversation's code arrives nothing was sent: stopping puts the question back in the box.
  const stopAnswer = useCallback(() => {
    if (conversation.current) return conversation.current.stop();
    if (queued !== undefined) setInput(queued);
    setQueued(undefined);
    inputRef.current?.focus();
  }, [queued]);
  // Esc stops an answer from anywhere on the page, while its code loads or while it streams.
  useEffect(() => {
    if (!busy) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => void (event.key === "Escape" && stopAnswer());
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [busy, stopAnswer]);

  const followUps = state?.followUps ?? [];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    ask(input);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      ask(input);
    }
  };

  return (
    <div className="mt-4 min-w-0 space-y-4" data-chat onPointerEnter={load} onPointerDown={load} onFocus={load}>
      {Conversation ? (
        <Conversation ref={conversation} author={author} firstQuestion={queued} inputRef={inputRef} onStateChange={setState} />
      ) : (
        <ChatLog author={author} busy={loadingQuestion} focusable={queued !== undefined}>
          {queued !== undefined ? (
            <>
              <div className="space-y-1">
                <ChatMessage message={questionMessage(queued)} streaming={false} />
              </div>
              <ChatStatus pending={loadingQuestion} />
              {loadError ? <ChatError error={loadError} onRetry={() => (setLoadError(null), load())} /> : null}
            </>
          ) : null}
        </ChatLog>
      )}

      <form onSubmit={onSubmit} className="sticky bottom-0 z-10 space-y-2 bg-white py-2 dark:bg-zinc-950">
        <label htmlFor="chat-question" className="sr-only">
          Your question
        </label>
        <textarea
          ref={inputRef}
          id="chat-question"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={onKeyDown}
          rows={2}
          maxLength={MAX_USER_TEXT_CHARS}
          placeholder="Ask about my work, e.g. what kind of ML work have you done?"
          aria-describedby="chat-hint"
          className="block w-full resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
        <div className="flex flex-wrap items-center gap-2">
          {busy ? (
            <button type="button" onClick={stopAnswer} className={`${button} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300`}>
              Stop
            </button>
          ) : (
            <button type="submit" disabled={!input.trim()} className={`${button} bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500`}>
              Ask
            </button>
          )}
          {state?.hasMessages && !busy && (
            <button type="button" className={quietButton} onClick={() => (conversation.current?.clear(), inputRef.current?.focus())}>
              Clear
            </button>
          )}
          <p id="chat-hint" className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite" data-chat-hint>
            {waitHint && busy ? "Still answering: press Esc to stop it, or wait; your question stays here." : "Enter sends, Shift+Enter adds a line, Esc stops."}
          </p>
        </div>
      </form>

      <ChatSuggestions
        questions={followUps.length > 0 ? followUps : suggestedQuestions}
        followUps={followUps.length > 0}
        disabled={busy}
        onAsk={ask}
      />
    </div>
  );
}
