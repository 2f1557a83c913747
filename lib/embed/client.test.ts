import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashEmbed, startFakeOllama, type FakeOllama } from "@/test/fake-ollama";
import { embedTexts } from "./client";
import { EmbedError } from "./errors";
import type { EmbedEndpoint } from "./types";

let fake: FakeOllama;
const sleeps: number[] = [];
const timing = { sleep: async (ms: number) => void sleeps.push(ms), random: () => 1 };
const endpoint = (extra: Partial<EmbedEndpoint> = {}): EmbedEndpoint => ({ url: fake.url, api: "ollama", model: "bge-m3", ...extra });

beforeAll(async () => (fake = await startFakeOllama({ dimensions: 8 })));
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  sleeps.length = 0;
});

describe("embedTexts", () => {
  it("posts Ollama's /api/embed body with the bearer secret and returns the vectors", async () => {
    const vectors = await embedTexts({ endpoint: endpoint({ secret: "s3cret" }), texts: ["a", "b"] });
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/api/embed", body: { model: "bge-m3", input: ["a", "b"] } });
    expect(fake.requests[0]!.headers.authorization).toBe("Bearer s3cret");
    expect([...vectors[0]!]).toEqual(hashEmbed("a", 8).map(Math.fround));
  });

  it("speaks OpenAI's /v1/embeddings with base64 floats and decodes them", async () => {
    const vectors = await embedTexts({ endpoint: endpoint({ api: "openai" }), texts: ["hello"] });
    expect(fake.requests[0]).toMatchObject({ path: "/v1/embeddings", body: { model: "bge-m3", input: ["hello"], encoding_format: "base64" } });
    expect([...vectors[0]!]).toEqual(hashEmbed("hello", 8).map(Math.fround));
  });

  it("sends no Authorization header without a secret", async () => {
    await embedTexts({ endpoint: endpoint(), texts: ["a"] });
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("retries a 503 with exponential backoff, then succeeds", async () => {
    fake.failNext(2, 503);
    await embedTexts({ endpoint: endpoint(), texts: ["a"], timing: { ...timing, baseMs: 100 } });
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it("gives up after maxRetries with an EmbedError naming the status", async () => {
    fake.failNext(5, 500);
    const error = await embedTexts({ endpoint: endpoint(), texts: ["a"], maxRetries: 1, timing }).catch((e) => e);
    expect(error).toBeInstanceOf(EmbedError);
    expect(error.message).toMatch(/answered 500/);
    expect(fake.requests).toHaveLength(2);
  });

  it("does not retry a 404 for a model the server lacks", async () => {
    const error = await embedTexts({ endpoint: endpoint({ model: "nomic-embed-text" }), texts: ["a"], timing }).catch((e) => e);
    expect(error.message).toMatch(/404.*not found/);
    expect(fake.requests).toHaveLength(1);
  });

  it("honours Retry-After on a 429 (seconds)", async () => {
    let calls = 0;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls++;
      if (calls === 1) return new Response("slow down", { status: 429, headers: { "retry-after": "2" } });
      return fetch(url, init);
    }) as typeof fetch;
    await embedTexts({ endpoint: endpoint(), texts: ["a"], timing, fetchImpl });
    expect(sleeps).toEqual([2000]);
  });

  it("rejects vectors of the wrong dimension, NaN vectors and another model's answer", async () => {
    fake.answerDimensions(4);
    await expect(embedTexts({ endpoint: endpoint(), texts: ["a"], dimensions: 8, timing })).rejects.toThrow(/4 dimensions, expected 8/);
    fake.reset();
    fake.answerNaN();
    await expect(embedTexts({ endpoint: endpoint(), texts: ["a"], timing })).rejects.toThrow(/non-finite/);
    fake.reset();
    fake.answerModel("nomic-embed-text");
    await expect(embedTexts({ endpoint: endpoint(), texts: ["a"], timing })).rejects.toThrow(/model nomic-embed-text, expected bge-m3/);
  });

  it("times out a hung request and reports it as retryable", async () => {
    fake.hang();
    const error = await embedTexts({ endpoint: endpoint(), texts: ["a"], timeoutMs: 50, maxRetries: 0 }).catch((e) => e);
    expect(error).toBeInstanceOf(EmbedError);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/timed out after 50 ms/);
  });
});
