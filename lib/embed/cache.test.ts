import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EmbeddingCache } from "./cache";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "embed-cache-"));

describe("EmbeddingCache", () => {
  it("round-trips a vector keyed by model and exact text", () => {
    const cache = new EmbeddingCache({ dir: tempDir(), model: "bge-m3" });
    cache.set("hello", Float32Array.from([0.5, -0.25]));
    expect([...cache.get("hello")!]).toEqual([0.5, -0.25]);
    expect(cache.get("hello ")).toBeUndefined();
    expect(new EmbeddingCache({ dir: cache.dir, model: "other" }).get("hello")).toBeUndefined();
  });

  it("ignores a corrupt entry with a warning instead of crashing", () => {
    const warnings: string[] = [];
    const cache = new EmbeddingCache({ dir: tempDir(), model: "bge-m3", warn: (m) => warnings.push(m) });
    cache.set("hello", Float32Array.from([1, 2]));
    fs.writeFileSync(cache.pathFor("hello"), "{not json");
    expect(cache.get("hello")).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(cache.pathFor("hello"));
  });

  it("ignores a foreign entry (another text's vector under this key) with a warning", () => {
    const warnings: string[] = [];
    const cache = new EmbeddingCache({ dir: tempDir(), model: "bge-m3", warn: (m) => warnings.push(m) });
    cache.set("other text", Float32Array.from([1, 2]));
    fs.mkdirSync(path.dirname(cache.pathFor("hello")), { recursive: true });
    fs.copyFileSync(cache.pathFor("other text"), cache.pathFor("hello"));
    expect(cache.get("hello")).toBeUndefined();
    expect(warnings[0]).toMatch(/another model, text or version/);
  });

  it("leaves no temp files behind after a write", () => {
    const cache = new EmbeddingCache({ dir: tempDir(), model: "bge-m3" });
    cache.set("a", Float32Array.from([1]));
    const files = fs.readdirSync(path.dirname(cache.pathFor("a")));
    expect(files).toEqual([path.basename(cache.pathFor("a"))]);
  });
});
