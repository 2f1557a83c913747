import type { Chunk } from "../chunk/types";
import type { Abbreviation } from "../search/abbreviations";

/**
 * The baked index format version: the one writer and the one reader share it, and a
 * reader meeting another version falls back to lexical search instead of misreading.
 * Bump it on any change to these files or to the BM25 prep tasks in lib/search/bm25.ts
 * (an index tokenised one way must not be searched the other): one number covers both.
 */
export const INDEX_VERSION = 2;

/** Where the index is written, relative to the project root (gitignored, traced into the chat route). */
export const INDEX_DIR = ".index";

/** Metadata file: JSON. */
export const META_FILE = "index.json";

/** Vectors file: little-endian float32, `dimensions` per row, rows in `vectorRow` order. */
export const VECTORS_FILE = "vectors.f32";

/** A chunk as stored: its row in the vectors file, or null when it is lexical-only. */
export type StoredChunk = Chunk & { vectorRow: number | null };

/** Contents of `index.json`. */
export interface IndexMeta {
  version: number;
  model: string;
  /** 0 when no chunk has a vector. */
  dimensions: number;
  createdAt: string;
  /** sha256 of the content files the index was built from, so `predev` can skip a fresh index. */
  sourceHash: string;
  /** Whether an embedding endpoint was configured when it was built (a lexical-only dev index goes stale once one is). */
  embedConfigured: boolean;
  chunks: StoredChunk[];
  /** Suggested questions with their vector rows, so the chat never embeds them at run time. */
  queries: Array<{ text: string; vectorRow: number }>;
  /** Rows in the vectors file. */
  vectorRows: number;
  /** wink-bm25-text-search `exportJSON()` output, parsed: fields title, headings, tags and body (lib/search/bm25-fields.ts). */
  bm25: unknown;
  /** The author's abbreviations learned from the chunks, so queries are expanded both ways ("ML" ↔ "machine learning"). */
  abbreviations: Abbreviation[];
}

/** Everything the reader returns: metadata plus the vectors as one Float32Array. */
export interface BakedIndex {
  meta: IndexMeta;
  vectors: Float32Array;
}
