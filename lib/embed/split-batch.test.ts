import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOllama, type FakeOllama } from "@/test/fake-ollama";
import { EMBED_MAX_RETRIES } from "./constants";
import { embedInBatches, type EmbedItem } from "./embed-batches";
import { EmbedError } from "./errors";
import { blamesInput, retriesTransientOnly } from "./split-batch";

const POISON = "poisonword";
const timing = { baseMs: 1, maxMs: 2 };
let fake: FakeOllama;
beforeAll(async () => (fake = await startFakeOllama({ dimensions: 4 })));
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const items = (count: number, poisoned: number[]): EmbedItem[] =>
  Array.from({ length: count }, (_, i) => ({ id: `c${i}`, text: `chunk ${i}${poisoned.includes(i) ? ` ${POISON}` : ""}` }));
const embed = (list: EmbedItem[]) => embedInBatches({ endpoint: { url: fake.url, api: "ollama", model: "bge-m3" }, items: list, batchSize: 8, timing });
const posts = () => fake.requests.filter((r) => r.path === "/api/embed").length;

describe("blamesInput", () => {
  it("splits for statuses one input can cause, never for the server's state", () => {
    const status = (httpStatus: number) => new EmbedError("x", { retryable: httpStatus >= 500 || httpStatus === 429, httpStatus });
    expect([400, 413, 422, 500, 502].map((s) => blamesInput(status(s)))).toEqual([true, true, true, true, true]);
    expect([401, 403, 404, 429, 503, 504].map((s) => blamesInput(status(s)))).toEqual([false, false, false, false, false, false]);
    expect(blamesInput(new EmbedError("refused", { retryable: true }))).toBe(false); // a network error
  });

  it("inside a split, retries a busy server but never resends an input the server refused", () => {
    expect(retriesTransientOnly(new EmbedError("busy", { retryable: true, httpStatus: 503 }))).toBe(true);
    expect(retriesTransientOnly(new EmbedError("nan", { retryable: true, httpStatus: 500 }))).toBe(false);
  });
});

describe("embedInBatches with inputs the server cannot embed", () => {
  it("finds two poison chunks in different halves of one batch once the server has embedded others, and embeds their six neighbours", async () => {
    fake.poisonInputs(POISON);
    const outcome = await embed(items(16, [9, 14]));
    expect([...outcome.unembeddable].sort()).toEqual(["c14", "c9"]);
    expect(outcome.vectors.size).toBe(14);
    // Batch 1: one request. Batch 2: first try and retries, halves 4+4 (both fail), then 2+2 and 1+1 in each half.
    expect(outcome.splitRequests).toBe(2 + 4 + 4);
    expect(posts()).toBe(1 + 1 + EMBED_MAX_RETRIES + outcome.splitRequests);
  });

  it("stops at the halves when both fail before the server embedded anything in this build, and remembers nothing", async () => {
    fake.poisonInputs(POISON);
    const outcome = await embed(items(8, [1, 6]));
    expect(outcome.unembeddable.size).toBe(0);
    expect(outcome.vectors.size).toBe(0);
    expect(posts()).toBe(1 + EMBED_MAX_RETRIES + 2);
    expect(outcome.failures.get("c0")).toMatch(/both halves of the batch failed/);
  });

  it("sends a known-unembeddable item once, alone, after the batches, and never inside them", async () => {
    fake.poisonInputs(POISON);
    const list = items(9, [3]);
    const outcome = await embedInBatches({ endpoint: { url: fake.url, api: "ollama", model: "bge-m3" }, items: list, batchSize: 8, timing, isKnownUnembeddable: (item) => item.id === "c3" });
    const inputs = fake.requests.filter((r) => r.path === "/api/embed").map((r) => (r.body as { input: string[] }).input);
    expect(inputs).toEqual([list.filter((i) => i.id !== "c3").map((i) => i.text), [list[3]!.text]]);
    expect(outcome).toMatchObject({ splitRequests: 1, requests: 2 });
    expect([...outcome.unembeddable]).toEqual(["c3"]);
  });
});
