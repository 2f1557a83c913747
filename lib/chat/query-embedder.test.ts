import { describe, expect, it } from "vitest";
import { createQueryEmbedder, type EmbedTextsFn } from "./query-embedder";

const endpoint = (url: string, model = "bge-m3") => ({ url, api: "ollama" as const, model });
function recordingEmbed(behaviour: (url: string) => Promise<Float32Array[]>) {
  const calls: Array<{ url: string; timeoutMs?: number; maxRetries?: number }> = [];
  const embedTexts: EmbedTextsFn = async ({ endpoint, timeoutMs, maxRetries }) => {
    calls.push({ url: endpoint.url, timeoutMs, maxRetries });
    return behaviour(endpoint.url);
  };
  return { calls, embedTexts };
}

describe("createQueryEmbedder", () => {
  it("embeds once with a short deadline and no retries, then serves repeats from the cache", async () => {
    const { calls, embedTexts } = recordingEmbed(async () => [new Float32Array([1, 0])]);
    const embedder = createQueryEmbedder({ endpoints: { primary: endpoint("http://pi") }, embedTexts, timeoutMs: 500 });
    expect((await embedder.embed("q", { model: "bge-m3" })).source).toBe("primary");
    expect((await embedder.embed("q", { model: "bge-m3" })).source).toBe("cache");
    expect(calls).toEqual([{ url: "http://pi", timeoutMs: 500, maxRetries: 0 }]);
  });

  it("falls back to the second endpoint, and skips a dead primary once its breaker opens", async () => {
    const { calls, embedTexts } = recordingEmbed(async (url) => {
      if (url === "http://pi") throw new Error("connect ECONNREFUSED");
      return [new Float32Array([0, 1])];
    });
    const logs: string[] = [];
    const embedder = createQueryEmbedder({ endpoints: { primary: endpoint("http://pi"), fallback: endpoint("http://gpu") }, embedTexts, log: (m) => void logs.push(m) });
    for (const q of ["a", "b", "c"]) expect((await embedder.embed(q, { model: "bge-m3" })).source).toBe("fallback");
    expect(calls.map((c) => c.url)).toEqual(["http://pi", "http://gpu", "http://pi", "http://gpu", "http://gpu"]);
    expect(logs.at(-1)).toMatch(/breaker open/);
  });

  it("never uses an endpoint serving another model than the index's, and says so once", async () => {
    const { calls, embedTexts } = recordingEmbed(async () => [new Float32Array([1])]);
    const logs: string[] = [];
    const embedder = createQueryEmbedder({ endpoints: { primary: endpoint("http://pi", "nomic-embed-text") }, embedTexts, log: (m) => void logs.push(m) });
    expect(await embedder.embed("a", { model: "bge-m3" })).toEqual({ source: "none" });
    expect(await embedder.embed("b", { model: "bge-m3:latest" })).toEqual({ source: "none" });
    expect(calls).toHaveLength(0);
    expect(logs).toHaveLength(1);
  });
});
