import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../atomic-write";
import { isFiniteVector } from "../search/vectors";
import { decodeBase64Floats, encodeFloat32LE } from "./wire";

/** Where the cache lives by default: `.next/cache/` is kept between Vercel builds. */
export const DEFAULT_CACHE_DIR = ".next/cache/embeddings";

/** Bump when the entry layout changes; older entries are then ignored as foreign. */
const CACHE_ENTRY_VERSION = 1;

/** Subfolder of the cache holding the texts the server could not embed alone, one record per text, keyed like the vectors. */
const UNEMBEDDABLE_DIR = "unembeddable";

/** sha256 of the exact embedded text. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

interface CacheEntry {
  v: number;
  model: string;
  textSha256: string;
  dimensions: number;
  /** Little-endian float32, base64. */
  vector: string;
}

/**
 * Content-addressed embedding cache: one JSON file per (model, text) pair, named by
 * sha256(model + NUL + sha256(text)), written atomically. A corrupt or foreign entry
 * is a miss with one warning, never a crash.
 */
export class EmbeddingCache {
  readonly dir: string;
  readonly model: string;
  private readonly warn: (message: string) => void;

  constructor({ dir, model, warn = (m) => console.warn(m) }: { dir: string; model: string; warn?: (message: string) => void }) {
    this.dir = dir;
    this.model = model;
    this.warn = warn;
  }

  /** The entry file for a text under this cache's model. */
  pathFor(text: string): string {
    const key = sha256(`${this.model}\u0000${sha256(text)}`);
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /** The cached vector of a text, or undefined on a miss (absent, corrupt or foreign entry). */
  get(text: string): Float32Array | undefined {
    const file = this.pathFor(text);
    let raw: string;
    try {
      raw = fs.readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(raw) as CacheEntry;
      if (entry.v !== CACHE_ENTRY_VERSION || entry.model !== this.model || entry.textSha256 !== sha256(text)) throw new Error("entry belongs to another model, text or version");
      const vector = decodeBase64Floats(entry.vector);
      if (vector.length !== entry.dimensions || entry.dimensions === 0) throw new Error("vector length does not match its dimensions");
      if (!isFiniteVector(vector)) throw new Error("vector holds a non-finite value");
      return vector;
    } catch (error) {
      this.warn(`[embed-cache] ignoring ${file}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Stores a text's vector (atomically: temp file then rename). */
  set(text: string, vector: Float32Array): void {
    const base64 = Buffer.from(encodeFloat32LE(vector)).toString("base64");
    const entry: CacheEntry = { v: CACHE_ENTRY_VERSION, model: this.model, textSha256: sha256(text), dimensions: vector.length, vector: base64 };
    writeFileAtomic(this.pathFor(text), JSON.stringify(entry));
  }

  /** Where the record of a text the server could not embed lives: the vector's key, in its own subfolder. */
  unembeddablePathFor(text: string): string {
    return path.join(this.dir, UNEMBEDDABLE_DIR, path.relative(this.dir, this.pathFor(text)));
  }

  /** Whether an earlier build found that the server cannot embed this text alone (so it is tried alone, once). */
  isUnembeddable(text: string): boolean {
    return fs.existsSync(this.unembeddablePathFor(text));
  }

  /** Remembers that the server could not embed this text alone, with why (atomically). */
  markUnembeddable(text: string, reason: string): void {
    const record = { v: CACHE_ENTRY_VERSION, model: this.model, textSha256: sha256(text), reason, at: new Date().toISOString() };
    writeFileAtomic(this.unembeddablePathFor(text), JSON.stringify(record));
  }

  /** Forgets that record once the text has a vector (the server, or the fallback, embedded it after all). */
  clearUnembeddable(text: string): void {
    fs.rmSync(this.unembeddablePathFor(text), { force: true });
  }
}
