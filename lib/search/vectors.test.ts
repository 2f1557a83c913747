import { describe, expect, it } from "vitest";
import { normalizeInPlace, topByCosine } from "./vectors";

/** Deterministic pseudo-random unit rows, so the test is the same on every run. */
function randomRows(count: number, dimensions: number, seed = 7): Float32Array {
  const matrix = new Float32Array(count * dimensions);
  for (let i = 0; i < matrix.length; i++) matrix[i] = ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) - 0.5;
  for (let row = 0; row < count; row++) normalizeInPlace(matrix.subarray(row * dimensions, (row + 1) * dimensions));
  return matrix;
}

/** The reference: every row's exact dot product, sorted, ties by position. */
function bruteForce(matrix: Float32Array, dimensions: number, rowOfChunk: Int32Array, query: Float32Array, limit: number) {
  const all: Array<{ chunk: number; score: number }> = [];
  rowOfChunk.forEach((row, chunk) => {
    if (row < 0) return;
    let score = 0;
    for (let d = 0; d < dimensions; d++) score += matrix[row * dimensions + d]! * query[d]!;
    all.push({ chunk, score });
  });
  return all.sort((a, b) => b.score - a.score || a.chunk - b.chunk).slice(0, limit);
}

describe("topByCosine", () => {
  it("returns exactly the brute-force top list and exact cosines, although candidates come from an int8 pass", () => {
    const dimensions = 64;
    const matrix = randomRows(3_000, dimensions);
    const rowOfChunk = Int32Array.from({ length: 3_000 }, (_, i) => i);
    for (let q = 0; q < 5; q++) {
      const query = normalizeInPlace(randomRows(1, dimensions, 100 + q));
      const top = topByCosine({ matrix, dimensions, rowOfChunk, query, limit: 25 });
      const expected = bruteForce(matrix, dimensions, rowOfChunk, query, 25);
      expect(top.map((t) => t.chunk)).toEqual(expected.map((e) => e.chunk));
      top.forEach((t, i) => expect(t.score).toBeCloseTo(expected[i]!.score, 6));
    }
  });

  it("skips lexical-only chunks (row -1) and returns fewer than `limit` when fewer rows exist", () => {
    const matrix = randomRows(2, 4);
    const top = topByCosine({ matrix, dimensions: 4, rowOfChunk: Int32Array.from([-1, 1, -1, 0]), query: matrix.slice(0, 4), limit: 10 });
    expect(top.map((t) => t.chunk)).toEqual([3, 1]);
    expect(top[0]!.score).toBeCloseTo(1, 6);
  });
});
