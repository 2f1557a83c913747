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

describe("packContext with parts of one section", () => {
  it("merges chunks that share a URL into the source that named it first, keeping the numbering dense", () => {
    const part = (n: number, url: string, text: string): SearchResult => ({
      ...result(n, 1),
      chunk: { ...result(n, 1).chunk, id: `p${n}`, url, title: `T ${url}`, text },
    });
    const packed = packContext({ results: [part(1, "/blog/a", "first"), part(2, "/blog/b#x", "other"), part(3, "/blog/a", "second")] });
    expect(packed.sources.map((s) => [s.n, s.url, s.text])).toEqual([
      [1, "/blog/a", "first\n\n…\n\nsecond"],
      [2, "/blog/b#x", "other"],
    ]);
    expect(packed.text).toBe("[1] T /blog/a (/blog/a)\nfirst\n\n…\n\nsecond\n\n[2] T /blog/b#x (/blog/b#x)\nother");
  });

  it("counts the merged passages against the budget", () => {
    const same = (n: number): SearchResult => ({ ...result(n, 1), chunk: { ...result(n, 1).chunk, url: "/blog/long", text: "y".repeat(3_000) } });
    const packed = packContext({ results: Array.from({ length: 10 }, (_, i) => same(i + 1)), maxChars: 10_000 });
    expect(packed.sources).toHaveLength(1);
    expect(packed.text.length).toBeLessThanOrEqual(10_000);
  });
});
