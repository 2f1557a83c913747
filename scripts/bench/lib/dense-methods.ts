// Dense rankings the bench times beside the one the site uses: the methods it replaced and the one measured and not taken.
import type { SearchIndex } from "@/lib/search/types";

/** Sign-bit candidates kept per result asked for before the exact re-score (the method measured and not taken). */
export const SIGN_BIT_KEEP_FACTOR = 10;

/** The dense ranking as it was before int8 and top-k selection: a float32 dot per row, then a sort of every row. Exact: the reference for recall. */
export function rankByCosineSortingEveryRow(index: SearchIndex, query: Float32Array, limit: number): number[] {
  const scored: Array<[number, number]> = [];
  for (let chunk = 0; chunk < index.rowOfChunk.length; chunk++) {
    const row = index.rowOfChunk[chunk]!;
    if (row < 0) continue;
    let dot = 0;
    for (let d = 0; d < index.dimensions; d++) dot += index.matrix[row * index.dimensions + d]! * query[d]!;
    scored.push([chunk, dot]);
  }
  return scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([chunk]) => chunk);
}

/** One bit per component (set when positive), 32 to a word: the binary quantization of a matrix. */
export function signBitsOf(matrix: Float32Array, dimensions: number): Uint32Array {
  const words = Math.ceil(dimensions / 32);
  const rows = dimensions === 0 ? 0 : matrix.length / dimensions;
  const codes = new Uint32Array(rows * words);
  for (let row = 0; row < rows; row++) {
    for (let d = 0; d < dimensions; d++) if (matrix[row * dimensions + d]! > 0) codes[row * words + (d >> 5)]! |= 1 << (d & 31);
  }
  return codes;
}

/** Set bits in a 32-bit word (SWAR). */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Sign-bit Hamming distance over every row keeps the `limit × SIGN_BIT_KEEP_FACTOR` nearest, re-scored exactly in float32. Approximate. */
export function rankBySignBitsThenRescore(index: SearchIndex, codes: Uint32Array, query: Float32Array, limit: number): number[] {
  const { dimensions, matrix, rowOfChunk } = index;
  const words = Math.ceil(dimensions / 32);
  const queryCode = signBitsOf(query, dimensions);
  // Counting sort by distance (0..dimensions): no comparison sort over every row.
  const byDistance: number[][] = Array.from({ length: dimensions + 1 }, () => []);
  for (let chunk = 0; chunk < rowOfChunk.length; chunk++) {
    const row = rowOfChunk[chunk]!;
    if (row < 0) continue;
    let distance = 0;
    for (let w = 0; w < words; w++) distance += popcount(codes[row * words + w]! ^ queryCode[w]!);
    byDistance[distance]!.push(chunk);
  }
  const keep: number[] = [];
  for (const chunks of byDistance) {
    if (keep.length >= limit * SIGN_BIT_KEEP_FACTOR) break;
    keep.push(...chunks);
  }
  const scored = keep.map((chunk) => {
    let dot = 0;
    const offset = rowOfChunk[chunk]! * dimensions;
    for (let d = 0; d < dimensions; d++) dot += matrix[offset + d]! * query[d]!;
    return [chunk, dot] as const;
  });
  return scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([chunk]) => chunk);
}

/** Share of `exact` that `found` contains (recall of the exact top list). */
export function recallOf(found: number[], exact: number[]): number {
  const set = new Set(found);
  return exact.length === 0 ? 1 : exact.filter((chunk) => set.has(chunk)).length / exact.length;
}
