import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { makeContentRoot, markdownFile } from "@/test/content-fixture";
import type { Chunk } from "../chunk/types";
import { META_FILE } from "../index/format";
import { writeBakedIndex } from "../index/write";
import { createSearchIndexLoader } from "./load";

const chunk = (id: string, text: string): Chunk => ({ id, kind: "post", documentTitle: "D", documentUrl: "/blog/d", url: `/blog/d#${id}`, anchor: id, title: `D › ${id}`, date: "2024-01-01", text });

/** Writes a lexical-only index of `chunks` into `dir`, then dates its metadata `secondsAgo` in the past (no waiting on the clock). */
function bake(dir: string, chunks: Chunk[], secondsAgo: number) {
  writeBakedIndex({ dir, model: "bge-m3", sourceHash: "h", embedConfigured: false, chunks, vectors: chunks.map(() => null), queries: [] });
  const when = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(path.join(dir, META_FILE), when, when);
}

const idsOf = async (load: () => Promise<{ chunks: Chunk[] }>) => (await load()).chunks.map((c) => c.id);

describe("createSearchIndexLoader", () => {
  const first = [chunk("a", "alpha DuckDB")];
  const second = [chunk("a", "alpha DuckDB"), chunk("b", "beta Kafka")];

  it.each([
    { title: "reloads the index in development once index.json is newer than the one loaded", reloadWhenChanged: true, after: ["a", "b"] },
    { title: "keeps the first load in production even after the index is rewritten", reloadWhenChanged: false, after: ["a"] },
  ])("$title", async ({ reloadWhenChanged, after }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "index-"));
    bake(dir, first, 60);
    const load = createSearchIndexLoader({ dir, model: "bge-m3", reloadWhenChanged });
    expect(await idsOf(load)).toEqual(["a"]);
    bake(dir, second, 0);
    expect(await idsOf(load)).toEqual(after);
  });

  it("serves the same loaded index while index.json is unchanged", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "index-"));
    bake(dir, first, 60);
    const load = createSearchIndexLoader({ dir, model: "bge-m3", reloadWhenChanged: true });
    expect(await load()).toBe(await load());
  });

  it("switches from the lexical fallback over content/ to a baked index that appears later in development", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "index-"));
    const root = makeContentRoot({ "posts/x.md": markdownFile("title: X\ndate: 2024-01-01", "## Szeged\n\nFish soup.") });
    const load = createSearchIndexLoader({ dir, model: "bge-m3", root, reloadWhenChanged: true });
    expect(await load()).toMatchObject({ source: "content" });
    bake(dir, second, 0);
    expect(await load()).toMatchObject({ source: "baked", chunks: second });
    warn.mockRestore();
  });
});
