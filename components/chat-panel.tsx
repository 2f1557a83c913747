"use client";

import "./zod-without-eval"; // first: before `ai` builds its zod schemas (see the file)
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { MAX_USER_TEXT_CHARS } from "@/lib/chat/limits";
import type { ChatUIMessage } from "@/lib/chat/types";
import { ChatError } from "./chat-error";
import { fetchChat } from "./chat-errors";
import { ChatMessage } from "./chat-message";
import { preloadChatMarkdown } from "./lazy-chat-markdown";
import { ChatStatus, StoppedNote } from "./chat-status";
import { ChatSuggestions } from "./chat-suggestions";
import { MessageActions } from "./message-actions";
import { useChatControls } from "./use-chat-controls";
import { usePersistedChat } from "./use-persisted-chat";

/** Messages sent per request: enough for follow-ups, and well inside the route's 24-message limit. */
const CLIENT_HISTORY_MESSAGES = 12;

const button = "rounded-lg px-3 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50";
const quietButton = `${button} border border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800`;

const textOf = (message: ChatUIMessage) => message.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");

/** The front-page chat: ask, watch the answer stream with its sources, stop, retry, rate, copy, clear; kept for the tab across pages. */
export function ChatPanel({ suggestedQuestions, author }: { suggestedQuestions: string[]; author: string }) {
  const [transport] = useState(
    () =>
      new DefaultChatTransport<ChatUIMessage>({
        api: "/api/chat",
        fetch: fetchChat,
        prepareSendMessagesRequest: ({ id, messages, trigger, messageId }) => ({
          body: { id, messages: messages.slice(-CLIENT_HISTORY_MESSAGES), trigger, messageId },
        }),
      }),
  );
  const { messages, sendMessage, status, stop, error, regenerate, setMessages, clearError } = useChat<ChatUIMessage>({ transport });
  // Sources open in this tab, on their section; Back finds the conversation where it was.
  const { clear } = usePersistedChat({ messages, status, setMessages });
  const [input, setInput] = useState("");
  const [waitHint, setWaitHint] = useState(false);
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const busy = status === "submitted" || status === "streaming";
  const { stopped, stopAnswer } = useChatControls({ messages, status, stop, inputRef, logRef });

  const last = messages.at(-1);
  const pending = status === "submitted" || (status === "streaming" && (last?.role !== "assistant" || textOf(last) === ""));
  const lastAnswer = messages.findLast((m) => m.role === "assistant");
  const followUps = !busy && last?.role === "assistant" ? (lastAnswer?.metadata?.followUps ?? []) : [];

  const ask = (text: string) => {
    const question = text.trim();
    if (!question) return;
    if (busy) return setWaitHint(true); // never silently ignored: the hint says what to do
    setWaitHint(false);
    clearError();
    preloadChatMarkdown(); // a suggestion is clicked without focusing the box: start loading the renderer now
    void sendMessage({ text: question });
    setInput("");
    inputRef.current?.focus();
  };
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
    <div className="mt-4 min-w-0 space-y-4" data-chat>
      <div
        ref={logRef}
        role="log"
        aria-live="polite"
        aria-busy={busy}
        aria-label={`Conversation with ${author}'s writing`}
        tabIndex={messages.length > 0 ? 0 : undefined}
        className="relative max-h-[60dvh] space-y-4 overflow-y-auto overscroll-contain rounded-lg empty:hidden"
        data-chat-log
      >
        {messages.map((message, i) => (
          <div key={message.id} data-message-id={message.id} className="space-y-1">
            <ChatMessage message={message} streaming={busy && i === messages.length - 1} />
            {message.role === "assistant" && !(busy && i === messages.length - 1) && textOf(message) ? <MessageActions text={textOf(message)} insightId={message.metadata?.insightId} /> : null}
            {stopped.has(message.id) ? <StoppedNote /> : null}
          </div>
        ))}
        {messages.length > 0 ? <ChatStatus pending={pending} /> : null}
        {error ? <ChatError error={error} onRetry={() => (clearError(), void regenerate())} /> : null}
      </div>

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
          onFocus={preloadChatMarkdown}
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
          {messages.length > 0 && !busy && (
            <button type="button" className={quietButton} onClick={() => (clear(), clearError(), inputRef.current?.focus())}>
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
