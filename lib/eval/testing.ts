// Test helpers of the eval: a hand-made three-chunk index with 2-d vectors, so each mode's ranking is predictable.
import type { Chunk } from "../chunk/types";
import { lexicalSearchIndex } from "../search/build-index";
import type { SearchIndex } from "../search/types";

function chunk(url: string, text: string, date: string): Chunk {
  return { id: url, kind: "post", documentTitle: url, documentUrl: url, url, anchor: null, title: url, date, text };
}

/** Three posts: "/rust" (vector along x), "/coffee" (along y) and "/walk" (between them), newest last. */
export function tinyIndex(): SearchIndex {
  const chunks = [chunk("/rust", "rust borrow checker tokio", "2024-01-01"), chunk("/coffee", "bica galao espresso", "2024-06-01"), chunk("/walk", "camino walk porto santiago", "2025-01-01")];
  const s = Math.SQRT1_2;
  return { ...lexicalSearchIndex({ chunks, model: "test" }), hasVectors: true, dimensions: 2, matrix: Float32Array.from([1, 0, 0, 1, s, s]), rowOfChunk: Int32Array.from([0, 1, 2]) };
}
