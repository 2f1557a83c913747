import { CANDIDATE_DEPTH, RECENCY_WEIGHT, TOP_K } from "./constants";
import { rankByBm25 } from "./bm25";
import { lexicalQueryIn } from "./query-terms";
import { asksForRecent, rankByRecency } from "./recency";
import { fuseRanks, type RankedList } from "./rrf";
import type { SearchIndex, SearchResponse } from "./types";
import { isFiniteVector, normalizeInPlace, topByCosine } from "./vectors";

let warnedDimensions = false;

/** A unit copy of the query vector when it fits the index's vectors (size, finite values), else undefined. */
export function unitQueryVector(index: SearchIndex, queryVector: Float32Array | undefined): Float32Array | undefined {
  if (!queryVector || !index.hasVectors || queryVector.length !== index.dimensions || !isFiniteVector(queryVector)) return undefined;
  return normalizeInPlace(Float32Array.from(queryVector));
}

/** {@link unitQueryVector}, warning once per process when a vector was given but does not fit. */
function usableQueryVector(index: SearchIndex, queryVector: Float32Array | undefined): Float32Array | undefined {
  const unit = unitQueryVector(index, queryVector);
  if (!unit && queryVector && index.hasVectors && !warnedDimensions) {
    console.warn(`[search] query vector has ${queryVector.length} dimensions, the index ${index.dimensions} (${index.model}); dense search is off for it`);
    warnedDimensions = true;
  }
  return unit;
}

/**
 * The BM25 half of a search on its own, so a caller can rank lexically while the query
 * embedding is still in flight and hand the list to `searchIndex` afterwards.
 */
export function rankLexical({ index, query }: { index: SearchIndex; query: string }): number[] {
  return rankByBm25({ engine: index.bm25, query: lexicalQueryIn(index, query), limit: CANDIDATE_DEPTH });
}

/**
 * Hybrid retrieval: BM25 and cosine lists fused with RRF (plus a recency list for
 * "latest" questions), top `limit`. Mode is `hybrid` iff a usable query vector was given.
 * `lexical` is the query's `rankLexical` list when the caller already computed it.
 */
export function searchIndex({ index, query, queryVector, limit = TOP_K, lexical }: {
  index: SearchIndex;
  query: string;
  queryVector?: Float32Array;
  limit?: number;
  lexical?: number[];
}): SearchResponse {
  const unit = usableQueryVector(index, queryVector);
  const bm25 = lexical ?? rankLexical({ index, query });
  const lists: RankedList[] = [{ name: "bm25", items: bm25 }];
  let denseTop: number | null = null;
  if (unit) {
    const { matrix, dimensions, rowOfChunk } = index;
    const dense = topByCosine({ matrix, dimensions, rowOfChunk, query: unit, limit: CANDIDATE_DEPTH });
    denseTop = dense[0]?.score ?? null;
    lists.push({ name: "dense", items: dense.map(({ chunk }) => chunk) });
  }
  if (asksForRecent(query)) lists.push({ name: "recency", items: rankByRecency(index.chunks, query), weight: RECENCY_WEIGHT });
  const results = fuseRanks(lists)
    .slice(0, limit)
    .map((fused, position) => ({
      rank: position + 1,
      chunk: index.chunks[fused.item]!,
      score: fused.score,
      bm25Rank: fused.ranks.bm25 ?? null,
      denseRank: fused.ranks.dense ?? null,
    }));
  return { query, mode: unit ? "hybrid" : "lexical", results, denseTop, bm25 };
}
