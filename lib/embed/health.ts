import { HEALTH_PROBE_TIMEOUT_MS } from "./constants";
import type { EmbedEndpoint } from "./types";

/** Where the probe knocks: the gateway's `/healthz` (Ollama and others answer it with a 404, which is just as good). */
export function probeUrl(endpoint: EmbedEndpoint): string {
  const base = endpoint.url.replace(/\/+$/, "").replace(/\/v1$/, "");
  return `${base}/healthz`;
}

/**
 * One quick reachability check: any HTTP answer (even 401 or 404) means the host is up;
 * a refused connection or a timeout means it is down. Returns the reason when down.
 */
export async function probeEndpoint(endpoint: EmbedEndpoint, timeoutMs = HEALTH_PROBE_TIMEOUT_MS): Promise<string | undefined> {
  try {
    const response = await fetch(probeUrl(endpoint), { method: "GET", signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return undefined;
  } catch (error) {
    const err = error as Error & { cause?: Error };
    return err.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (err.cause?.message ?? err.message);
  }
}
