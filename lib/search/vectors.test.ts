import { describe, expect, it } from "vitest";
import { hashEmbed } from "@/test/fake-ollama";
import { quantizeRows } from "./int8-rows";
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

  /** Rows around a few centres (what real embeddings look like: topics), so the top list is tight and int8 rounding matters most. */
  function clusteredRows(count: number, dimensions: number, centres: number, spread: number): Float32Array {
    const centre = randomRows(centres, dimensions, 11);
    const noise = randomRows(count, dimensions, 13);
    for (let row = 0; row < count; row++) {
      const c = (row % centres) * dimensions;
      for (let d = 0; d < dimensions; d++) noise[row * dimensions + d] = centre[c + d]! + spread * noise[row * dimensions + d]!;
      normalizeInPlace(noise.subarray(row * dimensions, (row + 1) * dimensions));
    }
    return noise;
  }

  /** The fake Ollama's vectors (hashed words and trigrams) of made-up chunks that share most of their words. */
  function fakeOllamaRows(count: number, dimensions: number): Float32Array {
    const words = ["kubernetes", "duckdb", "lisbon", "terraform", "pytorch", "grafana", "rust", "cluster", "model", "warehouse", "talk", "coffee"];
    const matrix = new Float32Array(count * dimensions);
    for (let row = 0; row < count; row++) {
      const text = Array.from({ length: 12 }, (_, i) => words[(row * 7 + i * (row % 5 + 1)) % words.length]).join(" ") + ` note${row % 97}`;
      matrix.set(hashEmbed(text, dimensions), row * dimensions);
    }
    return matrix;
  }

  const shapes = {
    "uniform random": () => randomRows(2_000, 1024, 3),
    "clustered (20 topics)": () => clusteredRows(2_000, 1024, 20, 0.5),
    "the fake Ollama's hashed-text vectors": () => fakeOllamaRows(2_000, 1024),
  };
  for (const [shape, make] of Object.entries(shapes)) {
    it(`at 1,024 dims, ${shape}: both kernels return the brute-force top 100, rows -1 skipped`, () => {
      const dimensions = 1024;
      const matrix = make();
      // Every seventh chunk is lexical-only; the rest point at rows in reverse order.
      const rowOfChunk = Int32Array.from({ length: 2_300 }, (_, chunk) => (chunk % 7 === 3 ? -1 : 1_999 - (chunk % 2_000)));
      for (const kernel of ["wasm", "js"] as const) {
        const int8 = quantizeRows(matrix, dimensions, kernel);
        for (let q = 0; q < 3; q++) {
          const query = normalizeInPlace(matrix.slice((q * 301) * dimensions, (q * 301 + 1) * dimensions).map((v, d) => v + 0.02 * Math.sin(d + q)));
          const top = topByCosine({ matrix, dimensions, rowOfChunk, query, limit: 100, int8 });
          expect(top.map((t) => t.chunk)).toEqual(bruteForce(matrix, dimensions, rowOfChunk, query, 100).map((e) => e.chunk));
          expect(top.every((t) => rowOfChunk[t.chunk]! >= 0)).toBe(true);
        }
      }
    });
  }

  it("returns nothing when no chunk has a vector, on the int8 path too", () => {
    const rowOfChunk = new Int32Array(1_000).fill(-1);
    expect(topByCosine({ matrix: new Float32Array(0), dimensions: 1024, rowOfChunk, query: normalizeInPlace(randomRows(1, 1024)), limit: 10 })).toEqual([]);
  });

  it("returns every row, best first, when `limit` is larger than the rows", () => {
    const matrix = randomRows(50, 32);
    const rowOfChunk = Int32Array.from({ length: 50 }, (_, i) => i);
    const query = normalizeInPlace(randomRows(1, 32, 5));
    const top = topByCosine({ matrix, dimensions: 32, rowOfChunk, query, limit: 500 });
    expect(top.map((t) => t.chunk)).toEqual(bruteForce(matrix, 32, rowOfChunk, query, 500).map((e) => e.chunk));
    expect(top).toHaveLength(50);
  });
});
