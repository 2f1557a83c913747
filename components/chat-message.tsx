import type { SourceUrlUIPart } from "ai";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import type { ChatUIMessage } from "@/lib/chat/types";
import { ChatSources } from "./chat-sources";

const CITATION = /\[(\d{1,2})\](?![(\[])/g;

/** Turns `[n]` markers that name a known source into markdown links titled `cite:n`. */
function linkCitations(text: string, sources: SourceUrlUIPart[]): string {
  const byId = new Map(sources.map((s) => [s.sourceId, s]));
  return text.replace(CITATION, (marker, n: string) => {
    const source = byId.get(n);
    return source ? `[\\[${n}\\]](<${source.url}> "cite:${n}")` : marker;
  });
}

const markdownComponents = (sources: SourceUrlUIPart[]): Components => ({
  a({ href, title, children }) {
    if (title?.startsWith("cite:")) {
      const source = sources.find((s) => s.sourceId === title.slice(5));
      return (
        <a href={href} aria-label={`Source ${title.slice(5)}: ${source?.title ?? href}`} title={source?.title} className="rounded px-0.5 text-xs font-medium text-sky-700 no-underline hover:underline dark:text-sky-400" data-citation>
          {children}
        </a>
      );
    }
    return <a href={href} title={title} rel="nofollow noopener">{children}</a>;
  },
});

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
  const cited = new Set([...text.matchAll(CITATION)].map((m) => m[1]!).filter((n) => sources.some((s) => s.sourceId === n)));
  const { retrieval } = message.metadata ?? {};
  return (
    <div className="min-w-0" data-role="assistant">
      <div className="prose prose-zinc max-w-none break-words dark:prose-invert prose-p:my-2 prose-a:text-sky-700 dark:prose-a:text-sky-400">
        {text ? (
          <Markdown skipHtml remarkPlugins={[remarkGfm]} components={markdownComponents(sources)}>
            {linkCitations(text, sources)}
          </Markdown>
        ) : (
          null /* while no words have arrived, the panel's role="status" line says so */
        )}
      </div>
      {/* The extractive answer labels itself; a footnote only qualifies sources, so none under an answer without them. */}
      {retrieval === "lexical" && sources.length > 0 && !streaming && (
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400" data-chat-note>
          Found by keyword search only; related passages worded differently may be missing.
        </p>
      )}
      {!streaming && <ChatSources sources={sources} cited={cited} />}
    </div>
  );
}
