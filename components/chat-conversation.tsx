"use client";

import "./zod-without-eval"; // first: before `ai` builds its zod schemas (see the file)
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { memo, useEffect, useImperativeHandle, useRef, useState, type Ref, type RefObject } from "react";
import { readSavedConversation } from "@/lib/chat/saved-conversation";
import type { ChatUIMessage } from "@/lib/chat/types";
import { ChatError } from "./chat-error";
import { fetchChat } from "./chat-errors";
import { ChatLog } from "./chat-log";
import { ChatMessage, messageText, questionMessage } from "./chat-message";
import { ChatStatus, StoppedNote } from "./chat-status";
import { preloadChatMarkdown } from "./lazy-chat-markdown";
import { MessageActions } from "./message-actions";
import { isBusy, useChatControls } from "./use-chat-controls";
import { usePersistedChat } from "./use-persisted-chat";

/** Messages sent per request: enough for follow-ups, and well inside the route's 24-message limit. */
const CLIENT_HISTORY_MESSAGES = 12;

/** One list for "no follow-ups", so the state handed to the panel keeps its identity between renders. */
const NO_FOLLOW_UPS: string[] = [];

/**
 * One exchange's row. `useChat` keeps the objects of finished messages, so while an answer
 * streams only its own row renders again, not every earlier answer's markdown.
 */
const MessageRow = memo(function MessageRow({ message, streaming, stopped }: { message: ChatUIMessage; streaming: boolean; stopped: boolean }) {
  const text = messageText(message);
  return (
    <div data-message-id={message.id} className="space-y-1">
      <ChatMessage message={message} streaming={streaming} />
      {message.role === "assistant" && !streaming && text ? <MessageActions text={text} insightId={message.metadata?.insightId} /> : null}
      {stopped ? <StoppedNote /> : null}
    </div>
  );
});

/** What the question box and suggestions (components/chat-panel.tsx) need to know about the conversation. */
export interface ConversationState {
  busy: boolean;
  hasMessages: boolean;
  followUps: string[];
}

/** What the question box can do to the conversation; `ask` returns false while an answer is still coming. */
export interface ConversationHandle {
  ask: (question: string) => boolean;
  stop: () => void;
  clear: () => void;
}

/**
 * The conversation (client, loaded on first use by components/load-chat-conversation.ts):
 * `useChat` sending the last 12 messages, restored from the tab's saved conversation, one
 * component per state. `firstQuestion`, asked while this code loaded, shows at once and is sent once.
 */
export function ChatConversation({ author, firstQuestion, inputRef, onStateChange, ref }: {
  author: string;
  firstQuestion?: string;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onStateChange: (state: ConversationState) => void;
  ref: Ref<ConversationHandle>;
}) {
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
  // Only ever rendered in the browser (after a dynamic import), so storage can be read at once.
  const [saved] = useState(readSavedConversation);
  const { messages, sendMessage, status, stop, error, regenerate, setMessages, clearError } = useChat<ChatUIMessage>({ transport, messages: saved });
  // Sources open in this tab, on their section; Back finds the conversation where it was.
  const { clear } = usePersistedChat({ messages, status, setMessages });
  const logRef = useRef<HTMLDivElement>(null);
  const { stopped, stopAnswer } = useChatControls({ messages, status, stop, inputRef, logRef });

  // Sending is asynchronous: until `useChat` takes the first question, it is shown as it was in the panel.
  const [firstTaken, setFirstTaken] = useState(firstQuestion === undefined);
  if (!firstTaken && status !== "ready") setFirstTaken(true);
  const waitingFirst = !firstTaken && firstQuestion !== undefined;
  const shown = waitingFirst ? [...messages, questionMessage(firstQuestion)] : messages;

  const busy = waitingFirst || isBusy(status);
  const last = shown.at(-1);
  const pending = waitingFirst || status === "submitted" || (status === "streaming" && (last?.role !== "assistant" || messageText(last) === ""));
  const followUps = !busy && last?.role === "assistant" ? (last.metadata?.followUps ?? NO_FOLLOW_UPS) : NO_FOLLOW_UPS;

  const busyNow = useRef(busy);
  busyNow.current = busy;
  const ask = (question: string) => {
    if (busyNow.current) return false;
    busyNow.current = true; // a second Enter before the next render is refused too
    clearError();
    preloadChatMarkdown();
    void sendMessage({ text: question });
    return true;
  };
  useImperativeHandle(ref, () => ({ ask, stop: stopAnswer, clear: () => (clear(), clearError()) }));

  const sentFirst = useRef(false);
  useEffect(() => {
    if (sentFirst.current || firstQuestion === undefined) return;
    sentFirst.current = true;
    clearError();
    void sendMessage({ text: firstQuestion });
  }, [firstQuestion, sendMessage, clearError]);

  const hasMessages = shown.length > 0;
  useEffect(() => {
    onStateChange({ busy, hasMessages, followUps });
  }, [busy, hasMessages, followUps, onStateChange]);

  return (
    <ChatLog ref={logRef} author={author} busy={busy} focusable={hasMessages}>
      {shown.map((message, i) => (
        <MessageRow key={message.id} message={message} streaming={busy && i === shown.length - 1} stopped={stopped.has(message.id)} />
      ))}
      {hasMessages ? <ChatStatus pending={pending} /> : null}
      {error ? <ChatError error={error} onRetry={() => (clearError(), void regenerate())} /> : null}
    </ChatLog>
  );
}
