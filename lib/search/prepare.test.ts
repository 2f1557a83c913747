import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Chunk } from "../chunk/types";
import { writeBakedIndex } from "../index/write";

// Each lookup's builder, counted: the loader must have called every one before any question.
const built = vi.hoisted(() => ({ topics: 0, postings: 0, frequencies: 0, labels: 0 }));
vi.mock("./topicality", async (importOriginal) => {
  const original = await importOriginal<typeof import("./topicality")>();
  return { ...original, topicsOf: (chunks: Chunk[]) => (built.topics++, original.topicsOf(chunks)) };
});
vi.mock("./bm25-postings", async (importOriginal) => {
  const original = await importOriginal<typeof import("./bm25-postings")>();
  return { ...original, postingsOf: (...args: Parameters<typeof original.postingsOf>) => (built.postings++, original.postingsOf(...args)) };
});
vi.mock("./coverage", async (importOriginal) => {
  const original = await importOriginal<typeof import("./coverage")>();
  return { ...original, frequenciesOf: (...args: Parameters<typeof original.frequenciesOf>) => (built.frequencies++, original.frequenciesOf(...args)) };
});
vi.mock("./everyday-labels", async (importOriginal) => {
  const original = await importOriginal<typeof import("./everyday-labels")>();
  return { ...original, labelExpansionsOf: (...args: Parameters<typeof original.labelExpansionsOf>) => (built.labels++, original.labelExpansionsOf(...args)) };
});

const { createSearchIndexLoader } = await import("./load");
const { searchIndex } = await import("./search");

const chunk = (id: string, text: string): Chunk => ({ id, kind: "post", documentTitle: "D", documentUrl: "/blog/d", url: `/blog/d#${id}`, anchor: id, title: `D › ${id}`, date: "2024-01-01", text });

describe("prepareSearchIndex", () => {
  it("builds the per-index lookups when the loader loads the index, before any question", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "index-"));
    const chunks = [chunk("a", "alpha DuckDB warehouse"), chunk("b", "beta Kafka pipeline"), chunk("c", "gamma k3s cluster")];
    writeBakedIndex({ dir, model: "bge-m3", sourceHash: "h", embedConfigured: false, chunks, vectors: chunks.map(() => null), queries: [] });
    const index = await createSearchIndexLoader({ dir, model: "bge-m3", reloadWhenChanged: false })();
    for (const [lookup, calls] of Object.entries(built)) expect(calls, lookup).toBeGreaterThan(0);
    expect(searchIndex({ index, query: "DuckDB warehouse" }).results[0]?.chunk.id).toBe("a");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
