// `npm run index [-- --if-stale]`: content → chunks → embeddings (cached) → baked index in `.index/`.
import { embedEndpointsFromEnv } from "@/lib/embed/endpoints";
import { DEFAULT_CACHE_DIR } from "@/lib/embed/cache";
import { streamProgressSink } from "@/lib/embed/progress";
import { env } from "@/lib/env";
import { buildIndex } from "@/lib/index/build";
import { INDEX_DIR } from "@/lib/index/format";
import { whyStale } from "@/lib/index/stale";
import { formatBuildSummary } from "@/lib/index/summary";
import { suggestedQuestions } from "@/lib/site";
import { loadProjectEnv } from "./lib/load-env";

// `--if-stale` is the predev step: read the development env files, as `next dev` will.
loadProjectEnv({ dev: process.argv.includes("--if-stale") });
const root = process.cwd();
const config = env();
const indexDir = config.SEARCH_INDEX_DIR ?? INDEX_DIR;
// The indexer's own token (EMBED_BUILD_SECRET, else EMBED_SECRET): a deploy never empties the visitors' bucket.
const { primary, fallback } = embedEndpointsFromEnv(config, { forBuild: true });

if (process.argv.includes("--if-stale")) {
  const reason = whyStale({ root, indexDir, model: config.EMBED_MODEL, embedConfigured: Boolean(primary ?? fallback) });
  if (!reason) {
    console.log("index: up to date, nothing to do");
    process.exit(0);
  }
  console.log(`index: rebuilding (${reason})`);
}

try {
  const summary = await buildIndex({
    root, indexDir, primary, fallback,
    cacheDir: config.EMBED_CACHE_DIR ?? DEFAULT_CACHE_DIR,
    model: config.EMBED_MODEL,
    strict: config.INDEX_STRICT,
    suggestedQuestions,
    progress: streamProgressSink(),
  });
  console.log(formatBuildSummary(summary));
} catch (error) {
  console.error(`index: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
