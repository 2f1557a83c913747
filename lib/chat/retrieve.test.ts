import { describe, expect, it } from "vitest";
import type { SearchResponse } from "../search/types";
import type { QueryEmbedder } from "./query-embedder";
import { createRetriever, type ChatSearchIndex } from "./retrieve";

const index: ChatSearchIndex = { model: "bge-m3", dimensions: 2, hasVectors: true, bakedQueryVector: () => undefined };
const source = { n: 1, title: "Tramline › Intro", url: "/projects/tramline", text: "Tramline is a tram-delay model." };
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
      },
    });
    expect((await retrieve("q")).mode).toBe("lexical");
    expect(embedded).toBe(false);
  });
});
