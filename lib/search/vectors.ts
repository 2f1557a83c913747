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

/**
 * Rows of a flat matrix of unit vectors ranked by cosine similarity to a unit query
 * (a dot product, since both sides are pre-normalised), best first, at most `limit`.
 * `rowOfChunk[i]` is chunk i's row, or -1 for a lexical-only chunk.
 */
export function rankByCosine({ matrix, dimensions, rowOfChunk, query, limit }: {
  matrix: Float32Array;
  dimensions: number;
  rowOfChunk: Int32Array;
  query: Float32Array;
  limit: number;
}): number[] {
  const scored: Array<[number, number]> = [];
  for (let chunk = 0; chunk < rowOfChunk.length; chunk++) {
    const row = rowOfChunk[chunk]!;
    if (row < 0) continue;
    let dot = 0;
    const offset = row * dimensions;
    for (let d = 0; d < dimensions; d++) dot += matrix[offset + d]! * query[d]!;
    scored.push([chunk, dot]);
  }
  scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return scored.slice(0, limit).map(([chunk]) => chunk);
}
