import fs from "node:fs";
import path from "node:path";
import { chunkDocuments } from "../chunk/chunk-document";
import { loadAllDocuments } from "../content/load";
import { env } from "../env";
import { META_FILE } from "../index/format";
import { locateIndexDir } from "../index/locate";
import { readBakedIndex } from "../index/read";
import { lexicalSearchIndex, searchIndexFromBaked } from "./build-index";
import { prepareSearchIndex } from "./prepare";
import type { SearchIndex } from "./types";

/** Where to read the index from and which model it must hold; each defaults to the env. */
export interface LoadOptions {
  dir?: string;
  model?: string;
  root?: string;
}

/**
 * Reads the baked index, or, when it is missing, of another version or model, or
 * damaged, says why once and builds a lexical-only index from `content/`. Never throws
 * for the index itself; only unreadable content (which fails the build first) does.
 */
export function loadSearchIndexNow({ dir, model = env().EMBED_MODEL, root }: LoadOptions = {}): SearchIndex {
  const where = dir ?? locateIndexDir({ override: env().SEARCH_INDEX_DIR });
  const read = readBakedIndex({ dir: where, model });
  if (read.ok) return searchIndexFromBaked(read.index);
  console.warn(`[search] ${read.reason}; searching lexically over content/ instead (run \`npm run index\`)`);
  return lexicalSearchIndex({ chunks: chunkDocuments(loadAllDocuments(root)), model });
}

/** The metadata file's mtime in ms, or 0 when there is none yet (a later `npm run index` then counts as newer). */
function metaMtimeOf(dir: string): number {
  try {
    return fs.statSync(path.join(dir, META_FILE)).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * A loader that reads the index once, builds its lookups (`prepareSearchIndex`), and then serves it from memory; with
 * `reloadWhenChanged` it reads it again whenever `index.json` is newer than the one
 * loaded, so `npm run index` reaches a running `npm run dev` without a restart.
 */
export function createSearchIndexLoader({ reloadWhenChanged, ...options }: LoadOptions & { reloadWhenChanged: boolean }): () => Promise<SearchIndex> {
  const dirNow = () => options.dir ?? locateIndexDir({ override: env().SEARCH_INDEX_DIR });
  let cached: Promise<SearchIndex> | undefined;
  let loadedMtime = 0;
  return () => {
    if (cached && reloadWhenChanged && metaMtimeOf(dirNow()) > loadedMtime) cached = undefined;
    if (!cached) {
      const dir = dirNow();
      // Taken before the read, so an index written during it counts as newer next time.
      loadedMtime = metaMtimeOf(dir);
      const loading = Promise.resolve().then(() => prepareSearchIndex(loadSearchIndexNow({ ...options, dir })));
      loading.catch(() => {
        if (cached === loading) cached = undefined; // a content error is retried on the next request
      });
      cached = loading;
    }
    return cached;
  };
}

/** The process's search index: loaded once in production, reloaded after `npm run index` in development. */
export const loadSearchIndex = createSearchIndexLoader({ reloadWhenChanged: process.env.NODE_ENV === "development" });
