import type { SourceUrlUIPart } from "ai";

/** How many sources show before "all sources": the cited ones, or the top few when none are cited. */
const UNCITED_SOURCES_SHOWN = 4;

/** The sources under one answer: the cited ones first ("Document › Section", deep-linked), the rest folded away. */
export function ChatSources({ sources, cited }: { sources: SourceUrlUIPart[]; cited: Set<string> }) {
  if (sources.length === 0) return null;
  const shown = cited.size > 0 ? sources.filter((s) => cited.has(s.sourceId)) : sources.slice(0, UNCITED_SOURCES_SHOWN);
  const rest = sources.filter((s) => !shown.includes(s));
  return (
    <div className="mt-3 text-sm">
      <h3 className="sr-only">Sources</h3>
      <SourceList sources={shown} />
      {rest.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer rounded text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
            {rest.length} more {rest.length === 1 ? "source" : "sources"}
          </summary>
          <SourceList sources={rest} />
        </details>
      )}
    </div>
  );
}

function SourceList({ sources }: { sources: SourceUrlUIPart[] }) {
  return (
    <ol className="mt-1 space-y-1" data-chat-sources>
      {sources.map((source) => (
        <li key={source.sourceId} className="flex min-w-0 gap-2">
          <span className="shrink-0 tabular-nums text-zinc-500 dark:text-zinc-400">[{source.sourceId}]</span>
          <a
            href={source.url}
            className="min-w-0 break-words text-sky-700 underline decoration-sky-700/30 underline-offset-2 hover:decoration-sky-700 dark:text-sky-400 dark:decoration-sky-400/30"
            data-source-link
          >
            {source.title ?? source.url}
          </a>
        </li>
      ))}
    </ol>
  );
}
