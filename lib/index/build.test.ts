import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { makeContentRoot, markdownFile } from "@/test/content-fixture";
import { startFakeOllama, type FakeOllama } from "@/test/fake-ollama";
import { buildIndex, type BuildIndexOptions } from "./build";
import { readBakedIndex } from "./read";

const para = (seed: string) => Array.from({ length: 50 }, (_, i) => `${seed}${i}`).join(" ") + ".";
const body = (seed: string) => ["## Alpha", para(`${seed}a`), "## Beta", para(`${seed}b`), "## Gamma", para(`${seed}c`)].join("\n\n");
const files = () => ({
  "posts/one.md": markdownFile("title: One\ndate: 2024-01-01", body("one")),
  "posts/two.md": markdownFile("title: Two\ndate: 2024-02-01", body("two")),
  "projects/three.md": markdownFile("title: Three\ndate: 2024-03-01\ntechnologies: [Rust]", body("three")),
});

let fake: FakeOllama;
const noWait = { sleep: async () => {}, random: () => 0 };
beforeAll(async () => (fake = await startFakeOllama({ dimensions: 16 })));
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function options(root: string, extra: Partial<BuildIndexOptions> = {}): BuildIndexOptions {
  return { root, indexDir: ".index", cacheDir: ".cache", model: "bge-m3", primary: { url: fake.url, api: "ollama", model: "bge-m3" }, timing: noWait, warn: () => {}, ...extra };
}

describe("buildIndex", () => {
  it("embeds every chunk cold, nothing warm, and only the edited chunk after a one-paragraph edit", async () => {
    const root = makeContentRoot(files());
    const cold = await buildIndex(options(root));
    expect(cold).toMatchObject({ chunks: 10, cacheHits: 0, embedded: 10, requests: 2 });
    expect(fake.inputCount).toBe(10);

    fake.reset();
    const warm = await buildIndex(options(root));
    expect(warm).toMatchObject({ cacheHits: 10, embedded: 0, requests: 0 });
    expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(0);

    const file = path.join(root, "content/posts/two.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(para("twob"), para("edited")));
    fake.reset();
    const edited = await buildIndex(options(root));
    expect(edited).toMatchObject({ cacheHits: 9, embedded: 1, requests: 1 });
    expect(fake.requests.at(-1)!.body).toMatchObject({ input: [`Two › Beta\n\n${para("edited")}`] });
  });

  it("retries a failed batch, then reports each chunk of a batch that keeps failing", async () => {
    const root = makeContentRoot(files());
    fake.failNext(1, 503);
    expect((await buildIndex(options(root, { maxRetries: 1, cacheDir: ".c1" }))).lexicalOnly).toEqual([]);
    fake.reset();
    // 503 (busy) is the server's state, so the batch is not split (a 500 is: see the poison-chunk drill).
    fake.failNext(2, 503);
    const summary = await buildIndex(options(root, { maxRetries: 1, cacheDir: ".c2" }));
    expect(summary.embedded).toBe(2);
    expect(summary.lexicalOnly).toHaveLength(8);
    expect(summary.lexicalOnly[0]).toEqual({ id: "/blog/two#alpha", file: "content/posts/two.md", title: "Two › Alpha", reason: expect.stringMatching(/primary: .*answered 503/) });
  });

  it("says the endpoint is down even when every chunk was cached, so the author learns before visitors do", async () => {
    const root = makeContentRoot(files());
    await buildIndex(options(root));
    await fake.goDown();
    try {
      const warm = await buildIndex(options(root));
      expect(warm).toMatchObject({ cacheHits: 10, embedded: 0, requests: 0, lexicalOnly: [] });
      expect(warm.notices.join("\n")).toMatch(/is down .*every chunk had a cached vector/);
    } finally {
      await fake.comeUp();
    }
    const up = await buildIndex(options(root));
    expect(up.notices).toEqual([]);
  });

  it("stops at the first 401 (a wrong EMBED_SECRET) instead of sending every batch, and says which secret to check", async () => {
    const root = makeContentRoot(files());
    fake.failNext(1_000, 401);
    const summary = await buildIndex(options(root, { batchSize: 2 }));
    expect(fake.requests.filter((r) => r.path === "/api/embed")).toHaveLength(1);
    expect(summary).toMatchObject({ embedded: 0, requests: 1 });
    expect(summary.lexicalOnly).toHaveLength(10);
    expect(summary.notices.join("\n")).toMatch(/refused the token \(401\): check its secret \(EMBED_BUILD_SECRET or EMBED_SECRET/);
  });

  it("with the endpoint down: one probe, no embed requests, cached vectors kept, the rest lexical-only; the next build fills them", async () => {
    const root = makeContentRoot(files());
    await buildIndex(options(root));
    fs.appendFileSync(path.join(root, "content/posts/one.md"), `\n\n## Delta\n\n${para("oned")}\n`);
    await fake.goDown();
    const down = await buildIndex(options(root));
    expect(down).toMatchObject({ cacheHits: 10, embedded: 0, requests: 0 });
    expect(down.lexicalOnly.map((m) => m.id)).toEqual(["/blog/one#delta"]);
    expect(down.notices.join()).toMatch(/down/);
    const baked = readBakedIndex({ dir: down.indexDir, model: "bge-m3" });
    expect(baked.ok && baked.index.meta.chunks.find((c) => c.id === "/blog/one#delta")!.vectorRow).toBeNull();

    await fake.comeUp();
    fake.reset();
    const up = await buildIndex(options(root));
    expect(up).toMatchObject({ cacheHits: 10, embedded: 1, lexicalOnly: [] });
  });

  it("fails in strict mode, naming the chunks without a vector, and writes no index", async () => {
    const root = makeContentRoot(files());
    await fake.goDown();
    try {
      await expect(buildIndex(options(root, { strict: true }))).rejects.toThrow(/INDEX_STRICT=1 and 10 of 10 chunks have no vector:\n {2}\/blog\/two#/);
      expect(fs.existsSync(path.join(root, ".index"))).toBe(false);
    } finally {
      await fake.comeUp();
    }
  });

  it("uses the fallback for misses only when it serves the same model", async () => {
    const root = makeContentRoot(files());
    const other = await startFakeOllama({ dimensions: 16, model: "nomic-embed-text" });
    const same = await startFakeOllama({ dimensions: 16 });
    await fake.goDown();
    try {
      const wrong = await buildIndex(options(root, { fallback: { url: other.url, api: "ollama", model: "bge-m3" } }));
      expect(wrong).toMatchObject({ embedded: 0, viaFallback: 0 });
      expect(wrong.lexicalOnly).toHaveLength(10);
      expect(other.inputCount).toBe(0);
      const right = await buildIndex(options(root, { fallback: { url: same.url, api: "openai", model: "bge-m3" } }));
      expect(right).toMatchObject({ embedded: 10, viaFallback: 10, lexicalOnly: [] });
    } finally {
      await Promise.all([other.close(), same.close(), fake.comeUp()]);
    }
  });

  it("builds a lexical-only index with one notice when no endpoint is configured", async () => {
    const root = makeContentRoot(files());
    const summary = await buildIndex(options(root, { primary: undefined }));
    expect(summary).toMatchObject({ embedConfigured: false, dimensions: 0, requests: 0 });
    expect(summary.notices).toEqual([expect.stringMatching(/EMBED_URL is not set/)]);
    expect(fake.requests).toHaveLength(0);
  });
});
