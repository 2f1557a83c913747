import { TITLE_SEPARATOR } from "../chunk/constants";
import type { Chunk } from "../chunk/types";
import type { NumberedSource } from "./types";

/** Follow-up questions offered after an answer: enough choice, few enough to read at a glance. */
export const FOLLOW_UP_COUNT = 3;

/** The page a source's section belongs to: its URL without the anchor. */
export const documentUrlOf = (source: Pick<NumberedSource, "url">) => source.url.split("#")[0]!;

/**
 * Questions about the sections of the sources' documents that the answer did not use,
 * taken in turn from each document (best source first), phrased so that keyword search
 * alone finds the section: "What about “Section” in Document?".
 */
export function suggestFollowUps({ chunks, sources, limit = FOLLOW_UP_COUNT }: { chunks: Chunk[]; sources: Pick<NumberedSource, "url">[]; limit?: number }): string[] {
  const used = new Set(sources.map((s) => s.url));
  const documents = [...new Set(sources.map(documentUrlOf))];
  const queues = documents.map((doc) => {
    const seen = new Set<string>();
    return chunks.filter((c) => c.documentUrl === doc && c.anchor !== null && !used.has(c.url) && !seen.has(c.url) && seen.add(c.url));
  });
  const questions: string[] = [];
  const sections = new Set<string>(); // two documents' "Why" sections would read as one question twice
  for (let round = 0; questions.length < limit && queues.some((q) => q.length > round); round++) {
    for (const queue of queues) {
      const chunk = queue[round];
      if (!chunk || questions.length >= limit) continue;
      const section = chunk.title.split(TITLE_SEPARATOR).slice(1).join(TITLE_SEPARATOR) || chunk.title;
      if (sections.has(section.toLowerCase())) continue;
      sections.add(section.toLowerCase());
      questions.push(`What about “${section}” in ${chunk.documentTitle}?`);
    }
  }
  return questions;
}

/** The suggester the chat route uses: the loaded index's chunks, and never an error (no follow-ups instead). */
export function createFollowUpSuggester({ loadIndex }: { loadIndex: () => Promise<{ chunks: Chunk[] }> }): (sources: NumberedSource[]) => Promise<string[]> {
  return async (sources) => {
    try {
      return suggestFollowUps({ chunks: (await loadIndex()).chunks, sources });
    } catch {
      return [];
    }
  };
}
