import path from "node:path";
import type { Chunk } from "../chunk/types";
import { writeFileAtomic } from "../atomic-write";
import { encodeFloat32LE } from "../embed/wire";
import { buildLexicon } from "../search/build-index";
import { INDEX_VERSION, META_FILE, VECTORS_FILE, type IndexMeta } from "./format";

/** What the indexer hands the writer: chunks with their vectors (null = lexical-only) and the baked query vectors. */
export interface BakeInput {
  dir: string;
  model: string;
  sourceHash: string;
  embedConfigured: boolean;
  chunks: Chunk[];
  vectors: Array<Float32Array | null>;
  queries: Array<{ text: string; vector: Float32Array | null }>;
}

/** The lexical half of the index as stored: the BM25 export and the abbreviation table. */
function bakedLexicon(chunks: Chunk[]): Pick<IndexMeta, "bm25" | "abbreviations"> {
  const { bm25, abbreviations } = buildLexicon(chunks);
  return { bm25: JSON.parse(bm25.exportJSON()), abbreviations };
}

/** Writes the baked index (the one writer): vectors first, then the metadata that points at them, each atomically. */
export function writeBakedIndex(input: BakeInput): IndexMeta {
  const present = [...input.vectors, ...input.queries.map((q) => q.vector)].filter((v): v is Float32Array => v !== null);
  const dimensions = present[0]?.length ?? 0;
  if (present.some((v) => v.length !== dimensions)) throw new Error("writeBakedIndex: vectors of different sizes");
  const rows: Float32Array[] = [];
  const rowOf = (vector: Float32Array | null): number | null => (vector ? rows.push(vector) - 1 : null);
  const chunks = input.chunks.map((chunk, i) => ({ ...chunk, vectorRow: rowOf(input.vectors[i] ?? null) }));
  const queries = input.queries.flatMap((q) => (q.vector ? [{ text: q.text, vectorRow: rowOf(q.vector)! }] : []));

  const flat = new Float32Array(rows.length * dimensions);
  rows.forEach((row, r) => flat.set(row, r * dimensions));

  const meta: IndexMeta = {
    version: INDEX_VERSION,
    model: input.model,
    dimensions,
    createdAt: new Date().toISOString(),
    sourceHash: input.sourceHash,
    embedConfigured: input.embedConfigured,
    chunks,
    queries,
    vectorRows: rows.length,
    ...bakedLexicon(input.chunks),
  };
  writeFileAtomic(path.join(input.dir, VECTORS_FILE), encodeFloat32LE(flat));
  writeFileAtomic(path.join(input.dir, META_FILE), JSON.stringify(meta));
  return meta;
}
