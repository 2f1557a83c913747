// GET /healthz: "ok" when Ollama answers, 503 otherwise, and nothing more. The probe
// is shared and cached briefly, so unauthenticated callers cannot multiply calls to Ollama.
import type { ServerResponse } from "node:http";
import { sendBytes } from "./errors";
import type { Upstream } from "./upstream";

const PROBE_TIMEOUT_MS = 2_000; // Ollama answers GET / at once when it is up
const PROBE_CACHE_MS = 1_000; // at most one probe a second, however many callers

/** The health endpoint. */
export type HealthCheck = { serve(res: ServerResponse): Promise<void> };

/** Creates the cached probe of Ollama's root. */
export function createHealthCheck(upstream: Upstream): HealthCheck {
  let last: { at: number; probe: Promise<boolean> } | undefined;
  const probe = async () => {
    try {
      const reply = await upstream.call({ method: "GET", path: "/", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), timeoutMs: PROBE_TIMEOUT_MS });
      return reply.status === 200;
    } catch {
      return false;
    }
  };
  return {
    async serve(res) {
      if (!last || Date.now() - last.at > PROBE_CACHE_MS) last = { at: Date.now(), probe: probe() };
      const up = await last.probe;
      sendBytes(res, up ? 200 : 503, Buffer.from(up ? "ok" : "unavailable"), { "Content-Type": "text/plain; charset=utf-8" });
    },
  };
}
