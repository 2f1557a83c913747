import type { Chunk } from "../chunk/types";
import type { BakedIndex } from "../index/format";
import { buildBm25, importBm25 } from "./bm25";
import type { SearchIndex } from "./types";
import { normalizeInPlace } from "./vectors";

function lookupQueries(queries: Map<string, Float32Array>) {
  return (text: string) => queries.get(text.trim());
}

/** A lexical-only search index over chunks (no vectors): the fresh-clone and damaged-index path. */
export function lexicalSearchIndex({ chunks, model }: { chunks: Chunk[]; model: string }): SearchIndex {
  return {
    model,
    dimensions: 0,
    hasVectors: false,
    chunks,
    bakedQueryVector: lookupQueries(new Map()),
    source: "content",
    bm25: buildBm25(chunks.map((chunk) => chunk.text)),
    matrix: new Float32Array(0),
    rowOfChunk: new Int32Array(chunks.length).fill(-1),
  };
}

/** A search index from the baked files: BM25 restored from its export, vectors normalised once here. */
export function searchIndexFromBaked({ meta, vectors }: BakedIndex): SearchIndex {
  const { dimensions } = meta;
  for (let row = 0; row < meta.vectorRows; row++) normalizeInPlace(vectors.subarray(row * dimensions, (row + 1) * dimensions));
  const rowOfChunk = Int32Array.from(meta.chunks, (chunk) => chunk.vectorRow ?? -1);
  const chunks: Chunk[] = meta.chunks.map(({ vectorRow: _row, ...chunk }) => chunk);
  const queries = new Map(meta.queries.map((q) => [q.text.trim(), vectors.slice(q.vectorRow * dimensions, (q.vectorRow + 1) * dimensions)]));
  return {
    model: meta.model,
    dimensions,
    hasVectors: rowOfChunk.some((row) => row >= 0),
    chunks,
    bakedQueryVector: lookupQueries(queries),
    source: "baked",
    bm25: importBm25(JSON.stringify(meta.bm25)),
    matrix: vectors,
    rowOfChunk,
  };
}
