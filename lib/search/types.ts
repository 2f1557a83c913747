import type { Chunk } from "../chunk/types";

/** Whether a query used the vectors (`hybrid`) or BM25 alone (`lexical`). */
export type SearchMode = "hybrid" | "lexical";

/** One fused result; ranks are 1-based, null when the chunk is absent from that list. */
export interface SearchResult {
  rank: number;
  chunk: Chunk;
  /** The RRF score. */
  score: number;
  bm25Rank: number | null;
  denseRank: number | null;
}

/** The top results of one query and how they were found. */
export interface SearchResponse {
  query: string;
  mode: SearchMode;
  results: SearchResult[];
  /** Cosine of the best dense match, or null when the search was lexical (evidence for the covered decision). */
  denseTop?: number | null;
  /** The BM25 ranking (chunk positions, best first) the results were fused from, so the covered decision need not rank again. */
  bm25?: number[];
}

/** A loaded index, baked or rebuilt from the content: what `searchIndex` searches. */
export interface SearchIndex {
  /** The embedding model the chunk vectors come from; a query vector must come from it too. */
  model: string;
  /** Vector size; 0 when there are no vectors. */
  dimensions: number;
  /** True when at least one chunk has a vector, so hybrid search is possible. */
  hasVectors: boolean;
  chunks: Chunk[];
  /** The vector of a suggested question, baked at build time, so it needs no embedding call. */
  bakedQueryVector(text: string): Float32Array | undefined;
  /** Where it came from: the baked files, or the content rebuilt lexical-only. */
  source: "baked" | "content";
  /** BM25 engine over `chunks`, document ids being chunk positions. */
  bm25: import("./bm25").Bm25;
  /** The author's abbreviations, learned at index time; queries are expanded with them both ways. */
  abbreviations: import("./abbreviations").Abbreviation[];
  /** Unit vectors, `dimensions` floats per row. */
  matrix: Float32Array;
  /** Row of each chunk in `matrix`, or -1 for a lexical-only chunk. */
  rowOfChunk: Int32Array;
}
