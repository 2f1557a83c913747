import type { SourceUrlUIPart } from "ai";
import type { Parent, PhrasingContent, Root, Text } from "mdast";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import { SKIP, visit } from "unist-util-visit";

/** A citation marker as the model writes it: `[n]` with one or two digits. */
const CITATION = /\[(\d{1,2})\]/g;

/**
 * The path of `href` when it points into this site (a relative path, or this page's own
 * origin), else undefined: `//host`, `/\host`, other origins and `javascript:` all fail
 * because the URL parser resolves them the way the browser would.
 */
export function sitePathOf(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const origin = typeof window === "undefined" ? "http://site.invalid" : window.location.origin;
  try {
    const url = new URL(href, `${origin}/`);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Replaces each `[n]` in plain text that names a source the server sent with a citation
 * node. Text inside the model's own links is left alone, so `[[1]](https://…)` stays the
 * model's link (and is then shown as plain text), never a citation.
 */
function remarkCitations({ ids }: { ids: Set<string> }) {
  return (tree: Root) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      if (node.type === "link" || node.type === "linkReference") return SKIP;
      if (node.type !== "text" || !parent || index === undefined) return;
      const pieces = splitCitations((node as Text).value, ids);
      if (pieces.length === 1) return;
      parent.children.splice(index, 1, ...(pieces as PhrasingContent[]));
      return [SKIP, index + pieces.length];
    });
  };
}

function splitCitations(value: string, ids: Set<string>): unknown[] {
  const pieces: unknown[] = [];
  let last = 0;
  for (const match of value.matchAll(CITATION)) {
    if (!ids.has(match[1]!)) continue;
    if (match.index > last) pieces.push({ type: "text", value: value.slice(last, match.index) });
    // hProperties cannot come from markdown text: only this plugin makes a citation.
    pieces.push({ type: "citation", data: { hName: "a", hProperties: { dataCitation: match[1] } }, children: [{ type: "text", value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (last < value.length) pieces.push({ type: "text", value: value.slice(last) });
  return pieces;
}

function markdownComponents(sources: SourceUrlUIPart[]): Components {
  return {
    a({ node, href, title, children }) {
      const citation = node?.properties?.dataCitation;
      if (citation !== undefined) {
        const source = sources.find((s) => s.sourceId === String(citation));
        const path = sitePathOf(source?.url);
        if (!source || !path) return <>{children}</>;
        return (
          <a href={path} aria-label={`Source ${source.sourceId}: ${source.title ?? path}`} title={source.title} className="rounded px-0.5 text-xs font-medium text-sky-700 no-underline hover:underline dark:text-sky-400" data-citation>
            [{source.sourceId}]
          </a>
        );
      }
      const path = sitePathOf(href);
      // A link out of the site in model output is shown as its text: the model does not get to send visitors elsewhere.
      return path ? <a href={path} title={title}>{children}</a> : <span data-unlinked>{children}</span>;
    },
    // No image from model output is rendered, so none is fetched (a tracking pixel, an off-site picture).
    img: () => null,
  };
}

/**
 * Markdown written by an answer model (or quoted by the extractive rung), rendered so the
 * model controls no destination: raw HTML is dropped, images are not rendered, links
 * survive only into this site, and `[n]` links to the server's source n.
 */
export function ChatMarkdown({ text, sources }: { text: string; sources: SourceUrlUIPart[] }) {
  const ids = new Set(sources.map((s) => s.sourceId));
  return (
    <Markdown skipHtml remarkPlugins={[remarkGfm, [remarkCitations, { ids }]]} components={markdownComponents(sources)}>
      {text}
    </Markdown>
  );
}
