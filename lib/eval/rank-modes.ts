import { scoreByBm25 } from "../search/bm25";
import { CANDIDATE_DEPTH } from "../search/constants";
import { lexicalQueryIn } from "../search/query-terms";
import { searchIndex, unitQueryVector } from "../search/search";
import type { SearchIndex } from "../search/types";
import { topByCosine } from "../search/vectors";
import { MAX_K } from "./metrics";
import type { Mode, TopScores } from "./types";

/** Rankings of one query in each mode that can run, and the best BM25 and cosine scores. */
export interface ModeRankings {
  rankings: Partial<Record<Mode, string[]>>;
  top: TopScores;
}

/**
 * Ranks one query three ways: `lexical` (the BM25 list alone), `dense` (the cosine list
 * alone) and `hybrid` (what `searchIndex` returns: RRF of both plus the recency list),
 * from one BM25 pass.
 * Without a usable query vector only `lexical` runs.
 */
export function rankInModes({ index, query, queryVector }: { index: SearchIndex; query: string; queryVector?: Float32Array }): ModeRankings {
  const urlOf = (chunk: number) => index.chunks[chunk]!.url;
  // One BM25 pass, as rankLexical makes it but with its scores, serves the lexical mode (its
  // top MAX_K), hybrid's fusion (all of it) and the best score for the threshold table.
  const scoredLexical = scoreByBm25({ engine: index.bm25, query: lexicalQueryIn(index, query), limit: CANDIDATE_DEPTH });
  const candidates = scoredLexical.map(([chunk]) => chunk);
  // Lexical is what the chat serves without a vector: the BM25 list, plus the recency list on "latest" questions.
  const lexical = searchIndex({ index, query, lexical: candidates, limit: MAX_K }).results.map((result) => result.chunk.url);
  const top: TopScores = { bm25: scoredLexical[0]?.[1] ?? null, cosine: null };
  const unit = unitQueryVector(index, queryVector);
  if (!unit) return { rankings: { lexical }, top };
  const { matrix, dimensions, rowOfChunk } = index;
  const scored = topByCosine({ matrix, dimensions, rowOfChunk, query: unit, limit: MAX_K });
  const dense = scored.map(({ chunk }) => chunk);
  top.cosine = scored[0]?.score ?? null;
  const hybrid = searchIndex({ index, query, queryVector: unit, lexical: candidates, limit: MAX_K }).results.map((result) => result.chunk.url);
  return { rankings: { lexical, dense: dense.map(urlOf), hybrid }, top };
}
