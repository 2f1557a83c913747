// Build-time fault drills: each puts the shared fake Ollama (the Pi) into one fault and
// checks what the author sees (the summary and its warning) and that no chunk is lost.
// Every wait is the Pi's real one scaled by DRILL_TIME_SCALE (see build-drill.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOllama, type FakeOllama } from "@/test/fake-ollama";
import { buildIndex } from "@/lib/index/build";
import { formatBuildSummary } from "@/lib/index/summary";
import { chunkDocuments } from "@/lib/chunk/chunk-document";
import { loadAllDocuments } from "@/lib/content/load";
import { EmbeddingCache } from "@/lib/embed/cache";
import { suggestedQuestions } from "@/lib/site";
import { runIndexScript } from "./index-process";
import { EMBED_BATCH_SIZE, EMBED_MAX_RETRIES } from "@/lib/embed/constants";
import {
  addPost, cacheEntries, DRILL_DIMENSIONS, DRILL_TIME_SCALE, drillBuildOptions, embeddedTexts, embedPosts, makeDrillRoot, makeSampleRoot, postWithMarkedSection, readIndex,
  unembeddableRecords,
} from "./build-drill";

/** A Pi that has unloaded bge-m3 or is busy: 5 s per request (3-5 s model load, then the batch). */
const PI_SLOW_REQUEST_MS = 5_000;

/** The Pi embeds a chunk in ~1.5 s when indexing; scaled, a batch of 8 takes ~120 ms, so a kill lands mid-build. */
const PI_MS_PER_CHUNK = 1_500;

/** A word in one chunk that makes the fake fail its whole request as bge-m3 does: 500 "json: unsupported value: NaN". */
const POISON = "nanpoisonmarker";

/** Dated after every sample post, so its chunks open the first (full) batch. */
const poisonPost = postWithMarkedSection({ title: "Poisoned", date: "2099-01-01", marker: POISON });

/** Batches answered before the kill: enough that the cache holds real progress, far from the end. */
const BATCHES_BEFORE_KILL = 3;

let fake: FakeOllama;
beforeAll(async () => (fake = await startFakeOllama({ dimensions: DRILL_DIMENSIONS })));
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const build = (root: string, extra = {}) => buildIndex(drillBuildOptions(root, fake, extra));
const lexicalIds = (summary: Awaited<ReturnType<typeof buildIndex>>) => summary.lexicalOnly.map((m) => m.id).sort();
const vectorless = (indexDir: string) => readIndex(indexDir).meta.chunks.filter((c) => c.vectorRow === null);

