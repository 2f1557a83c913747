import { embedQuery } from "../embed/embed-query";
import { embedEndpointsFromEnv } from "../embed/endpoints";
import type { EmbedEndpoint } from "../embed/types";
import { loadSearchIndexNow } from "../search/load";
import type { EvalSetup, QueryEmbed } from "./run-eval";

/** "bge-m3 (ollama API at pi.example.com)": the model and where it runs, without the path or any secret. */
export function describeEndpoint(endpoint: EmbedEndpoint): string {
  return `${endpoint.model} (${endpoint.api} API at ${new URL(endpoint.url).host})`;
}

/** A query embedder over endpoints tried in order, as `npm run search` does it; rejects with the last reason. */
export function embedderFor(endpoints: Array<EmbedEndpoint | undefined>, dimensions: number): QueryEmbed {
  return async (text) => {
    let reason = "no endpoint answered";
    const vector = await embedQuery({ text, endpoints, dimensions, onFailure: (why) => (reason = why) });
    if (!vector) throw new Error(reason);
    return vector;
  };
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
  return { index, fake: false, embedder, embed: embedderFor([primary, fallback], index.dimensions) };
}
