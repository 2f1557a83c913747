import type { SourceUrlUIPart } from "ai";
import type { ChatUIMessage } from "@/lib/chat/types";
import { citedSourceIds } from "./citations";
import { LazyChatMarkdown } from "./lazy-chat-markdown";
import { ChatSources } from "./chat-sources";

/** A message's text, its text parts joined. */
export const messageText = (message: ChatUIMessage) => message.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");

/** A question not yet taken by `useChat` (asked while the conversation's code loads), shown as it will be. */
export const questionMessage = (text: string): ChatUIMessage => ({ id: "question-in-waiting", role: "user", parts: [{ type: "text", text }] });

/** One message: the visitor's question, or an answer rendered as safe markdown with linked citations and sources. */
export function ChatMessage({ message, streaming }: { message: ChatUIMessage; streaming: boolean }) {
  const text = messageText(message);
  if (message.role === "user") {
    return (
      <div className="ml-auto w-fit max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-zinc-100 px-4 py-2 dark:bg-zinc-800" data-role="user">
        {text}
      </div>
    );
  }
  const sources = message.parts.filter((p): p is SourceUrlUIPart => p.type === "source-url");
  const cited = citedSourceIds(text, sources);
  const { retrieval } = message.metadata ?? {};
  return (
    <div className="min-w-0" data-role="assistant">
      <div className="prose prose-zinc max-w-none break-words dark:prose-invert prose-p:my-2 prose-a:text-sky-700 dark:prose-a:text-sky-400">
        {text ? (
          <LazyChatMarkdown text={text} sources={sources} />
        ) : (
          null /* while no words have arrived, the panel's role="status" line says so */
        )}
      </div>
      {/* The extractive answer labels itself; a footnote only qualifies sources, so none under an answer without them (a not-covered reply has none). */}
      {retrieval === "lexical" && sources.length > 0 && !streaming && (
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400" data-chat-note>
          Found by keyword search only; related passages worded differently may be missing.
        </p>
      )}
      {!streaming && <ChatSources sources={sources} cited={cited} />}
    </div>
  );
}
