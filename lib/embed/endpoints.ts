import { env as readEnv, type Env } from "../env";
import type { EmbedEndpoint } from "./types";

/**
 * The primary and fallback embedding endpoints from the environment; both serve
 * `EMBED_MODEL`, either may be absent. For the indexer (`forBuild`) the primary's token is
 * `EMBED_BUILD_SECRET` when set, so the gateway counts deploys apart from visitors.
 */
export function embedEndpointsFromEnv(env: Env = readEnv(), { forBuild = false }: { forBuild?: boolean } = {}): { primary?: EmbedEndpoint; fallback?: EmbedEndpoint } {
  const model = env.EMBED_MODEL;
  const secret = (forBuild && env.EMBED_BUILD_SECRET) || env.EMBED_SECRET;
  return {
    primary: env.EMBED_URL ? { url: env.EMBED_URL, api: env.EMBED_API, secret, model } : undefined,
    fallback: env.EMBED_FALLBACK_URL ? { url: env.EMBED_FALLBACK_URL, api: env.EMBED_FALLBACK_API, secret: env.EMBED_FALLBACK_SECRET, model } : undefined,
  };
}
