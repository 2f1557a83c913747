import type { Chunk } from "../chunk/types";
import { indexTokens } from "./bm25";
import { fieldsOfChunk } from "./bm25-fields";

/** Mentions in one document from which a word counts as something the document is about, not a passing mention. */
export const TOPICAL_MENTIONS = 2;

interface Topics {
  /** Per document URL, how often each token occurs in its chunks. */
  mentions: Map<string, Map<string, number>>;
  /** Per chunk position, the tokens of its title, headings and tags. */
  labels: Array<Set<string>>;
}

const cache = new WeakMap<Chunk[], Topics>();

/** Token counts per document and label tokens per chunk, computed once per index. */
function topicsOf(chunks: Chunk[]): Topics {
  let topics = cache.get(chunks);
  if (!topics) {
    const mentions = new Map<string, Map<string, number>>();
    const labels = chunks.map((chunk) => {
      const counts = mentions.get(chunk.documentUrl) ?? new Map<string, number>();
      for (const token of indexTokens(chunk.text)) counts.set(token, (counts.get(token) ?? 0) + 1);
      mentions.set(chunk.documentUrl, counts);
      const { title, headings, tags } = fieldsOfChunk(chunk);
      return new Set(indexTokens(`${title} ${headings} ${tags}`));
    });
    topics = { mentions, labels };
    cache.set(chunks, topics);
  }
  return topics;
}

/**
 * True when chunk `position` is about one of these tokens: one is in its title, headings
 * or tags, or its document mentions one at least TOPICAL_MENTIONS times. "Put your
 * contact details on the last slide" mentions contact once: the writing is not about it.
 */
export function isTopicalIn({ chunks, position, tokens }: { chunks: Chunk[]; position: number; tokens: string[] }): boolean {
  const { mentions, labels } = topicsOf(chunks);
  const counts = mentions.get(chunks[position]!.documentUrl);
  return tokens.some((token) => labels[position]!.has(token) || (counts?.get(token) ?? 0) >= TOPICAL_MENTIONS);
}
