import { embedEndpointsFromEnv } from "../embed/endpoints";
import type { EmbedEndpoint } from "../embed/types";
import { loadSearchIndexNow } from "../search/load";
import { queryEmbedderFor } from "./embed-queries";
import type { EvalSetup } from "./run-eval";

/** "bge-m3 (ollama API at pi.example.com)": the model and where it runs, without the path or any secret. */
function describeEndpoint(endpoint: EmbedEndpoint): string {
  return `${endpoint.model} (${endpoint.api} API at ${new URL(endpoint.url).host})`;
}

/**
 * The real setup: the baked index (or the lexical rebuild `npm run search` falls back to)
 * and the configured endpoints (`EMBED_URL`, then `EMBED_FALLBACK_URL`). Says why when
 * only the lexical mode can run.
 */
export function configuredSetup(): EvalSetup {
  const index = loadSearchIndexNow();
  const { primary, fallback } = embedEndpointsFromEnv();
  const endpoint = primary ?? fallback;
  if (!endpoint) {
    return { index, fake: false, embedder: "none", lexicalOnlyReason: "no embedding endpoint is configured (EMBED_URL / EMBED_FALLBACK_URL unset), so there are no query vectors" };
  }
  const embedder = describeEndpoint(endpoint);
  if (!index.hasVectors) {
    return { index, fake: false, embedder, lexicalOnlyReason: `the ${index.source} index has no chunk vectors; run \`npm run index\` with EMBED_URL set first` };
  }
  return { index, fake: false, embedder, embed: queryEmbedderFor([primary, fallback], index.dimensions) };
}
