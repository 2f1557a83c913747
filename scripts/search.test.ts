import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashEmbed, startFakeOllama, type FakeOllama } from "@/test/fake-ollama";
import type { Chunk } from "@/lib/chunk/types";
import { writeBakedIndex } from "@/lib/index/write";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const TSX_CLI = path.join(root, "node_modules/tsx/dist/cli.mjs");
const DIMENSIONS = 8;

const chunk = (slug: string, anchor: string, text: string): Chunk => ({
  id: `/blog/${slug}#${anchor}`, kind: "post", documentTitle: slug, documentUrl: `/blog/${slug}`, url: `/blog/${slug}#${anchor}`,
  anchor, title: `${slug} › ${anchor}`, date: "2024-01-01", text,
});
const chunks = [
  chunk("infra", "terraform", "Terraform modules for the AWS accounts."),
  chunk("food", "soup", "Fish soup from Szeged."),
  chunk("walks", "estrela", "A long walk in the Serra da Estrela."),
];

let fake: FakeOllama;
const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), "search-cli-"));
beforeAll(async () => {
  fake = await startFakeOllama({ dimensions: DIMENSIONS });
  const vectors = chunks.map((c) => Float32Array.from(hashEmbed(c.text, DIMENSIONS)));
  writeBakedIndex({ dir: indexDir, model: "bge-m3", sourceHash: "h", embedConfigured: true, chunks, vectors, queries: [] });
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(indexDir, { recursive: true, force: true });
});

/** `npm run search -- --json <query>` as a process against the temporary index, with only the given endpoint. */
async function searchJson(query: string, embedUrl: string) {
  const env = { ...process.env, SEARCH_INDEX_DIR: indexDir, EMBED_URL: embedUrl, EMBED_API: "ollama", EMBED_MODEL: "bge-m3", EMBED_SECRET: "", EMBED_FALLBACK_URL: "" };
  const { stdout } = await run(process.execPath, [TSX_CLI, "scripts/search.ts", "--json", query], { cwd: root, env });
  return JSON.parse(stdout);
}

describe("npm run search -- --json", () => {
  it("prints the documented shape: query, mode and ranked results with deep links and both ranks", async () => {
    const output = await searchJson("Terraform modules", fake.url);
    expect(Object.keys(output)).toEqual(["query", "mode", "results"]);
    expect(output).toMatchObject({ query: "Terraform modules", mode: "hybrid" });
    expect(output.results[0]).toEqual({ rank: 1, url: "/blog/infra#terraform", title: "infra › terraform", score: expect.any(Number), bm25Rank: 1, denseRank: expect.any(Number) });
    expect(output.results.map((r: { rank: number }) => r.rank)).toEqual(output.results.map((_: unknown, i: number) => i + 1));
    expect(fake.requests.filter((r) => r.path === "/api/embed")).toHaveLength(1);
  }, 30_000);

  it("says lexical, with null dense ranks, when no embedding endpoint is set", async () => {
    const output = await searchJson("Szeged soup", "");
    expect(output.mode).toBe("lexical");
    expect(output.results[0]).toMatchObject({ url: "/blog/food#soup", bm25Rank: 1, denseRank: null });
  }, 30_000);
});
