import { CONTEXT_CHAR_BUDGET } from "./constants";
import type { SearchResult } from "./types";

/** One numbered source as the answer model and the visitor see it. */
export interface PackedSource {
  n: number;
  title: string;
  url: string;
  text: string;
}

/**
 * Packs results in rank order into at most `maxChars` of context, numbered 1..n; a
 * source that does not fit whole is cut to what is left, and packing stops there.
 */
export function packContext({ results, maxChars = CONTEXT_CHAR_BUDGET }: { results: SearchResult[]; maxChars?: number }): { sources: PackedSource[]; text: string } {
  const sources: PackedSource[] = [];
  const parts: string[] = [];
  let used = 0;
  for (const { chunk } of results) {
    const n = sources.length + 1;
    const header = `[${n}] ${chunk.title} (${chunk.url})\n`;
    const separator = parts.length > 0 ? 2 : 0;
    const room = maxChars - used - separator - header.length;
    if (room <= 0) break;
    const text = chunk.text.length <= room ? chunk.text : `${chunk.text.slice(0, Math.max(0, room - 1))}…`;
    sources.push({ n, title: chunk.title, url: chunk.url, text });
    parts.push(header + text);
    used += separator + header.length + text.length;
    if (text.length < chunk.text.length) break;
  }
  return { sources, text: parts.join("\n\n") };
}
