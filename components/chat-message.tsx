import type { SourceUrlUIPart } from "ai";
import type { ChatUIMessage } from "@/lib/chat/types";
import { ChatMarkdown, citedSourceIds } from "./chat-markdown";
import { ChatSources } from "./chat-sources";

/** One message: the visitor's question, or an answer rendered as safe markdown with linked citations and sources. */
export function ChatMessage({ message, streaming }: { message: ChatUIMessage; streaming: boolean }) {
  const text = message.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
  if (message.role === "user") {
    return (
      <div className="ml-auto w-fit max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-zinc-100 px-4 py-2 dark:bg-zinc-800" data-role="user">
        {text}
      </div>
    );
  }
  const sources = message.parts.filter((p): p is SourceUrlUIPart => p.type === "source-url");
  const cited = citedSourceIds(text, sources);
  const { retrieval, answer } = message.metadata ?? {};
  return (
    <div className="min-w-0" data-role="assistant">
      <div className="prose prose-zinc max-w-none break-words dark:prose-invert prose-p:my-2 prose-a:text-sky-700 dark:prose-a:text-sky-400">
        {text ? (
          <ChatMarkdown text={text} sources={sources} />
        ) : (
          streaming && <p className="animate-pulse text-zinc-500">Reading my notes…</p>
        )}
      </div>
      {/* An extractive answer carries its own label in the text; the note only says how the sources were found, and a not-covered reply has none. */}
      {retrieval === "lexical" && answer !== "not-covered" && (
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400" data-chat-note>
          Found by keyword search only; related passages worded differently may be missing.
        </p>
      )}
      {!streaming && <ChatSources sources={sources} cited={cited} />}
    </div>
  );
}
