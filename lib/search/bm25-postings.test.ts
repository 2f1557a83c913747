import { describe, expect, it } from "vitest";
import { buildBm25, indexTokens, scoreByBm25 } from "./bm25";
import { EMPTY_BM25_DOCUMENT } from "./bm25-fields";

const words = ["duckdb", "kafka", "lisbon", "terraform", "rust", "coffee", "tram", "model"];

describe("scoreByBm25", () => {
  it("gives wink's own search results (same chunks, same scores, ties by position), only faster", () => {
    let seed = 3;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const documents = Array.from({ length: 200 }, () => ({ ...EMPTY_BM25_DOCUMENT, title: words[Math.floor(random() * words.length)]!, body: Array.from({ length: 30 }, () => words[Math.floor(random() * words.length)]).join(" ") }));
    const engine = buildBm25(documents);
    for (const query of ["duckdb", "kafka lisbon", "tram tram model", "nothing here"]) {
      const wink = engine.search(query, 40).map(([id, score]) => [Number(id), score]);
      expect(scoreByBm25({ engine, query, limit: 40 })).toEqual(wink);
    }
  });

  it("leaves out the padding wink needs for a corpus of fewer than three chunks", () => {
    const engine = buildBm25([{ ...EMPTY_BM25_DOCUMENT, body: "only rust here" }]);
    expect(scoreByBm25({ engine, query: "rust", limit: 5 }).map(([chunk]) => chunk)).toEqual([0]);
    expect(indexTokens("Only Rust here")).toEqual(["rust"]);
  });
});
