import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Chunk } from "../chunk/types";
import { writeBakedIndex } from "../index/write";

const built = vi.hoisted(() => ({ topics: 0 }));
vi.mock("./topicality", async (importOriginal) => {
  const original = await importOriginal<typeof import("./topicality")>();
  return { ...original, topicsOf: (chunks: Chunk[]) => (built.topics++, original.topicsOf(chunks)) };
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
    expect(built.topics).toBeGreaterThan(0);
    expect(searchIndex({ index, query: "DuckDB warehouse" }).results[0]?.chunk.id).toBe("a");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
