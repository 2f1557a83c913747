import { describe, expect, it } from "vitest";
import { quantizeRows } from "./int8-rows";

/** Deterministic pseudo-random values in [-0.5, 0.5). */
function randomValues(count: number, seed: number): Float32Array {
  return Float32Array.from({ length: count }, () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) - 0.5);
}

/** The reference, written from the definition: round each component to its row's ±127 scale, multiply, add. */
function referenceDot(matrix: Float32Array, row: number, query: Float32Array, dimensions: number): number {
  const scaleOf = (values: ArrayLike<number>) => {
    const max = Math.max(0, ...Array.from(values, Math.abs));
    return max > 0 ? 127 / max : 1;
  };
  const values = matrix.subarray(row * dimensions, (row + 1) * dimensions);
  const rowScale = scaleOf(values);
  const queryScale = scaleOf(query);
  let dot = 0;
  values.forEach((value, d) => (dot += Math.round(value * rowScale) * Math.round(query[d]! * queryScale)));
  return dot;
}

describe("quantizeRows", () => {
  it("the WebAssembly SIMD kernel runs on this Node", () => {
    expect(quantizeRows(new Float32Array(16), 16).kernel).toBe("wasm");
  });

  for (const dimensions of [1, 15, 16, 17, 100, 1024]) {
    it(`both kernels give the reference int8 dot products at ${dimensions} dims (rows padded to 16 lanes)`, () => {
      const count = 37;
      const matrix = randomValues(count * dimensions, dimensions);
      matrix.fill(0, 3 * dimensions, 4 * dimensions); // a zero row scores 0
      matrix[5 * dimensions] = -3; // one extreme component: the rest of that row rounds small
      const query = randomValues(dimensions, 99);
      const expected = Array.from({ length: count }, (_, row) => referenceDot(matrix, row, query, dimensions));
      for (const kernel of ["wasm", "js"] as const) {
        const rows = quantizeRows(matrix, dimensions, kernel);
        expect(rows.kernel).toBe(kernel);
        expect(Array.from(rows.scoreAll(query))).toEqual(expected);
      }
      expect(expected[3]).toBe(0);
    });
  }

  it("scores a second query without traces of the first (the query buffer is reused)", () => {
    const matrix = randomValues(20 * 64, 5);
    const rows = quantizeRows(matrix, 64);
    const second = randomValues(64, 8);
    rows.scoreAll(randomValues(64, 7));
    expect(Array.from(rows.scoreAll(second))).toEqual(Array.from({ length: 20 }, (_, row) => referenceDot(matrix, row, second, 64)));
  });

  it("handles a matrix with no rows", () => {
    const rows = quantizeRows(new Float32Array(0), 1024);
    expect(rows.count).toBe(0);
    expect(rows.scoreAll(randomValues(1024, 1))).toHaveLength(0);
  });
});
