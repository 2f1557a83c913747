import { env as readEnv, type Env } from "../env";
import type { EmbedEndpoint } from "./types";

/** The primary and fallback embedding endpoints from the environment; both serve `EMBED_MODEL`, either may be absent. */
export function embedEndpointsFromEnv(env: Env = readEnv()): { primary?: EmbedEndpoint; fallback?: EmbedEndpoint } {
  const model = env.EMBED_MODEL;
  return {
    primary: env.EMBED_URL ? { url: env.EMBED_URL, api: env.EMBED_API, secret: env.EMBED_SECRET, model } : undefined,
    fallback: env.EMBED_FALLBACK_URL ? { url: env.EMBED_FALLBACK_URL, api: env.EMBED_FALLBACK_API, secret: env.EMBED_FALLBACK_SECRET, model } : undefined,
  };
}
