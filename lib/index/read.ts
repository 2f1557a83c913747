import fs from "node:fs";
import path from "node:path";
import { decodeFloat32LE } from "../embed/wire";
import { INDEX_VERSION, META_FILE, VECTORS_FILE, type BakedIndex, type IndexMeta } from "./format";

/** The reader's answer: the index, or why it cannot be used (missing, other version, other model, damaged). */
export type ReadResult = { ok: true; index: BakedIndex } | { ok: false; reason: string };

/** Reads the baked index (the one reader), refusing another version, another model or a vectors file of the wrong size. */
export function readBakedIndex({ dir, model }: { dir: string; model?: string }): ReadResult {
  const metaPath = path.join(dir, META_FILE);
  if (!fs.existsSync(metaPath)) return { ok: false, reason: `no baked index at ${metaPath}` };
  let meta: IndexMeta;
  try {
    meta = JSON.parse(fs.readFileSync(metaPath, "utf8")) as IndexMeta;
  } catch (error) {
    return { ok: false, reason: `${metaPath} is not valid JSON (${(error as Error).message})` };
  }
  if (meta.version !== INDEX_VERSION) return { ok: false, reason: `${metaPath} is version ${meta.version}, this reader reads version ${INDEX_VERSION}` };
  if (model && meta.vectorRows > 0 && meta.model !== model) return { ok: false, reason: `${metaPath} holds ${meta.model} vectors, the configured model is ${model}` };
  const expectedBytes = meta.vectorRows * meta.dimensions * 4;
  const vectorsPath = path.join(dir, VECTORS_FILE);
  const buffer = fs.existsSync(vectorsPath) ? fs.readFileSync(vectorsPath) : Buffer.alloc(0);
  if (buffer.byteLength !== expectedBytes) return { ok: false, reason: `${vectorsPath} has ${buffer.byteLength} bytes, expected ${expectedBytes}` };
  return { ok: true, index: { meta, vectors: decodeFloat32LE(buffer) } };
}
