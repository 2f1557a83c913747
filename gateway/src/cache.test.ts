import { afterEach, describe, expect, it } from "vitest";
import { hashEmbed } from "../../test/fake-ollama";
import { createEmbeddingCache } from "./cache";
import { TOKEN, post, startHarness } from "./testing";
import type { Harness } from "./testing";

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

// The texts each upstream call carried (a plain body goes on as the client wrote it: a lone string stays one).
const forwardedInputs = (h: Harness) => h.fake.requests.filter((r) => r.path === "/api/embed").map((r) => [(r.body as { input: string | string[] }).input].flat());
const counter = async (h: Harness, name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(await h.gateway.metrics.registry.metrics())?.[1]);

describe("createEmbeddingCache", () => {
  it("evicts the least recently used entry first, counting a read as a use", () => {
    const cache = createEmbeddingCache(2);
    const [a, b, c] = ["a", "b", "c"].map((t) => cache.keyOf("bge-m3:latest", t));
    cache.set(a, [1]);
    cache.set(b, [2]);
    expect(cache.get(a)).toEqual([1]);
    cache.set(c, [3]);
    expect([cache.get(a), cache.get(b), cache.get(c), cache.size]).toEqual([[1], undefined, [3], 2]);
  });

  it("keys on the model as well as the text, and keeps the two apart", () => {
    const cache = createEmbeddingCache(10);
    expect(cache.keyOf("bge-m3:latest", "x")).not.toBe(cache.keyOf("other:latest", "x"));
    expect(cache.keyOf("ab", "c")).not.toBe(cache.keyOf("a", "bc"));
  });
});

describe("createServer with the cache on", () => {
  it("sends the same text upstream once, however it is asked (model with or without :latest, either route)", async () => {
    h = await startHarness({ cacheEntries: 100 });
    const first = await (await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: "same text" } })).json();
    const second = await (await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "bge-m3:latest", input: "same text" } })).json();
    const openai = await (await post(`${h.url}/v1/embeddings`, { token: TOKEN, body: { model: "bge-m3", input: ["same text"] } })).json();
    expect(forwardedInputs(h)).toEqual([["same text"]]);
    expect(second.embeddings).toEqual(first.embeddings);
    expect(openai.data[0].embedding).toEqual(first.embeddings[0]);
    expect([await counter(h, "embed_gateway_cache_hits_total"), await counter(h, "embed_gateway_cache_misses_total")]).toEqual([2, 1]);
  });

  it("sends only the 6 uncached inputs of a 10-input batch with 4 cached, and answers all 10 in order on both routes", async () => {
    h = await startHarness({ cacheEntries: 100 });
    const texts = Array.from({ length: 10 }, (_, i) => `chunk number ${i}`);
    const cached = [texts[1], texts[4], texts[5], texts[9]];
    expect((await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: cached } })).status).toBe(200);
    const native = await (await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: texts } })).json();
    expect(forwardedInputs(h)[1]).toEqual([texts[0], texts[2], texts[3], texts[6], texts[7], texts[8]]);
    expect(native.embeddings).toEqual(texts.map((t) => hashEmbed(t, 8)));
    expect(native.model).toBe("bge-m3");
    const openai = await (await post(`${h.url}/v1/embeddings`, { token: TOKEN, body: { model: "bge-m3", input: texts } })).json();
    expect(forwardedInputs(h)).toHaveLength(2);
    expect(openai.data.map((d: { index: number; embedding: number[] }) => [d.index, d.embedding])).toEqual(texts.map((t, i) => [i, hashEmbed(t, 8)]));
  });

  it("asks upstream again for truncate: false, where a cached truncated vector would hide Ollama's refusal", async () => {
    h = await startHarness({ cacheEntries: 100 });
    await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: "t" } });
    await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: "t", truncate: false } });
    expect(forwardedInputs(h)).toEqual([["t"], ["t"]]);
  });

  it("with GATEWAY_CACHE_ENTRIES=0 sends every request upstream and counts no hit or miss", async () => {
    h = await startHarness({ cacheEntries: 0 });
    await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: "t" } });
    await post(`${h.url}/api/embed`, { token: TOKEN, body: { model: "bge-m3", input: "t" } });
    expect(forwardedInputs(h)).toHaveLength(2);
    expect(await counter(h, "embed_gateway_cache_misses_total")).toBe(0);
  });
});