describe("build-time faults of the embedding endpoint", () => {
  it("Pi off at build: the build succeeds, warns loudly listing the lexical-only chunks, and the next build with the Pi up fills exactly those", async () => {
    const root = makeDrillRoot();
    await build(root);
    addPost(root, "fresh");
    await fake.goDown();
    const down = await build(root).finally(() => fake.comeUp());

    expect(down).toMatchObject({ chunks: 12, cacheHits: 9, embedded: 0 });
    expect(lexicalIds(down)).toEqual(["/blog/fresh#alpha", "/blog/fresh#beta", "/blog/fresh#gamma"]);
    const report = formatBuildSummary(down);
    expect(report).toMatch(/WARNING: 3 of 12 chunks have NO VECTOR/);
    for (const id of lexicalIds(down)) expect(report).toContain(`- ${id} (primary endpoint down`);
    expect(readIndex(down.indexDir).meta.chunks).toHaveLength(12);
    const gaps = vectorless(down.indexDir);
    expect(gaps.map((c) => c.id).sort()).toEqual(lexicalIds(down));

    fake.reset();
    const up = await build(root);
    expect(up).toMatchObject({ cacheHits: 9, embedded: 3, lexicalOnly: [] });
    expect(embeddedTexts(fake).sort()).toEqual(gaps.map((c) => c.text).sort());
    expect(vectorless(up.indexDir)).toEqual([]);
  });

  it(`Pi slow at build (${PI_SLOW_REQUEST_MS} ms per request, time-scaled ×${DRILL_TIME_SCALE}: ${PI_SLOW_REQUEST_MS * DRILL_TIME_SCALE} ms, well inside the request timeout): every vector is filled, no chunk lost, no text requested twice, and a cached chunk never again`, async () => {
    fake.setDelay(PI_SLOW_REQUEST_MS * DRILL_TIME_SCALE);
    const root = makeDrillRoot(4);
    const cold = await build(root);
    expect(cold).toMatchObject({ chunks: 12, embedded: 12, lexicalOnly: [] });
    const sent = embeddedTexts(fake);
    expect(sent).toHaveLength(12);
    expect(new Set(sent).size).toBe(12);
    expect(vectorless(cold.indexDir)).toEqual([]);

    addPost(root, "later");
    fake.reset();
    fake.setDelay(PI_SLOW_REQUEST_MS * DRILL_TIME_SCALE);
    const warm = await build(root);
    expect(warm).toMatchObject({ chunks: 15, cacheHits: 12, embedded: 3, lexicalOnly: [] });
    expect(embeddedTexts(fake).filter((text) => sent.includes(text))).toEqual([]);
  });

  it("Pi flaky at build (every other request 503): retries fill every vector, and exactly one extra request per failed one reaches the Pi", async () => {
    fake.failEvery(2, 503);
    const root = makeDrillRoot(4);
    const summary = await build(root, { batchSize: 2 });
    expect(summary).toMatchObject({ chunks: 12, embedded: 12, lexicalOnly: [] });
    // Six batches: the 1st request succeeds, then each batch fails once (503) and succeeds on its retry.
    expect(embedPosts(fake)).toBe(6 + 5);
    expect(summary.requests).toBe(6 + 5); // the summary counts what the Pi saw, retries included
    expect(fake.inputCount).toBe(12);
    expect(vectorless(summary.indexDir)).toEqual([]);
  });

  it("Pi answering another model: refused without a retry, nothing cached under the wrong model, every chunk lexical-only and the warning names the model", async () => {
    fake.answerModel("nomic-embed-text");
    const root = makeDrillRoot();
    const summary = await build(root);
    expect(summary).toMatchObject({ chunks: 9, embedded: 0 });
    expect(summary.lexicalOnly).toHaveLength(9);
    for (const m of summary.lexicalOnly) expect(m.reason).toMatch(/answered with model nomic-embed-text, expected bge-m3/);
    expect(formatBuildSummary(summary)).toMatch(/WARNING: 9 of 9[\s\S]*nomic-embed-text/);
    expect(embedPosts(fake)).toBe(2);
    expect(cacheEntries(path.join(root, ".cache"))).toEqual([]);
    expect(readIndex(summary.indexDir).meta.chunks).toHaveLength(9);
  });

  it("Pi answering wrong dimensions: the batch is refused, nothing of it cached, each of its chunks reported with the size it sent", async () => {
    const root = makeDrillRoot();
    await build(root);
    addPost(root, "narrow");
    fake.answerDimensions(8);
    const summary = await build(root);
    expect(summary).toMatchObject({ chunks: 12, cacheHits: 9, embedded: 0 });
    expect(lexicalIds(summary)).toEqual(["/blog/narrow#alpha", "/blog/narrow#beta", "/blog/narrow#gamma"]);
    for (const m of summary.lexicalOnly) expect(m.reason).toMatch(/has 8 dimensions, expected 16/);
    expect(cacheEntries(path.join(root, ".cache"))).toHaveLength(9);
    expect(readIndex(summary.indexDir).meta.dimensions).toBe(DRILL_DIMENSIONS);
  });

  it("Pi answering NaN vectors: refused, nothing cached, each chunk reported as non-finite, and the index still loads", async () => {
    fake.answerNaN();
    const root = makeDrillRoot();
    const summary = await build(root);
    expect(summary).toMatchObject({ chunks: 9, embedded: 0 });
    expect(summary.lexicalOnly).toHaveLength(9);
    for (const m of summary.lexicalOnly) expect(m.reason).toMatch(/non-finite/);
    expect(cacheEntries(path.join(root, ".cache"))).toEqual([]);
    expect(readIndex(summary.indexDir).meta.chunks).toHaveLength(9);
  });

  it("bge-m3's NaN 500 on one chunk at build: the failed batch is split down to that chunk, every other chunk of the sample content gets a vector, and the warning names exactly that chunk with its file and heading", async () => {
    const root = makeSampleRoot({ "posts/poisoned.md": poisonPost });
    fake.poisonInputs(POISON);
    const summary = await build(root);

    expect(summary.lexicalOnly.map(({ id, file, title }) => ({ id, file, title }))).toEqual([{ id: "/blog/poisoned#beta", file: "content/posts/poisoned.md", title: "Poisoned › Beta" }]);
    expect(summary.lexicalOnly[0]!.reason).toMatch(/cannot embed this chunk[^\n]*500[^\n]*unsupported value: NaN[^\n]*next build tries it once, alone/);
    expect(vectorless(summary.indexDir).map((c) => c.id)).toEqual(["/blog/poisoned#beta"]);
    expect(summary.embedded).toBe(summary.chunks - 1);
    const report = formatBuildSummary(summary);
    expect(report).toMatch(new RegExp(`WARNING: 1 of ${summary.chunks} chunks have NO VECTOR`));
    expect(report.split("\n").filter((line) => line.startsWith("  - "))).toEqual([expect.stringMatching(/^ {2}- \/blog\/poisoned#beta \(.*\) in content\/posts\/poisoned\.md, "Poisoned › Beta"$/)]);

    // What it cost: the batch's first try and its retries, then halves 4+4, 2+2, 1+1 of the batch of 8.
    const batches = Math.ceil(summary.chunks / EMBED_BATCH_SIZE);
    expect(summary.splitRequests).toBe(6);
    expect(embedPosts(fake)).toBe(batches + EMBED_MAX_RETRIES + 6);
    expect(summary.requests).toBe(embedPosts(fake));
    expect(unembeddableRecords(path.join(root, ".cache"))).toHaveLength(1);

    // The next build sends only that chunk, once, alone; the rest come from the cache.
    fake.reset();
    fake.poisonInputs(POISON);
    const again = await build(root);
    expect(embedPosts(fake)).toBe(1);
    expect(embeddedTexts(fake)).toEqual([expect.stringContaining(POISON)]);
    expect(again).toMatchObject({ cacheHits: summary.chunks - 1, embedded: 0, splitRequests: 1 });
    expect(again.lexicalOnly.map((m) => m.id)).toEqual(["/blog/poisoned#beta"]);

    // Once the server can embed it (a fixed Ollama), that one request fills it and the record goes.
    fake.reset();
    const healed = await build(root);
    expect(embedPosts(fake)).toBe(1);
    expect(healed).toMatchObject({ embedded: 1, lexicalOnly: [] });
    expect(unembeddableRecords(path.join(root, ".cache"))).toEqual([]);
    expect(vectorless(healed.indexDir)).toEqual([]);
  });

  it("Pi failing every request with 500 (not one chunk's fault): a split stops when both halves fail, so the cost stays bounded and no chunk is remembered as unembeddable", async () => {
    fake.failEvery(1, 500);
    const root = makeDrillRoot();
    const summary = await build(root);
    expect(summary).toMatchObject({ chunks: 9, embedded: 0 });
    expect(summary.lexicalOnly).toHaveLength(9);
    for (const m of summary.lexicalOnly.slice(0, 8)) expect(m.reason).toMatch(/both halves of the batch failed/);
    // Batch 1 (8): first try + retries, then two halves that both fail; batch 2 (1): first try + retries.
    expect(embedPosts(fake)).toBe(1 + EMBED_MAX_RETRIES + 2 + 1 + EMBED_MAX_RETRIES);
    expect(unembeddableRecords(path.join(root, ".cache"))).toEqual([]);
  });

  // chmod 555 does not stop root (CI runs as root); a regular file where the cache
  // directory should be makes every mkdir/write fail with ENOTDIR for any user, on any OS.
  it("cache directory unwritable at build (a file where the directory should be, which stops root too): the build succeeds, keeps every vector the Pi sent and says it could not cache", async () => {
    const root = makeDrillRoot();
    fs.writeFileSync(path.join(root, "cache-is-a-file"), "");
    const warnings: string[] = [];
    const summary = await build(root, { cacheDir: "cache-is-a-file", warn: (m: string) => void warnings.push(m) });
    expect(summary.lexicalOnly).toEqual([]);
    expect(summary).toMatchObject({ chunks: 9, embedded: 9 });
    expect(vectorless(summary.indexDir)).toEqual([]);
    expect([...summary.notices, ...warnings].join("\n")).toMatch(/cach(e|ing)[^\n]*(ENOTDIR|not a directory|could not)/i);
  });

  it(`process killed mid-build (SIGKILL after ${BATCHES_BEFORE_KILL} batches, the Pi at ${PI_MS_PER_CHUNK} ms per chunk time-scaled ×${DRILL_TIME_SCALE}): every cache file left is valid, the old index still loads, and the rebuild embeds only what was not cached`, async () => {
    const repo = process.cwd();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "killed-build-"));
    const [cacheDir, indexDir] = [path.join(work, "cache"), path.join(work, "index")];
    const env = { EMBED_URL: fake.url, EMBED_CACHE_DIR: cacheDir, SEARCH_INDEX_DIR: indexDir };
    await buildIndex({ root: repo, indexDir, cacheDir, model: "bge-m3", warn: () => {} }); // yesterday's lexical-only index
    const before = readIndex(indexDir).meta.createdAt;

    fake.setDelayPerInput(PI_MS_PER_CHUNK * DRILL_TIME_SCALE);
    const killed = await runIndexScript({ env, killWhen: () => fake.inputCount >= BATCHES_BEFORE_KILL * 8 });
    expect(killed.signal).toBe("SIGKILL");
    expect(readIndex(indexDir).meta.createdAt).toBe(before);
    const texts = [...chunkDocuments(loadAllDocuments(repo)).map((c) => c.text), ...suggestedQuestions];
    const warnings: string[] = [];
    const cache = new EmbeddingCache({ dir: cacheDir, model: "bge-m3", warn: (m) => void warnings.push(m) });
    const cached = texts.filter((text) => cache.get(text) !== undefined).length;
    expect(warnings).toEqual([]);
    expect(cacheEntries(cacheDir)).toHaveLength(cached);
    expect(cached).toBeGreaterThanOrEqual((BATCHES_BEFORE_KILL - 1) * 8);
    expect(cached).toBeLessThan(texts.length);

    // The killed build's last request may still be in the fake's delay: let it end first,
    // or its inputs would be counted against the rebuild.
    for (let waited = 0; fake.concurrent > 0 && waited < 5_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    fake.reset();
    const rebuilt = await runIndexScript({ env });
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(fake.inputCount).toBe(texts.length - cached);
    const index = readIndex(indexDir);
    expect(index.meta.chunks.filter((c) => c.vectorRow === null)).toEqual([]);
    expect(index.meta.queries).toHaveLength(suggestedQuestions.length);
    fs.rmSync(work, { recursive: true, force: true });
  }, 60_000);
});
