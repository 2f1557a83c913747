import { afterEach, describe, expect, it, vi } from "vitest";
import type { Chunk } from "../chunk/types";
import { lexicalSearchIndex } from "./build-index";
import { TOP_K } from "./constants";
import { searchIndex } from "./search";
import type { SearchIndex } from "./types";
import { normalizeInPlace } from "./vectors";

const chunk = (id: string, text: string, extra: Partial<Chunk> = {}): Chunk => ({
  id, kind: "post", documentTitle: id, documentUrl: `/blog/${id}`, url: `/blog/${id}`, anchor: null, title: id, date: "2024-01-01", text, ...extra,
});

// Hand-made 3-d "embeddings": axis 0 = data engineering, 1 = hiking, 2 = cooking.
const corpus: Array<[Chunk, number[]]> = [
  [chunk("warehouse", "Moving the analytics warehouse to DuckDB and dbt models."), [1, 0, 0]],
  [chunk("trail", "A long walk in the Serra da Estrela mountains with a heavy pack."), [0, 1, 0]],
  [chunk("soup", "Fish soup from Szeged, the way my grandmother made it."), [0, 0, 1]],
  [chunk("kafka", "Streaming events through Kafka into the lake."), [0.9, 0.1, 0]],
];

function hybridIndex(): SearchIndex {
  const base = lexicalSearchIndex({ chunks: corpus.map(([c]) => c), model: "toy" });
  const matrix = new Float32Array(corpus.flatMap(([, v]) => [...normalizeInPlace(Float32Array.from(v))]));
  return { ...base, dimensions: 3, hasVectors: true, matrix, rowOfChunk: Int32Array.from(corpus.keys()) };
}

afterEach(() => vi.restoreAllMocks());

describe("searchIndex", () => {
  it("finds a rare proper noun by BM25 that the dense vector misses", () => {
    const response = searchIndex({ index: hybridIndex(), query: "Estrela", queryVector: Float32Array.from([1, 0, 0]) });
    const trail = response.results.find((r) => r.chunk.id === "trail")!;
    expect(trail.bm25Rank).toBe(1);
    expect(trail.denseRank).toBeGreaterThan(2);
    expect(response.results[0]!.chunk.id).toBe("trail");
  });

  it("finds a paraphrase by the dense vector that BM25 misses", () => {
    const response = searchIndex({ index: hybridIndex(), query: "hiking holidays outdoors", queryVector: Float32Array.from([0, 1, 0]) });
    expect(response.mode).toBe("hybrid");
    const trail = response.results.find((r) => r.chunk.id === "trail")!;
    expect(trail.bm25Rank).toBeNull();
    expect(trail.denseRank).toBe(1);
    expect(response.results[0]!.chunk.id).toBe("trail");
  });

  it("falls back to lexical when the query vector has the wrong size, warning once however many queries do", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const search = () => searchIndex({ index: hybridIndex(), query: "DuckDB", queryVector: new Float32Array(1024).fill(0.1) });
    const response = search();
    search();
    expect(response.mode).toBe("lexical");
    expect(response.results.map((r) => r.chunk.id)).toEqual(["warehouse"]);
    expect(response.results.every((r) => r.denseRank === null)).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/1024 dimensions, the index 3/);
  });

  it("returns at most TOP_K results ranked 1..n", () => {
    const chunks = Array.from({ length: 40 }, (_, i) => chunk(`c${i}`, `terraform module number ${i}`));
    const response = searchIndex({ index: lexicalSearchIndex({ chunks, model: "toy" }), query: "terraform" });
    expect(response.results).toHaveLength(TOP_K);
    expect(response.results.map((r) => r.rank)).toEqual(Array.from({ length: TOP_K }, (_, i) => i + 1));
  });

  it("lifts the newest project's first chunk for 'latest' questions without pushing out a strong topical match", () => {
    const chunks = [
      chunk("old-terraform", "Terraform baseline for AWS accounts.", { kind: "project", documentUrl: "/projects/old", date: "2020-01-01" }),
      chunk("new-thing", "A bike-share tracker.", { kind: "project", documentUrl: "/projects/new", date: "2026-01-01" }),
      chunk("post", "Thoughts on Terraform state.", { documentUrl: "/blog/post", date: "2026-06-01" }),
    ];
    const index = lexicalSearchIndex({ chunks, model: "toy" });
    expect(searchIndex({ index, query: "what's the latest thing you built?" }).results[0]!.chunk.id).toBe("new-thing");
    const topical = searchIndex({ index, query: "latest Terraform project you built" }).results.map((r) => r.chunk.id);
    expect(topical.slice(0, 2)).toContain("old-terraform");
  });
});
