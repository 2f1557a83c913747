import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { makeContentRoot, markdownFile } from "@/test/content-fixture";
import type { Chunk } from "../chunk/types";
import { searchIndexFromBaked } from "../search/build-index";
import { loadSearchIndexNow } from "../search/load";
import { searchIndex } from "../search/search";
import { INDEX_VERSION, META_FILE, VECTORS_FILE } from "./format";
import { indexDirCandidates, locateIndexDir } from "./locate";
import { readBakedIndex } from "./read";
import { writeBakedIndex } from "./write";

const chunk = (id: string, text: string): Chunk => ({ id, kind: "post", documentTitle: "D", documentUrl: "/blog/d", url: `/blog/d#${id}`, anchor: id, title: `D › ${id}`, date: "2024-01-01", text });
const chunks = [chunk("a", "alpha DuckDB for machine learning (ML)"), chunk("b", "beta Kafka"), chunk("c", "gamma Terraform")];

function bake(dir = fs.mkdtempSync(path.join(os.tmpdir(), "index-"))) {
  writeBakedIndex({
    dir, model: "bge-m3", sourceHash: "h", embedConfigured: true, chunks,
    vectors: [Float32Array.from([3, 4]), null, Float32Array.from([0, 2])],
    queries: [{ text: "Where did you study?", vector: Float32Array.from([1, 0]) }],
  });
  return dir;
}

describe("writeBakedIndex / readBakedIndex", () => {
  it("round-trips chunks, lexical-only gaps, baked query vectors and BM25 through JSON plus one float32 file", () => {
    const dir = bake();
    expect(fs.statSync(path.join(dir, VECTORS_FILE)).size).toBe(3 * 2 * 4);
    const read = readBakedIndex({ dir, model: "bge-m3" });
    if (!read.ok) throw new Error(read.reason);
    const index = searchIndexFromBaked(read.index);
    expect(index).toMatchObject({ model: "bge-m3", dimensions: 2, hasVectors: true, chunks });
    expect([...index.rowOfChunk]).toEqual([0, -1, 1]);
    expect([...index.matrix.subarray(0, 2)]).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect([...index.bakedQueryVector("Where did you study?")!]).toEqual([1, 0]);
    expect(index.bakedQueryVector("something else")).toBeUndefined();
    expect(searchIndex({ index, query: "Kafka" }).results[0]!.chunk.id).toBe("b");
    expect(index.abbreviations).toEqual(read.index.meta.abbreviations);
  });

  it("bakes the abbreviations learned from the chunks, so the route expands queries without relearning them", () => {
    const dir = bake();
    const read = readBakedIndex({ dir, model: "bge-m3" });
    if (!read.ok) throw new Error(read.reason);
    expect(read.index.meta.abbreviations).toContainEqual({ short: "ml", long: "machine learning" });
    const index = searchIndexFromBaked(read.index);
    expect(searchIndex({ index, query: "ML" }).results[0]!.chunk.id).toBe("a");
  });

  it("refuses another version, another model and a truncated vectors file, saying which", () => {
    const dir = bake();
    expect(readBakedIndex({ dir, model: "nomic-embed-text" })).toEqual({ ok: false, reason: expect.stringMatching(/holds bge-m3 vectors, the configured model is nomic-embed-text/) });
    fs.truncateSync(path.join(dir, VECTORS_FILE), 10);
    expect(readBakedIndex({ dir, model: "bge-m3" })).toEqual({ ok: false, reason: expect.stringMatching(/has 10 bytes, expected 24/) });
    const meta = JSON.parse(fs.readFileSync(path.join(dir, META_FILE), "utf8"));
    fs.writeFileSync(path.join(dir, META_FILE), JSON.stringify({ ...meta, version: 999 }));
    expect(readBakedIndex({ dir, model: "bge-m3" })).toEqual({ ok: false, reason: expect.stringMatching(new RegExp(`version 999, this reader reads version ${INDEX_VERSION}`)) });
  });
});

describe("loadSearchIndexNow", () => {
  it("says why and falls back to a lexical index over content/ when the baked one is for another model", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const root = makeContentRoot({ "posts/x.md": markdownFile("title: X\ndate: 2024-01-01", "## Szeged\n\nFish soup.") });
    const index = loadSearchIndexNow({ dir: bake(), model: "nomic-embed-text", root });
    expect(index).toMatchObject({ source: "content", hasVectors: false });
    expect(searchIndex({ index, query: "szeged soup" }).results[0]!.chunk.url).toBe("/blog/x#szeged");
    expect(warn.mock.calls[0]![0]).toMatch(/configured model is nomic-embed-text/);
    warn.mockRestore();
  });
});

describe("locateIndexDir", () => {
  it("finds the index beside the running next binary when started from another folder", () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "project-"));
    bake(path.join(project, ".index"));
    const bin = path.join(project, "node_modules/next/dist/bin/next");
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    fs.writeFileSync(bin, "");
    expect(locateIndexDir({ cwd: os.tmpdir(), entry: bin })).toBe(path.join(project, ".index"));
    expect(indexDirCandidates({ override: "/srv/idx" })).toEqual(["/srv/idx"]);
  });
});
