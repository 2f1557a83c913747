import type { Chunk } from "../chunk/types";
import { indexTokens } from "./bm25";
import { fieldsOfChunk } from "./bm25-fields";

/** Mentions in one chunk from which a word counts as something the chunk is about, not a passing mention. */
export const TOPICAL_MENTIONS = 2;

/** Fewest items a line must list (split on commas or semicolons) to count as a list of named things ("Data: DuckDB, dbt, pgvector"). */
export const LIST_MIN_ITEMS = 3;

/** Most words one listed item may have: longer pieces are clauses of a sentence, not names. */
export const LIST_ITEM_MAX_WORDS = 5;

interface Topics {
  /** Per chunk position, how often each token occurs in its text. */
  mentions: Array<Map<string, number>>;
  /** Per chunk position, the tokens of its title, headings, tags and listed items. */
  labels: Array<Set<string>>;
  /** Per chunk position, the tokens of its title, headings and tags alone: the place the author named. */
  places: Array<Set<string>>;
}

const cache = new WeakMap<Chunk[], Topics>();

/**
 * The tokens of the items a body lists on one line: "- **Data:** DuckDB, Polars, PostgreSQL
 * with pgvector" names each item as the author's own label, as a tag would. A line of
 * prose has long pieces between its commas, so it lists nothing.
 */
export function listedTokensOf(body: string): string[] {
  return body.split("\n").flatMap((line) => {
    const items = line.replace(/^[\s>*+-]*(\*\*[^*]*\*\*|[^,;:]{1,40}:)?/, "").split(/[,;]/).map((item) => item.trim()).filter(Boolean);
    const isList = items.length >= LIST_MIN_ITEMS && items.every((item) => item.split(/\s+/).length <= LIST_ITEM_MAX_WORDS);
    return isList ? items.flatMap(indexTokens) : [];
  });
}

/** Token counts, label and place tokens per chunk, computed once per index (see `prepareSearchIndex`). */
export function topicsOf(chunks: Chunk[]): Topics {
  let topics = cache.get(chunks);
  if (!topics) {
    topics = { mentions: [], labels: [], places: [] };
    for (const chunk of chunks) {
      const { title, headings, tags, body } = fieldsOfChunk(chunk);
      const counts = new Map<string, number>();
      for (const token of indexTokens(body)) counts.set(token, (counts.get(token) ?? 0) + 1);
      const place = new Set(indexTokens(`${title} ${headings} ${tags}`));
      topics.mentions.push(counts);
      topics.places.push(place);
      topics.labels.push(new Set([...place, ...listedTokensOf(body)]));
    }
    cache.set(chunks, topics);
  }
  return topics;
}

/**
 * True when chunk `position` is about one of these tokens: one is in its title, headings,
 * tags or a list of named things, or the chunk itself mentions one at least
 * TOPICAL_MENTIONS times. "Put your contact details on the last slide" mentions contact
 * once: the section is not about it, and neither is a section of the same post that
 * happens to mention it again.
 */
export function isTopicalIn({ chunks, position, tokens }: { chunks: Chunk[]; position: number; tokens: string[] }): boolean {
  const { mentions, labels } = topicsOf(chunks);
  return tokens.some((token) => labels[position]!.has(token) || (mentions[position]!.get(token) ?? 0) >= TOPICAL_MENTIONS);
}

/** The tokens of the place chunk `position` is in, as the author named it: its document's title, its headings and the document's tags (not listed items). */
export function placeTokensOf({ chunks, position }: { chunks: Chunk[]; position: number }): ReadonlySet<string> {
  return topicsOf(chunks).places[position]!;
}
