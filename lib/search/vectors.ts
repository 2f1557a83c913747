import { BestHeap } from "./best-heap";
import { quantizeRows, type Int8Rows } from "./int8-rows";
import { TopList } from "./top-list";

/** Scales a vector to unit length in place and returns it; a zero vector stays zero. */
export function normalizeInPlace(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

/** True when every component is a finite number. */
export function isFiniteVector(vector: ArrayLike<number>): boolean {
  for (let i = 0; i < vector.length; i++) if (!Number.isFinite(vector[i])) return false;
  return true;
}

/** Candidates kept from the int8 pass per result asked for, then re-scored exactly: wide enough that int8 rounding almost never changes the top list (the bench prints the recall: 1.000 at 10,000 rows, 0.999 at 50,000 uniform random ones). */
export const RESCORE_FACTOR = 4;

const quantized = new WeakMap<Float32Array, Int8Rows>();

/** The int8 copy of a matrix, made once per matrix on first use (the index file stays float32: one format). */
export function int8RowsOf(matrix: Float32Array, dimensions: number): Int8Rows {
  let rows = quantized.get(matrix);
  if (!rows) quantized.set(matrix, (rows = quantizeRows(matrix, dimensions)));
  return rows;
}

/** Float dot product of a float32 row with the query. */
function dotAt(matrix: Float32Array, offset: number, query: Float32Array, dimensions: number): number {
  let a = 0;
  let b = 0;
  let i = 0;
  for (; i + 1 < dimensions; i += 2) {
    a += matrix[offset + i]! * query[i]!;
    b += matrix[offset + i + 1]! * query[i + 1]!;
  }
  if (i < dimensions) a += matrix[offset + i]! * query[i]!;
  return a + b;
}

/**
 * The `limit` chunks with the highest cosine similarity to a unit query (a dot product,
 * since the rows are pre-normalised), best first, ties by chunk position. One int8 pass
 * over every row keeps the best `limit × RESCORE_FACTOR` candidates, which are then
 * re-scored exactly in float32: the scores returned are exact cosines, and no row is
 * sorted that could not make the list. An index with no more rows than that gets the
 * exact pass alone. The int8 pass runs in WebAssembly SIMD where the runtime has it
 * (lib/search/int8-dot.wat), else in JS; both give the same integers. `rowOfChunk[i]` is
 * chunk i's row, or -1.
 */
export function topByCosine({ matrix, dimensions, rowOfChunk, query, limit, int8 }: {
  matrix: Float32Array;
  dimensions: number;
  rowOfChunk: Int32Array;
  query: Float32Array;
  limit: number;
  /** The matrix's int8 rows when the caller made them (a forced kernel); by default made once per matrix. */
  int8?: Int8Rows;
}): Array<{ chunk: number; score: number }> {
  const exact = new TopList(limit);
  const offerExact = (chunk: number) => exact.offer(chunk, dotAt(matrix, rowOfChunk[chunk]! * dimensions, query, dimensions));
  const results = () => Array.from({ length: exact.size }, (_, i) => ({ chunk: exact.chunks[i]!, score: exact.scores[i]! }));
  if (rowOfChunk.length <= limit * RESCORE_FACTOR) {
    // Every row would be a candidate anyway (a personal site's index): the exact pass alone.
    for (let chunk = 0; chunk < rowOfChunk.length; chunk++) if (rowOfChunk[chunk]! >= 0) offerExact(chunk);
    return results();
  }
  const { scoreAll, inverseScales } = int8 ?? int8RowsOf(matrix, dimensions);
  const dots = scoreAll(query);
  const candidates = new BestHeap(limit * RESCORE_FACTOR);
  for (let chunk = 0; chunk < rowOfChunk.length; chunk++) {
    const row = rowOfChunk[chunk]!;
    if (row >= 0) candidates.offer(chunk, dots[row]! * inverseScales[row]!);
  }
  for (let i = 0; i < candidates.size; i++) offerExact(candidates.items[i]!);
  return results();
}

/** Chunk positions ranked by cosine similarity to a unit query, best first, at most `limit` (see {@link topByCosine}). */
export function rankByCosine(options: Parameters<typeof topByCosine>[0]): number[] {
  return topByCosine(options).map(({ chunk }) => chunk);
}
