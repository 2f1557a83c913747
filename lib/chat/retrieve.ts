import type { SearchResponse, SearchResult } from "../search/types";
import type { Coverage } from "./not-covered";
import type { QueryEmbedder } from "./query-embedder";
import type { BudgetState, NumberedSource, Retrieval } from "./types";

/** The parts of the loaded search index the chat needs. */
export interface ChatSearchIndex {
  model: string;
  dimensions: number;
  hasVectors: boolean;
  bakedQueryVector(text: string): Float32Array | null | undefined;
}

/** The search functions the chat is built on (lib/search), injected so tests can stub them. */
export interface SearchFunctions<I extends ChatSearchIndex> {
  loadIndex(): Promise<I>;
  search(options: { index: I; query: string; queryVector?: Float32Array; lexical?: number[] }): SearchResponse;
  /** The BM25 list alone, computed while the query embedding is in flight. */
  rankLexical?(options: { index: I; query: string }): number[];
  pack(options: { results: SearchResult[] }): { sources: NumberedSource[]; text: string };
  /** The covered decision from the query's own evidence (lib/chat/not-covered.ts `coverageOf`). */
  cover(options: { index: I; query: string; response: SearchResponse }): Coverage;
}

/** Retrieves the numbered sources for one query: its vector (baked, cached or embedded), then hybrid or lexical search, then the covered decision (no sources when not covered). */
export type Retriever = (query: string, options?: { signal?: AbortSignal }) => Promise<Retrieval>;

/** Builds the retriever over the search functions and the query embedder. */
export function createRetriever<I extends ChatSearchIndex>({ search, embedder, log = console.warn }: {
  search: SearchFunctions<I>;
  embedder: QueryEmbedder;
  log?: (message: string) => void;
}): Retriever {
  return async (query, { signal } = {}) => {
    const started = performance.now();
    const index = await search.loadIndex();
    const embedStarted = performance.now();
    let embedMs = 0;
    const pendingVector: Promise<{ vector?: Float32Array; budget?: BudgetState }> = index.hasVectors
      ? vectorFor({ index, query, embedder, signal, log }).finally(() => (embedMs = performance.now() - embedStarted))
      : Promise.resolve({});
    // BM25 runs while the embedding request is on the wire; fusion waits for both.
    const lexical = search.rankLexical?.({ index, query });
    const { vector: queryVector, budget } = await pendingVector;
    const searchStarted = performance.now();
    const response = search.search({ index, query, queryVector, lexical });
    const coverage = search.cover({ index, query, response });
    if (!coverage.covered) log(`chat: not covered, no sources and no model (${coverage.reason})`);
    const { sources } = coverage.covered ? search.pack({ results: response.results }) : { sources: [] };
    const now = performance.now();
    return {
      mode: response.mode,
      sources,
      coverage,
      timings: { embedMs, searchMs: now - searchStarted, totalMs: now - started },
      ...(budget && { queryEmbedBudget: budget }),
    };
  };
}

async function vectorFor<I extends ChatSearchIndex>({ index, query, embedder, signal, log }: {
  index: I;
  query: string;
  embedder: QueryEmbedder;
  signal?: AbortSignal;
  log: (message: string) => void;
}): Promise<{ vector?: Float32Array; budget?: BudgetState }> {
  // Suggested questions were embedded at build time: clicking one never waits for the Pi.
  const baked = index.bakedQueryVector(query);
  if (baked) return { vector: baked };
  const { vector, budget } = await embedder.embed(query, { model: index.model, signal });
  if (vector && vector.length !== index.dimensions) {
    log(`chat: query vector has ${vector.length} dimensions, index has ${index.dimensions}; lexical search for this query`);
    return { budget };
  }
  return { vector, budget };
}
