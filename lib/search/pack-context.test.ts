import { describe, expect, it } from "vitest";
import type { SearchResult } from "./types";
import { packContext } from "./pack-context";

const result = (n: number, length: number): SearchResult => ({
  rank: n, score: 1 / (60 + n), bm25Rank: n, denseRank: null,
  chunk: { id: `c${n}`, kind: "post", documentTitle: "D", documentUrl: "/blog/d", url: `/blog/d#s${n}`, anchor: `s${n}`, title: `D › S${n}`, date: "2024-01-01", text: "x".repeat(length) },
});

describe("packContext", () => {
  it("numbers sources 1..n in rank order with their deep links", () => {
    const packed = packContext({ results: [result(1, 10), result(2, 10)] });
    expect(packed.sources.map((s) => [s.n, s.url])).toEqual([[1, "/blog/d#s1"], [2, "/blog/d#s2"]]);
    expect(packed.text).toBe(`[1] D › S1 (/blog/d#s1)\n${"x".repeat(10)}\n\n[2] D › S2 (/blog/d#s2)\n${"x".repeat(10)}`);
  });

  it("never exceeds the budget, cutting the last source that does not fit and stopping there", () => {
    const packed = packContext({ results: Array.from({ length: 15 }, (_, i) => result(i + 1, 1_500)), maxChars: 16_000 });
    expect(packed.text.length).toBeLessThanOrEqual(16_000);
    expect(packed.sources.length).toBeLessThan(15);
    expect(packed.sources.at(-1)!.text.endsWith("…")).toBe(true);
  });
});
