import { CONTEXT_CHAR_BUDGET } from "./constants";
import type { Chunk } from "../chunk/types";
import type { SearchResult } from "./types";

/** One numbered source as the answer model and the visitor see it. */
export interface PackedSource {
  n: number;
  /** "Document › Section". */
  title: string;
  /** Deep link, e.g. `/blog/<slug>#<anchor>`. */
  url: string;
  text: string;
  /** The document's ISO date, title and kind, copied from the chunk (the extractive answer dates "latest" items). */
  date?: string;
  documentTitle?: string;
  kind?: Chunk["kind"];
}

/** Between two passages of one source (parts of one long section share its URL). */
export const PASSAGE_SEPARATOR = "\n\n…\n\n";

function render(sources: PackedSource[]): string {
  return sources.map((source) => `[${source.n}] ${source.title} (${source.url})\n${source.text}`).join("\n\n");
}

/**
 * Packs results in rank order into at most `maxChars` of context, numbered 1..n by
 * distinct URL: parts of one long section (or of a document without headings) join the
 * source that first named their link, so a visitor never sees the same link twice. A
 * passage that does not fit whole is cut to what is left, and packing stops there.
 */
export function packContext({ results, maxChars = CONTEXT_CHAR_BUDGET }: { results: SearchResult[]; maxChars?: number }): { sources: PackedSource[]; text: string } {
  const sources: PackedSource[] = [];
  const byUrl = new Map<string, PackedSource>();
  let used = 0;
  for (const { chunk } of results) {
    const existing = byUrl.get(chunk.url);
    const overhead = existing
      ? PASSAGE_SEPARATOR.length
      : (sources.length > 0 ? 2 : 0) + `[${sources.length + 1}] ${chunk.title} (${chunk.url})\n`.length;
    const room = maxChars - used - overhead;
    if (room <= 0) break;
    const text = chunk.text.length <= room ? chunk.text : `${chunk.text.slice(0, Math.max(0, room - 1))}…`;
    if (existing) {
      existing.text += PASSAGE_SEPARATOR + text;
    } else {
      const source = { n: sources.length + 1, title: chunk.title, url: chunk.url, text, date: chunk.date, documentTitle: chunk.documentTitle, kind: chunk.kind };
      sources.push(source);
      byUrl.set(chunk.url, source);
    }
    used += overhead + text.length;
    if (text.length < chunk.text.length) break;
  }
  return { sources, text: render(sources) };
}
