// The gateway's embedding cache: a size-bounded LRU of vectors keyed by SHA-256 of the
// model and the exact text, so a repeated question or an unchanged chunk costs the Pi nothing.
import { hash } from "node:crypto";

/** A bounded LRU from (model, text) to its vector. */
export type EmbeddingCache = {
  /** The key of one text: SHA-256 over the model (with its tag) and the text, kept apart by a NUL. */
  keyOf(model: string, text: string): string;
  get(key: string): number[] | undefined;
  set(key: string, vector: number[]): void;
  readonly size: number;
};

/** Creates a cache of at most `entries` vectors; the least recently used goes first. */
export function createEmbeddingCache(entries: number): EmbeddingCache {
  // A Map iterates in insertion order: re-inserting on every hit makes its first key the oldest.
  const map = new Map<string, number[]>();
  return {
    keyOf: (model, text) => hash("sha256", `${model}\0${text}`, "base64"),
    get(key) {
      const vector = map.get(key);
      if (vector !== undefined) {
        map.delete(key);
        map.set(key, vector);
      }
      return vector;
    },
    set(key, vector) {
      if (entries <= 0) return;
      map.delete(key);
      map.set(key, vector);
      if (map.size > entries) map.delete(map.keys().next().value as string);
    },
    get size() {
      return map.size;
    },
  };
}
