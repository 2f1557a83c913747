"use client";

import "./zod-without-eval"; // first: before `ai` builds its zod schemas (see the file)
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { MAX_USER_TEXT_CHARS } from "@/lib/chat/limits";
import type { ChatUIMessage } from "@/lib/chat/types";
import { ChatMessage } from "./chat-message";
import { usePersistedChat } from "./use-persisted-chat";

/** Messages sent per request: enough for follow-ups, and well inside the route's 24-message limit. */
const CLIENT_HISTORY_MESSAGES = 12;

const button = "rounded-lg px-3 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50";
const quietButton = `${button} border border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800`;

/** The route's JSON error (`{"error": {"message"}}`) or a stream error, as one readable sentence. */
function describeError(error: Error): string {
  try {
    const parsed = JSON.parse(error.message) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // not JSON: a stream error part, whose text is already meant for visitors
  }
  return error.message || "Something went wrong. Please try again.";
}

/** The front-page chat: ask, watch the answer stream with its sources, stop, retry, clear; kept for the tab across pages. */
export function ChatPanel({ suggestedQuestions, author }: { suggestedQuestions: string[]; author: string }) {
  const [transport] = useState(
    () =>
      new DefaultChatTransport<ChatUIMessage>({
        api: "/api/chat",
        prepareSendMessagesRequest: ({ id, messages, trigger, messageId }) => ({
          body: { id, messages: messages.slice(-CLIENT_HISTORY_MESSAGES), trigger, messageId },
        }),
      }),
  );
  const { messages, sendMessage, status, stop, error, regenerate, setMessages, clearError } = useChat<ChatUIMessage>({ transport });
  // Sources open in this tab, on their section; Back finds the conversation where it was.
  const { clear } = usePersistedChat({ messages, status, setMessages });
  const [input, setInput] = useState("");
  const logRef = useRef<HTMLDivElement>(null);
  const busy = status === "submitted" || status === "streaming";

  useEffect(() => {
    logRef.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [messages]);

  const ask = (text: string) => {
    const question = text.trim();
    if (!question || busy) return;
    clearError();
    void sendMessage({ text: question });
    setInput("");
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
  const onSectionKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape" && busy) stop();
  };

  return (
    <div className="mt-4 min-w-0 space-y-4" onKeyDown={onSectionKeyDown} data-chat>
      <div ref={logRef} role="log" aria-live="polite" aria-busy={busy} aria-label={`Conversation with ${author}'s writing`} className="space-y-4" data-chat-log>
        {messages.map((message, i) => (
          <ChatMessage key={message.id} message={message} streaming={busy && i === messages.length - 1} />
        ))}
      </div>

      {error && (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200" data-chat-error>
          <span className="min-w-0 flex-1">{describeError(error)}</span>
          <button type="button" className={quietButton} onClick={() => void regenerate()}>
            Retry
          </button>
        </div>
      )}

      <form onSubmit={onSubmit} className="space-y-2">
        <label htmlFor="chat-question" className="sr-only">
          Your question
        </label>
        <textarea
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
            <button type="button" onClick={stop} className={`${button} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300`}>
              Stop
            </button>
          ) : (
            <button type="submit" disabled={!input.trim()} className={`${button} bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500`}>
              Ask
            </button>
          )}
          {messages.length > 0 && !busy && (
            <button type="button" className={quietButton} onClick={() => (clear(), clearError())}>
              Clear
            </button>
          )}
          <p id="chat-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
            Enter sends, Shift+Enter adds a line, Esc stops.
          </p>
        </div>
      </form>

      <div>
        <h3 className="text-sm font-medium text-zinc-600 dark:text-zinc-400" id="chat-suggestions">
          Try asking
        </h3>
        <ul className="mt-2 flex flex-wrap gap-2" aria-labelledby="chat-suggestions">
          {suggestedQuestions.map((question) => (
            <li key={question}>
              <button type="button" disabled={busy} onClick={() => ask(question)} className={`${quietButton} rounded-full py-1 text-left`} data-suggested-question>
                {question}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
