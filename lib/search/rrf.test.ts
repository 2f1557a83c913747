import { describe, expect, it } from "vitest";
import { fuseRanks } from "./rrf";

describe("fuseRanks", () => {
  it("adds 1/(60 + rank) from each list, by hand", () => {
    // bm25: A B C; dense: C A. A = 1/61 + 1/62, C = 1/63 + 1/61, B = 1/62.
    const fused = fuseRanks([{ name: "bm25", items: [0, 1, 2] }, { name: "dense", items: [2, 0] }]);
    expect(fused.map((f) => f.item)).toEqual([0, 2, 1]);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(fused[1]!.score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(fused[2]!.score).toBeCloseTo(1 / 62, 12);
    expect(fused[1]!.ranks).toEqual({ bm25: 3, dense: 1 });
    expect(fused[2]!.ranks).toEqual({ bm25: 2 });
  });

  it("scales a list's contribution by its weight", () => {
    const [top] = fuseRanks([{ name: "recency", items: [7], weight: 2 }]);
    expect(top!.score).toBeCloseTo(2 / 61, 12);
  });
});
