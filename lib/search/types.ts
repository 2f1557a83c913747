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
}
