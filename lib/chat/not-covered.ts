import type { Chunk } from "../chunk/types";
import { decideCoverage, type CoverageDecision } from "../search/coverage";
import type { SearchIndex, SearchResponse } from "../search/types";
import type { AnswerProvider } from "./types";

/** Topics named when the writing does not cover a question: two or three, so the reply stays one short paragraph. */
export const SUGGESTED_TOPICS = 3;

/** A covered decision plus, when not covered, what the writing does cover (for the reply). */
export type Coverage = CoverageDecision & { suggestions: string[] };

const topicCache = new WeakMap<Chunk[], string[]>();

/** "machine-learning" → "machine learning". */
const readable = (label: string) => label.replace(/[-_]+/g, " ").trim();

/**
 * What the writing covers, derived from the index: the author's own tags and
 * technologies, by how many documents carry them (ties: the newer document first), then
 * document titles when there are too few tags. Computed once per index.
 */
export function coveredTopicsOf(chunks: Chunk[]): string[] {
  const cached = topicCache.get(chunks);
  if (cached) return cached;
  const documents = new Map<string, Chunk>();
  for (const chunk of chunks) if (!documents.has(chunk.documentUrl)) documents.set(chunk.documentUrl, chunk);
  const newestFirst = [...documents.values()].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const counts = new Map<string, { label: string; documents: number; order: number }>();
  newestFirst.forEach((chunk, order) => {
    for (const tag of chunk.tags ?? []) {
      const key = readable(tag).toLowerCase();
      const entry = counts.get(key) ?? { label: readable(tag), documents: 0, order };
      entry.documents += 1;
      counts.set(key, entry);
    }
  });
  const tags = [...counts.values()].sort((a, b) => b.documents - a.documents || a.order - b.order).map((entry) => entry.label);
  const titles = newestFirst.filter((chunk) => chunk.kind !== "resume").map((chunk) => chunk.documentTitle);
  const topics = [...tags, ...titles].slice(0, SUGGESTED_TOPICS);
  topicCache.set(chunks, topics);
  return topics;
}

/** The covered decision for one retrieval, with the topics to suggest when it is not covered. */
export function coverageOf({ index, query, response, denseMin }: { index: SearchIndex; query: string; response: SearchResponse; denseMin: number | null }): Coverage {
  const decision = decideCoverage({ index, query, denseTop: response.denseTop ?? null, denseMin });
  return { ...decision, suggestions: decision.covered ? [] : coveredTopicsOf(index.chunks) };
}

/** "a, b and c". */
function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** The reply when the writing does not cover a question: says so, then names what it does cover. */
export function notCoveredText(coverage: Pick<Coverage, "suggestions">): string {
  const offer = coverage.suggestions.length > 0 ? ` It does cover ${listOf(coverage.suggestions)}, among other things: ask me about one of those.` : " Try asking about my posts, projects or resume.";
  return `My writing doesn't cover that, so I won't guess.${offer}`;
}

/** The one rung used when the writing does not cover a question: no model is called. */
export function createNotCoveredProvider(coverage: Pick<Coverage, "suggestions">): AnswerProvider {
  return {
    name: "not-covered",
    async *stream() {
      yield notCoveredText(coverage);
    },
  };
}
