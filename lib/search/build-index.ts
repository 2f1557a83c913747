import type { Chunk } from "../chunk/types";
import type { BakedIndex } from "../index/format";
import { learnAbbreviations, type Abbreviation } from "./abbreviations";
import { buildBm25, importBm25, type Bm25 } from "./bm25";
import { fieldsOfChunk } from "./bm25-fields";
import type { SearchIndex } from "./types";
import { normalizeInPlace } from "./vectors";

function lookupQueries(queries: Map<string, Float32Array>) {
  return (text: string) => queries.get(text.trim());
}

/** The lexical half of an index, built from chunks the same way at build time and in the lexical fallback. */
export function buildLexicon(chunks: Chunk[]): { bm25: Bm25; abbreviations: Abbreviation[] } {
  return { bm25: buildBm25(chunks.map(fieldsOfChunk)), abbreviations: learnAbbreviations(chunks.map((chunk) => chunk.text)) };
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
    ...buildLexicon(chunks),
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
    abbreviations: meta.abbreviations,
    matrix: vectors,
    rowOfChunk,
  };
}
