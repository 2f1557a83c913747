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

/** Dot product of `query` with the row of `matrix` starting at `offset`: four running sums, so the loop is not one long dependency chain. */
function dotAt(matrix: Float32Array, offset: number, query: Float32Array, dimensions: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  for (; i + 3 < dimensions; i += 4) {
    a += matrix[offset + i]! * query[i]!;
    b += matrix[offset + i + 1]! * query[i + 1]!;
    c += matrix[offset + i + 2]! * query[i + 2]!;
    d += matrix[offset + i + 3]! * query[i + 3]!;
  }
  for (; i < dimensions; i++) a += matrix[offset + i]! * query[i]!;
  return a + b + c + d;
}

/**
 * The `limit` chunks with the highest cosine similarity to a unit query (a dot product,
 * since the rows are pre-normalised), best first, ties by chunk position. Keeps only a
 * sorted top list while scanning (no sort of every row). `rowOfChunk[i]` is chunk i's
 * row of `matrix`, or -1 for a lexical-only chunk.
 */
export function topByCosine({ matrix, dimensions, rowOfChunk, query, limit }: {
  matrix: Float32Array;
  dimensions: number;
  rowOfChunk: Int32Array;
  query: Float32Array;
  limit: number;
}): Array<{ chunk: number; score: number }> {
  const chunks = new Int32Array(limit);
  const scores = new Float64Array(limit);
  let size = 0;
  for (let chunk = 0; chunk < rowOfChunk.length; chunk++) {
    const row = rowOfChunk[chunk]!;
    if (row < 0) continue;
    const score = dotAt(matrix, row * dimensions, query, dimensions);
    if (size === limit && score <= scores[size - 1]!) continue;
    // Insertion into the sorted top list; equal scores keep the earlier chunk first.
    let at = size < limit ? size++ : size - 1;
    while (at > 0 && scores[at - 1]! < score) {
      scores[at] = scores[at - 1]!;
      chunks[at] = chunks[at - 1]!;
      at--;
    }
    scores[at] = score;
    chunks[at] = chunk;
  }
  return Array.from({ length: size }, (_, i) => ({ chunk: chunks[i]!, score: scores[i]! }));
}

/** Chunk positions ranked by cosine similarity to a unit query, best first, at most `limit` (see {@link topByCosine}). */
export function rankByCosine(options: Parameters<typeof topByCosine>[0]): number[] {
  return topByCosine(options).map(({ chunk }) => chunk);
}
