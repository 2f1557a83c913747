import { describe, expect, it } from "vitest";
import type { SearchResponse } from "../search/types";
import type { QueryEmbedder } from "./query-embedder";
import type { Coverage } from "./not-covered";
import { createRetriever, type ChatSearchIndex } from "./retrieve";

const index: ChatSearchIndex = { model: "bge-m3", dimensions: 2, hasVectors: true, bakedQueryVector: () => undefined };
const source = { n: 1, title: "Tramline › Intro", url: "/projects/tramline", text: "Tramline is a tram-delay model." };
const evidence = { terms: ["tramline"], matched: ["tramline"], lexical: 0.9, vocabulary: 1, topical: 1, dense: null, denseMin: null, bestUrl: "/projects/tramline", recentOnly: false, unsupportedDetails: [] };
const covered: Coverage = { covered: true, topScore: 0.9, reason: "strong keyword match", evidence, suggestions: [] };
const emptyResponse = (query: string, mode: "hybrid" | "lexical"): SearchResponse => ({ query, mode, results: [] });

describe("createRetriever", () => {
  it("ranks BM25 while the query embedding is still in flight, then fuses with the vector", async () => {
    const events: string[] = [];
    let release!: () => void;
    const embedder: QueryEmbedder = {
      embed: async () => {
        events.push("embed started");
        await new Promise<void>((resolve) => (release = resolve));
        events.push("embed finished");
        return { vector: new Float32Array([1, 0]), source: "primary" };
      },
    };
    const retrieve = createRetriever({
      embedder,
      search: {
        loadIndex: async () => index,
        rankLexical: () => {
          events.push("bm25 ranked");
          setTimeout(() => release(), 0);
          return [3, 1];
        },
        search: ({ query, queryVector, lexical }) => {
          events.push(`fused ${lexical?.join(",")} with ${queryVector ? "vector" : "no vector"}`);
          return emptyResponse(query, "hybrid");
        },
        pack: () => ({ sources: [source], text: "" }),
        cover: () => covered,
      },
    });
    const retrieval = await retrieve("what is Tramline?");
    expect(events).toEqual(["embed started", "bm25 ranked", "embed finished", "fused 3,1 with vector"]);
    expect(retrieval).toMatchObject({ mode: "hybrid", sources: [source] });
  });

  it("skips the embedder entirely when the index has no vectors", async () => {
    let embedded = false;
    const retrieve = createRetriever({
      embedder: { embed: async () => ((embedded = true), { vector: undefined, source: "none" }) },
      search: {
        loadIndex: async () => ({ ...index, hasVectors: false }),
        search: ({ query, queryVector }) => emptyResponse(query, queryVector ? "hybrid" : "lexical"),
        pack: () => ({ sources: [], text: "" }),
        cover: () => covered,
      },
    });
    expect((await retrieve("q")).mode).toBe("lexical");
    expect(embedded).toBe(false);
  });

  it("hands over no sources, and logs why, when the writing does not cover the question", async () => {
    const logs: string[] = [];
    let packed = false;
    const notCovered: Coverage = { ...covered, covered: false, topScore: 0, reason: "no topic word is in the writing", suggestions: ["homelab"] };
    const retrieve = createRetriever({
      embedder: { embed: async () => ({ vector: undefined, source: "none" }) },
      search: {
        loadIndex: async () => ({ ...index, hasVectors: false }),
        search: ({ query }) => emptyResponse(query, "lexical"),
        pack: () => ((packed = true), { sources: [source], text: "" }),
        cover: () => notCovered,
      },
      log: (message) => logs.push(message),
    });
    const retrieval = await retrieve("What is the capital of France?");
    expect(retrieval.sources).toEqual([]);
    expect(retrieval.coverage).toMatchObject({ covered: false, topScore: 0, suggestions: ["homelab"] });
    expect(packed).toBe(false);
    expect(logs.join("\n")).toContain("no topic word is in the writing");
  });
});
