import { chunkDocuments } from "../chunk/chunk-document";
import { loadAllDocuments } from "../content/load";
import { env } from "../env";
import { locateIndexDir } from "../index/locate";
import { readBakedIndex } from "../index/read";
import { lexicalSearchIndex, searchIndexFromBaked } from "./build-index";
import type { SearchIndex } from "./types";

/**
 * Reads the baked index, or, when it is missing, of another version or model, or
 * damaged, says why once and builds a lexical-only index from `content/`. Never throws
 * for the index itself; only unreadable content (which fails the build first) does.
 */
export function loadSearchIndexNow({ dir, model = env().EMBED_MODEL, root }: { dir?: string; model?: string; root?: string } = {}): SearchIndex {
  const where = dir ?? locateIndexDir({ override: env().SEARCH_INDEX_DIR });
  const read = readBakedIndex({ dir: where, model });
  if (read.ok) return searchIndexFromBaked(read.index);
  console.warn(`[search] ${read.reason}; searching lexically over content/ instead (run \`npm run index\`)`);
  return lexicalSearchIndex({ chunks: chunkDocuments(loadAllDocuments(root)), model });
}

let cached: Promise<SearchIndex> | undefined;

/** The process's search index, loaded once (see `loadSearchIndexNow`). */
export function loadSearchIndex(): Promise<SearchIndex> {
  cached ??= Promise.resolve().then(() => loadSearchIndexNow());
  cached.catch(() => (cached = undefined)); // a content error is retried on the next request
  return cached;
}
