// GET /healthz: "ok" while at least one upstream answers and serves every allowed model,
// 503 otherwise, and nothing more. The probe is shared and cached briefly, so
// unauthenticated callers cannot multiply calls to Ollama.
import type { Reply } from "./errors";
import type { Pool } from "./pool";

const PROBE_CACHE_MS = 1_000; // at most one probe round a second, however many callers
const TEXT_TYPE = "text/plain; charset=utf-8";
const OK_BODY = Buffer.from("ok"); // made once: /healthz answers unauthenticated callers
const UNAVAILABLE_BODY = Buffer.from("unavailable");

/** The health endpoint. */
export type HealthCheck = { serve(reply: Reply): Promise<void> };

/** Creates the cached probe of every upstream in the pool. */
export function createHealthCheck(pool: Pool): HealthCheck {
  let last: { at: number; probe: Promise<void> } | undefined;
  return {
    async serve(reply) {
      if (!last || Date.now() - last.at > PROBE_CACHE_MS) last = { at: Date.now(), probe: pool.probeAll() };
      await last.probe;
      const up = pool.anyUp();
      reply(up ? 200 : 503, up ? OK_BODY : UNAVAILABLE_BODY, TEXT_TYPE);
    },
  };
}
