import type { Chunk } from "../chunk/types";
import { decideCoverage, type CoverageDecision } from "../search/coverage";
import type { SearchIndex, SearchResponse } from "../search/types";
import type { AnswerProvider } from "./types";

/** Topics named per kind of writing: two, so the reply stays one short paragraph whatever the author tags. */
export const TOPICS_PER_KIND = 2;

/** Mid-sentence uses from which a tag's most common spelling is the one used, if capitalised ("pytorch" → "PyTorch"). */
const CASED_FORM_MIN_USES = 2;

/** A covered decision plus, when not covered, what the writing does cover (phrases for the reply). */
export type Coverage = CoverageDecision & { suggestions: string[] };

const topicCache = new WeakMap<Chunk[], string[]>();

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A tag as the author writes it in running text: "machine-learning" → "machine learning",
 * "pytorch" → "PyTorch", "raspberry-pi" → "Raspberry Pi": the most common spelling
 * mid-sentence, so "Life" opening a sentence or a heading leaves "life" as it is.
 */
export function spellingOf(tag: string, texts: string[]): string {
  const plain = tag.replace(/[-_]+/g, " ").trim();
  const pattern = new RegExp(`(?<![.!?:\\n#]\\s*|^\\s*)\\b${escape(plain).replace(/ /g, "[ -]")}\\b`, "gi");
  const uses = new Map<string, number>();
  for (const text of texts) for (const [form] of text.matchAll(pattern)) uses.set(form, (uses.get(form) ?? 0) + 1);
  const [best] = [...uses].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= CASED_FORM_MIN_USES && /\p{Lu}/u.test(best[0]) ? best[0] : plain;
}

/** "a, b and c". */
function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "a, b, and c": the serial comma keeps items that hold their own "and" apart. */
function serialListOf(items: string[]): string {
  return items.length <= 2 ? items.join(" and ") : `${items.slice(0, -1).join(", ")}, and ${items.at(-1)}`;
}

/** "Ask Ines: the chat on this site" → "Ask Ines": a title's name, without its subtitle. */
export function nameOf(title: string): string {
  return title.split(/: | — | – | - /)[0]!.trim();
}

/** The tags carried by the most sections of these documents (ties: the newer document first), spelled as the author writes them. */
function topLabels(documents: Chunk[], chunks: Chunk[]): string[] {
  const sections = new Map<string, number>();
  for (const chunk of chunks) sections.set(chunk.documentUrl, (sections.get(chunk.documentUrl) ?? 0) + 1);
  const counts = new Map<string, { tag: string; sections: number; order: number }>();
  documents.forEach((chunk, order) => {
    for (const tag of chunk.tags ?? []) {
      const key = tag.toLowerCase();
      const entry = counts.get(key) ?? { tag, sections: 0, order };
      entry.sections += sections.get(chunk.documentUrl) ?? 0;
      counts.set(key, entry);
    }
  });
  const texts = chunks.map((chunk) => chunk.text);
  return [...counts.values()].sort((a, b) => b.sections - a.sections || a.order - b.order).slice(0, TOPICS_PER_KIND).map((entry) => spellingOf(entry.tag, texts));
}

/**
 * What the writing covers, as phrases that read naturally for any author: "posts on
 * machine learning and Lisbon" (the tags on the most sections of posts), "projects such as Ask Ines
 * and Gira Pulse" (the newest project titles), "my resume". A kind the content lacks is
 * left out. Computed once per index.
 */
export function coveredTopicsOf(chunks: Chunk[]): string[] {
  const cached = topicCache.get(chunks);
  if (cached) return cached;
  const documents = new Map<string, Chunk>();
  for (const chunk of chunks) if (!documents.has(chunk.documentUrl)) documents.set(chunk.documentUrl, chunk);
  const newestFirst = [...documents.values()].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const posts = newestFirst.filter((chunk) => chunk.kind === "post");
  const projects = newestFirst.filter((chunk) => chunk.kind === "project");
  const postTopics = topLabels(posts, chunks);
  const topics = [
    ...(posts.length === 0 ? [] : [postTopics.length > 0 ? `posts on ${listOf(postTopics)}` : "posts"]),
    ...(projects.length === 0 ? [] : [`projects such as ${listOf(projects.slice(0, TOPICS_PER_KIND).map((chunk) => nameOf(chunk.documentTitle)))}`]),
    ...(newestFirst.some((chunk) => chunk.kind === "resume") ? ["my resume"] : []),
  ];
  topicCache.set(chunks, topics);
  return topics;
}

/** The covered decision for one retrieval, with the topics to suggest when it is not covered. */
export function coverageOf({ index, query, response, denseMin }: { index: SearchIndex; query: string; response: SearchResponse; denseMin: number | null }): Coverage {
  const decision = decideCoverage({ index, query, bm25: response.bm25, denseTop: response.denseTop ?? null, denseMin });
  return { ...decision, suggestions: decision.covered ? [] : coveredTopicsOf(index.chunks) };
}

/** The reply when the writing does not cover a question: says so, then names what it does cover. */
export function notCoveredText(coverage: Pick<Coverage, "suggestions">): string {
  const offer = coverage.suggestions.length > 0 ? ` It does have ${serialListOf(coverage.suggestions)}: ask me about any of those.` : "";
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
