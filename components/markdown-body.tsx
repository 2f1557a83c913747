import { renderMarkdown } from "@/lib/content/markdown";

/**
 * A document body rendered on the server by the same remark pipeline the indexer
 * chunks, so every heading id matches a chunk's anchor. Raw HTML is dropped by the
 * pipeline, so the string is safe to inject.
 */
export function MarkdownBody({ markdown }: { markdown: string }) {
  return (
    <div
      className="prose prose-zinc max-w-none dark:prose-invert prose-headings:scroll-mt-6 prose-a:text-sky-700 dark:prose-a:text-sky-400"
      dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }}
    />
  );
}
