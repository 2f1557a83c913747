import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOllama, type FakeOllama } from "@/test/fake-ollama";
import { EMBED_BATCH_SIZE, EMBED_MAX_RETRIES } from "../embed/constants";
import type { EmbedEndpoint } from "../embed/types";
import { embedQueries } from "./embed-queries";
import { loadQuestions, retrievalQueryOf } from "./questions";

/** The gateway's `maxInputs` (gateway/src/config.ts): a request with more inputs is refused with 413. */
const GATEWAY_MAX_INPUTS = 64;
/** Vectors this small keep the fake fast; the size is only checked for agreement. */
const DIMENSIONS = 8;
/** Retries never wait in these tests: the backoff sleep returns at once. */
const timing = { sleep: async () => {}, random: () => 0 };

let primary: FakeOllama;
let fallback: FakeOllama;
const endpointOf = (fake: FakeOllama): EmbedEndpoint => ({ url: fake.url, api: "ollama", model: "bge-m3" });
const inputsOf = (fake: FakeOllama) => fake.requests.map((request) => (request.body as { input: string[] }).input);
/** Every eval question's retrieval query (follow-ups with their history), as `runEval` asks for them. */
const queries = [...new Set(loadQuestions().map(retrievalQueryOf))];

beforeAll(async () => {
  [primary, fallback] = await Promise.all([startFakeOllama({ dimensions: DIMENSIONS }), startFakeOllama({ dimensions: DIMENSIONS })]);
});
afterAll(() => Promise.all([primary.close(), fallback.close()]));
beforeEach(() => {
  primary.reset();
  fallback.reset();
});

describe("embedQueries", () => {
  it("embeds every eval query in ceil(queries / EMBED_BATCH_SIZE) requests when nothing fails", async () => {
    const result = await embedQueries({ texts: queries, endpoints: [endpointOf(primary)], dimensions: DIMENSIONS, timing });
    expect(primary.requests).toHaveLength(Math.ceil(queries.length / EMBED_BATCH_SIZE));
    expect(inputsOf(primary).flat()).toEqual(queries);
    expect(result.vectors.size).toBe(queries.length);
    expect(result.failures.size).toBe(0);
  });

  it("keeps every batch within the gateway's inputs per request", async () => {
    expect(EMBED_BATCH_SIZE).toBeLessThanOrEqual(GATEWAY_MAX_INPUTS);
    await embedQueries({ texts: queries, endpoints: [endpointOf(primary)], timing });
    expect(Math.max(...inputsOf(primary).map((input) => input.length))).toBeLessThanOrEqual(GATEWAY_MAX_INPUTS);
  });

  it("embeds a text asked for twice only once", async () => {
    const result = await embedQueries({ texts: ["tokio", "porto", "tokio"], endpoints: [endpointOf(primary)], timing });
    expect(inputsOf(primary)).toEqual([["tokio", "porto"]]);
    expect(result.vectors.size).toBe(2);
  });

  it("retries a batch refused with 429 and still gets every vector", async () => {
    primary.failNext(1, 429);
    const result = await embedQueries({ texts: queries, endpoints: [endpointOf(primary)], timing });
    expect(primary.requests).toHaveLength(Math.ceil(queries.length / EMBED_BATCH_SIZE) + 1);
    expect(inputsOf(primary)[1]).toEqual(inputsOf(primary)[0]);
    expect(result.failures.size).toBe(0);
  });

  it("sends only what the primary failed to the fallback, once", async () => {
    primary.failNext(EMBED_MAX_RETRIES + 1, 503);
    const result = await embedQueries({ texts: queries, endpoints: [endpointOf(primary), endpointOf(fallback)], timing });
    expect(inputsOf(fallback)).toEqual([queries.slice(0, EMBED_BATCH_SIZE)]);
    expect(result.vectors.size).toBe(queries.length);
    expect(result.failures.size).toBe(0);
  });

  it("names each endpoint's reason for a text neither could embed, and embeds the others", async () => {
    primary.failNext(EMBED_MAX_RETRIES + 1, 503);
    fallback.failNext(EMBED_MAX_RETRIES + 1, 504); // a timeout, not an input the server refuses: the batch is not split
    const result = await embedQueries({ texts: queries, endpoints: [endpointOf(primary), endpointOf(fallback)], timing });
    expect([...result.failures.keys()]).toEqual(queries.slice(0, EMBED_BATCH_SIZE));
    expect(result.failures.get(queries[0]!)).toMatch(/^primary: .*answered 503.*; fallback: .*answered 504/);
    expect(result.vectors.size).toBe(queries.length - EMBED_BATCH_SIZE);
  });

  it("reports every text as failed, sending nothing, when no endpoint is configured", async () => {
    const result = await embedQueries({ texts: ["tokio"], endpoints: [undefined, undefined] });
    expect(result.failures.get("tokio")).toBe("no embedding endpoint is configured");
    expect(primary.requests).toHaveLength(0);
  });
});
