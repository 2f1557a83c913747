import { lazy, Suspense } from "react";
import type { SourceUrlUIPart } from "ai";

// The markdown renderer (react-markdown, remark-gfm, micromark) is most of the chat's
// code yet no page needs it until an answer arrives: it loads then, or earlier when the
// visitor starts typing or asks (see preloadChatMarkdown), so it weighs nothing on the first paint.
const loadChatMarkdown = () => import("./chat-markdown");
const ChatMarkdown = lazy(() => loadChatMarkdown().then((module) => ({ default: module.ChatMarkdown })));

/** Starts loading the markdown renderer ahead of the first answer (when the visitor comes near the chat, and when a question is sent). */
export function preloadChatMarkdown(): void {
  // Only a head start: offline it fails quietly, and the answer's own render loads it again.
  loadChatMarkdown().catch(() => undefined);
}

/** An answer as safe markdown (components/chat-markdown.tsx); its plain text, escaped by React, while the renderer loads. */
export function LazyChatMarkdown({ text, sources }: { text: string; sources: SourceUrlUIPart[] }) {
  return (
    <Suspense fallback={<p className="whitespace-pre-wrap" data-markdown-pending>{text}</p>}>
      <ChatMarkdown text={text} sources={sources} />
    </Suspense>
  );
}
