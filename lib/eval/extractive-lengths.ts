import { EXTRACTIVE_MAX_CHARS } from "../chat/extractive/constants";
import { createExtractiveProvider } from "../chat/providers/extractive";
import { packContext } from "../search/pack-context";
import { searchIndex } from "../search/search";
import type { SearchIndex } from "../search/types";

export { EXTRACTIVE_MAX_CHARS };

/** Lengths of the extractive answers to a set of queries (lexical retrieval, as with no keys and no Pi). */
export interface ExtractiveFigures {
  answers: number;
  p50: number;
  p95: number;
  max: number;
  overMax: number;
  /** Answers that show a "Tags:" line from the front matter. */
  withTags: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!);

/** The extractive answer to one query, through the provider's public interface (the last rung of the chat). */
async function extractiveAnswer(index: SearchIndex, query: string): Promise<string> {
  const { sources } = packContext({ results: searchIndex({ index, query }).results });
  let text = "";
  for await (const delta of createExtractiveProvider().stream({ messages: [{ role: "user", content: query }], sources })) text += delta;
  return text;
}

/** Answers every query extractively and reports the lengths in characters. */
export async function measureExtractiveAnswers({ index, queries }: { index: SearchIndex; queries: string[] }): Promise<ExtractiveFigures> {
  const texts = await Promise.all(queries.map((query) => extractiveAnswer(index, query)));
  const lengths = texts.map((text) => text.length).sort((a, b) => a - b);
  return {
    answers: texts.length,
    p50: percentile(lengths, 0.5),
    p95: percentile(lengths, 0.95),
    max: lengths.at(-1) ?? 0,
    overMax: lengths.filter((length) => length > EXTRACTIVE_MAX_CHARS).length,
    withTags: texts.filter((text) => /\bTags:/.test(text)).length,
  };
}
